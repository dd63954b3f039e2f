public import UploadPolicy

/// The body Rest PKI Core POSTs for each file a user picks: `{"name": …, "contentType": …, "length": …}`.
///
/// Decoded as ASP.NET Core (System.Text.Json with its web defaults) binds it, which is what callers of a .NET
/// service expect:
/// - property names are case-insensitive (`Name`, `NAME` and `name` are the same) and escapes in them count
///   (`"n\u0061me"` is `name`);
/// - unknown properties are ignored, but must still be valid JSON (nested up to 64 levels);
/// - `contentType` and `length` may be absent or `null`;
/// - `length` is a whole number, or a string holding one (`"2476032"`, as `AllowReadingFromString` reads it);
/// - a UTF-8 byte order mark before the object is tolerated.
///
/// Stricter than ASP.NET on purpose: a property given twice, in any casing, is refused rather than "last one
/// wins", since a proxy or a log reader could pick the other one.
public enum ValidationRequest {
    /// Decodes a request body into the engine's input.
    /// - Parameter body: The raw bytes.
    /// - Returns: The file to decide on.
    /// - Throws: ``EndpointError`` 400: `request.malformed_json` (with what is wrong and its byte offset),
    ///   `request.not_an_object`, `request.missing_name`, `request.invalid_field` (naming the property).
    public static func decode(_ body: [UInt8]) throws(EndpointError) -> FileCandidate {
        let result = body.withUnsafeBufferPointer { bytes in
            Result(catching: { () throws(EndpointError) -> FileCandidate in try decode(bytes) })
        }
        return try result.get()
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(EndpointError) -> FileCandidate {
        var scanner = JSONScanner(bytes)
        var fields = Fields()
        do {
            guard scanner.peek() != nil else { throw EndpointError.emptyBody }
            let kind = try scanner.peekKind()
            guard kind == .object else {
                _ = try scanner.skipValue()
                try scanner.expectEnd()
                throw EndpointError.notAnObject(kind.rawValue)
            }
            try fields.read(&scanner)
            try scanner.expectEnd()
        } catch let error as JSONScanner.SyntaxError {
            throw EndpointError.malformedJSON(error.message)
        } catch let error as EndpointError {
            throw error
        } catch {
            preconditionFailure("only syntax and endpoint errors are thrown: \(error)")
        }
        if let problem = fields.problem { throw problem }
        guard let name = fields.name else { throw EndpointError.missingName }
        return FileCandidate(name: name, contentType: fields.contentType, length: fields.length)
    }

    /// The three properties, read from the top-level object; the first property problem is kept and thrown
    /// only once the whole body is known to be valid JSON.
    private struct Fields {
        var name: String?
        var contentType: String?
        var length: Int64?
        var problem: EndpointError?
        /// The key each property was first given as, to name both in a duplicate's message.
        var seenName: String?
        var seenContentType: String?
        var seenLength: String?

        enum Property {
            case name, contentType, length

            /// Each property's name, lowercased.
            private static let spellings: [(Property, [UInt8])] = [
                (.name, Array("name".utf8)), (.contentType, Array("contenttype".utf8)), (.length, Array("length".utf8)),
            ]

            /// The property a decoded key names, compared case-insensitively (ASCII: the three names are ASCII,
            /// and no non-ASCII character folds to one of their letters).
            init?(key: UnsafeBufferPointer<UInt8>) {
                for (property, lowered) in Self.spellings where lowered.count == key.count {
                    let same = zip(lowered, key).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
                    if same {
                        self = property
                        return
                    }
                }
                return nil
            }
        }

        mutating func read(_ scanner: inout JSONScanner) throws(JSONScanner.SyntaxError) {
            try scanner.expect(UInt8(ascii: "{"), "'{'")
            if scanner.consume(UInt8(ascii: "}")) { return }
            repeat {
                guard scanner.peek() == UInt8(ascii: "\"") else {
                    throw scanner.unexpected("a property name in double quotes")
                }
                let key = try scanner.withString { key in
                    Property(key: key).map { ($0, String(decoding: key, as: UTF8.self)) }
                }
                try scanner.expect(UInt8(ascii: ":"), "':' after the property name")
                guard let (property, spelled) = key else {
                    _ = try scanner.skipValue(depth: 1)
                    continue
                }
                if let first = firstSpelling(of: property) {
                    _ = try scanner.skipValue(depth: 1)
                    note(.invalidField(spelled, "is given twice (as '\(first)' and '\(spelled)'); send it once"))
                    continue
                }
                switch property {
                case .name: seenName = spelled
                case .contentType: seenContentType = spelled
                case .length: seenLength = spelled
                }
                try readValue(of: property, spelled: spelled, &scanner)
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
        }

        private mutating func readValue(
            of property: Property, spelled: String, _ scanner: inout JSONScanner
        ) throws(JSONScanner.SyntaxError) {
            let kind = try scanner.peekKind()
            switch (property, kind) {
            case (.name, .string):
                name = try Self.string(&scanner)
            case (.contentType, .string):
                contentType = try Self.string(&scanner)
            case (.contentType, .null), (.length, .null):
                _ = try scanner.literal()
            case (.length, .number):
                let range = try scanner.number()
                length = WholeNumber.parse(scanner.slice(range))
                if length == nil {
                    note(.invalidField(spelled, "must be a whole number of bytes that fits in 64 bits"))
                }
            case (.length, .string):
                length = try scanner.withString { WholeNumber.parse($0) }
                if length == nil {
                    note(.invalidField(spelled, "must be a whole number of bytes; the string given does not hold one"))
                }
            default:
                _ = try scanner.skipValue(depth: 1)
                let expected =
                    switch property {
                    case .name: "a string"
                    case .contentType: "a string or null"
                    case .length: "a whole number of bytes or null"
                    }
                note(.invalidField(spelled, "must be \(expected), not \(kind.rawValue)"))
            }
        }

        private func firstSpelling(of property: Property) -> String? {
            switch property {
            case .name: seenName
            case .contentType: seenContentType
            case .length: seenLength
            }
        }

        private mutating func note(_ error: EndpointError) {
            if problem == nil { problem = error }
        }

        private static func string(_ scanner: inout JSONScanner) throws(JSONScanner.SyntaxError) -> String {
            try scanner.withString { String(decoding: $0, as: UTF8.self) }  // already checked to be valid UTF-8
        }
    }
}

/// Reads a JSON number as a whole `Int64`: `2476032`, also `2476032.0` or `2.476032e6`; nil for fractions,
/// values out of range, or text that is not a JSON number.
enum WholeNumber {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, JSONScanner.numberEnd(bytes, from: 0) == bytes.count else { return nil }
        let negative = bytes[0] == UInt8(ascii: "-")
        var value: Int64 = 0
        for byte in bytes.dropFirst(negative ? 1 : 0) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return fractional(bytes) }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            // Too many digits for 64 bits so far; an exponent may still bring the value back into range
            // (`10000000000000000000e-1`), which the exact decimal reading settles.
            guard !overflow1, !overflow2 else { return fractional(bytes) }
            value = next
        }
        return value
    }

    /// Numbers with a fraction or an exponent, or with more digits than 64 bits hold: whole values only, within
    /// ±2^63, read exactly in decimal (a `Double` would read `1.0000000000000000001` as 1, `1e-400` as 0 and
    /// `9007199254740993.0` as …992).
    private static func fractional(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let isDigit: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        let negative = bytes[0] == UInt8(ascii: "-")
        var digits: [UInt8] = []  // integer and fraction digits, without leading zeros
        var exponent = 0  // the value is digits × 10^exponent
        var index = negative ? 1 : 0
        var inFraction = false
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") {
            if bytes[index] == UInt8(ascii: ".") {
                inFraction = true
            } else {
                if !digits.isEmpty || bytes[index] != UInt8(ascii: "0") { digits.append(bytes[index] - 48) }
                if inFraction { exponent -= 1 }
            }
            index += 1
        }
        if index < bytes.count {  // 'e' or 'E', an optional sign, digits (the scanner has checked the shape)
            index += 1
            let exponentSign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var written = 0
            while index < bytes.count {
                // Capped: a body holds at most a few thousand digits, so past a million the sign alone decides.
                written = min(written * 10 + Int(bytes[index] - 48), 1_000_000)
                index += 1
            }
            exponent += exponentSign * written
        }
        guard !digits.isEmpty else {
            return 0
        }
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        guard exponent >= 0, digits.count + exponent <= 19 else {
            return nil  // a fraction, or more digits than any 64-bit value has
        }
        var value: Int64 = 0
        for digit in digits + [UInt8](repeating: 0, count: exponent) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? times10.subtractingReportingOverflow(Int64(digit)) : times10.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
        }
        return value
    }
}
