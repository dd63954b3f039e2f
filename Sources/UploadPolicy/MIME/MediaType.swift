/// A MIME type parsed as the WHATWG MIME Sniffing standard's "parse a MIME type" says.
///
/// Type and subtype are ASCII-lowercased; parameters keep their value case and the first occurrence of a name
/// wins; invalid parameters are skipped. Matching uses only the ``essence`` (`type/subtype`).
public struct MediaType: Hashable, Sendable, CustomStringConvertible {
    /// The top-level type, lowercased: `image` in `image/png`.
    public var type: String { String(essence[..<essence.firstIndex(of: "/")!]) }
    /// The subtype, lowercased: `png` in `image/png`.
    public var subtype: String { String(essence[essence.index(after: essence.firstIndex(of: "/")!)...]) }
    /// Parameters in order of first appearance, names lowercased.
    public let parameters: [(name: String, value: String)]

    /// `type/subtype`, lowercased.
    public let essence: String
    public var description: String { essence }

    /// Parses `text`; returns nil where the standard says "failure".
    public init?(parsing text: String) {
        var text = text
        guard let parts = text.withUTF8({ Self.parse($0) }) else { return nil }
        (essence, parameters) = parts
    }

    /// Whether `text` is a valid MIME type whose essence is exactly one of `candidates` (lowercase UTF-8),
    /// decided without building any string: the hot path of a decision.
    static func essence(of text: String, isOneOf candidates: [[UInt8]]) -> Bool {
        guard !candidates.isEmpty else { return false }
        var text = text
        return text.withUTF8 { bytes in
            guard let range = essenceRange(bytes) else { return false }
            let essence = bytes[range]
            return candidates.contains { candidate in
                guard candidate.count == essence.count else { return false }
                var offset = 0
                for byte in essence {
                    if candidate[offset] != ASCII.lowercased(byte) { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    /// Where the essence (`type/subtype`) lies in `bytes`, or nil when they are not a valid MIME type.
    private static func essenceRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var position = 0
        var end = bytes.count
        while position < end, isHTTPWhitespace(bytes[position]) { position += 1 }
        while end > position, isHTTPWhitespace(bytes[end - 1]) { end -= 1 }
        let typeStart = position
        while position < end, bytes[position] != UInt8(ascii: "/") { position += 1 }
        guard position < end, position > typeStart, allTokens(bytes[typeStart..<position]) else { return nil }
        position += 1
        let subtypeStart = position
        while position < end, bytes[position] != UInt8(ascii: ";") { position += 1 }
        var subtypeEnd = position
        while subtypeEnd > subtypeStart, isHTTPWhitespace(bytes[subtypeEnd - 1]) { subtypeEnd -= 1 }
        guard subtypeEnd > subtypeStart, allTokens(bytes[subtypeStart..<subtypeEnd]) else { return nil }
        return typeStart..<subtypeEnd
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, [(name: String, value: String)])? {
        guard let range = essenceRange(bytes) else { return nil }
        var end = bytes.count
        while end > range.upperBound, isHTTPWhitespace(bytes[end - 1]) { end -= 1 }
        var position = range.upperBound
        while position < end, bytes[position] != UInt8(ascii: ";") { position += 1 }
        let parameters = position < end ? parseParameters(bytes, from: position, to: end) : []
        return (lowercased(bytes[range]), parameters)
    }

    public static func == (lhs: MediaType, rhs: MediaType) -> Bool {
        lhs.essence == rhs.essence
            && lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(essence)
        for parameter in parameters {
            hasher.combine(parameter.name)
            hasher.combine(parameter.value)
        }
    }

    // MARK: Parameters

    private static func parseParameters(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> [(String, String)]
    {
        var parameters: [(String, String)] = []
        var seen = Set<String>()
        var position = start
        while position < end {
            position += 1  // ";"
            while position < end, isHTTPWhitespace(bytes[position]) { position += 1 }
            let nameStart = position
            while position < end, bytes[position] != UInt8(ascii: ";"), bytes[position] != UInt8(ascii: "=") {
                position += 1
            }
            let name = lowercased(bytes[nameStart..<position])
            if position < end, bytes[position] == UInt8(ascii: ";") { continue }
            if position >= end { break }
            position += 1  // "="

            var value: [UInt8]
            if position < end, bytes[position] == UInt8(ascii: "\"") {
                (value, position) = quotedString(bytes, from: position, to: end)
                while position < end, bytes[position] != UInt8(ascii: ";") { position += 1 }
            } else {
                let valueStart = position
                while position < end, bytes[position] != UInt8(ascii: ";") { position += 1 }
                var valueEnd = position
                while valueEnd > valueStart, isHTTPWhitespace(bytes[valueEnd - 1]) { valueEnd -= 1 }
                value = Array(bytes[valueStart..<valueEnd])
                if value.isEmpty { continue }
            }
            if !name.isEmpty, allTokens(name.utf8), value.allSatisfy(isQuotedStringCodePoint),
                !seen.contains(name)
            {
                seen.insert(name)
                parameters.append((name, String(decoding: value, as: UTF8.self)))
            }
        }
        return parameters
    }

    /// Collects an HTTP quoted string starting at the opening quote; returns its unescaped value and the
    /// position after the closing quote (or the end).
    private static func quotedString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> ([UInt8], Int)
    {
        var value: [UInt8] = []
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                if position >= end {
                    value.append(byte)
                    break
                }
                value.append(bytes[position])
                position += 1
            } else {
                value.append(byte)
            }
        }
        return (value, position)
    }

    // MARK: Code point classes

    private static func isHTTPWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// HTTP token code points (! # $ % & ' * + - . ^ _ ` | ~ and ASCII alphanumerics) as a bit mask over
    /// bytes 0–63 and one over bytes 64–127; a test in MediaTypeTests rebuilds them from the list.
    static let tokenMaskLow: UInt64 = 0x03FF_6CFA_0000_0000
    static let tokenMaskHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFE

    @inline(__always)
    private static func isToken(_ byte: UInt8) -> Bool {
        if byte < 64 { return tokenMaskLow >> byte & 1 == 1 }
        if byte < 128 { return tokenMaskHigh >> (byte &- 64) & 1 == 1 }
        return false
    }

    private static func allTokens(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        for byte in bytes where !isToken(byte) { return false }
        return true
    }

    private static func allTokens(_ bytes: String.UTF8View) -> Bool {
        for byte in bytes where !isToken(byte) { return false }
        return true
    }

    /// Whether a UTF-8 byte belongs to an HTTP quoted-string token code point: tab, U+0020–U+007E or
    /// U+0080–U+00FF. The values are valid UTF-8, so a byte from 0xC4 up starts a code point above U+00FF
    /// (U+0080–U+00FF are 0xC2 or 0xC3 followed by one continuation byte, 0x80–0xBF).
    private static func isQuotedStringCodePoint(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F && byte < 0xC4)
    }

    /// ASCII-lowercases token bytes; copies without mapping when there is nothing to lower.
    private static func lowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard bytes.contains(where: { $0 &- 0x41 < 26 }) else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        }
        return String(decoding: bytes.map(ASCII.lowercased), as: UTF8.self)
    }
}
