/// Splitting a request-target into path and query (RFC 9112 §3.2), without Foundation.
enum RequestTarget {
    /// Splits a raw target into its path and its query (the part after the first `?`).
    ///
    /// For an absolute-form target (`http://host:8080/p?q`) the scheme and authority are skipped and an empty
    /// path becomes `/`. Origin-form, asterisk-form (`*`) and anything else are split as they are.
    static func split(_ target: String) -> (path: Substring, query: Substring?) {
        let utf8 = target.utf8
        var start = utf8.startIndex
        var absolute = false
        if let afterScheme = authorityStart(target) {
            absolute = true
            start =
                utf8[afterScheme...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
                ?? utf8.endIndex
        }
        let questionMark = utf8[start...].firstIndex(of: UInt8(ascii: "?"))
        var path = target[start..<(questionMark ?? utf8.endIndex)]
        if absolute && path.isEmpty {
            path = "/"
        }
        let query = questionMark.map { target[target.utf8.index(after: $0)...] }
        return (path, query)
    }

    /// The index just after `http://` or `https://` (any case) at the start of the target, or `nil`.
    private static func authorityStart(_ target: String) -> String.Index? {
        guard let first = target.utf8.first, first | 0x20 == UInt8(ascii: "h") else {
            return nil  // the common origin-form ("/...") costs one byte comparison
        }
        for scheme in ["http://", "https://"] {
            let utf8 = target.utf8
            guard utf8.count >= scheme.utf8.count else {
                continue
            }
            let end = utf8.index(utf8.startIndex, offsetBy: scheme.utf8.count)
            if HTTPHeaders.namesEqual(String(target[..<end]), scheme) {
                return end
            }
        }
        return nil
    }
}

/// Percent-decoding (RFC 3986 §2.1) for paths and for form-encoded query items.
enum PercentDecoding {
    /// Decodes `%XX` escapes, and with `form` also `+` as a space.
    ///
    /// - Returns: the decoded text, or `nil` if an escape is malformed or the bytes are not valid UTF-8.
    static func decode(_ text: Substring, form: Bool) -> String? {
        let utf8 = text.utf8
        let plus = UInt8(ascii: "+")
        let percent = UInt8(ascii: "%")
        guard utf8.contains(where: { $0 == percent || (form && $0 == plus) }) else {
            return String(text)  // the common case: nothing to decode, no scratch buffer
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            if byte == percent {
                guard index != utf8.endIndex, let high = hexValue(utf8[index]) else {
                    return nil
                }
                utf8.formIndex(after: &index)
                guard index != utf8.endIndex, let low = hexValue(utf8[index]) else {
                    return nil
                }
                utf8.formIndex(after: &index)
                bytes.append(high << 4 | low)
            } else if form && byte == plus {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Decodes like ``decode(_:form:)`` with `form`, but keeps the text as written when decoding fails.
    static func decodeLeniently(_ text: Substring) -> String {
        decode(text, form: true) ?? String(text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
