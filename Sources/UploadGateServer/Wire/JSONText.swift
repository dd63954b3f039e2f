import UploadPolicy

/// Writes JSON string contents (RFC 8259) as UTF-8 bytes, for response bodies and the decision log.
///
/// Besides what JSON requires (quotes, backslashes, U+0000–U+001F), every character that could make a line
/// look other than it is when read in a terminal or log viewer is written as a `\uXXXX` escape (a `\uD8xx\uDCxx`
/// pair beyond U+FFFF): every character the built-in name checks refuse as a control, bidirectional control or
/// invisible character (``CharacterClasses``: DEL and the C1 controls, U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069, zero-width characters, the BOM, soft hyphens, Hangul fillers, tags, …) and the line and
/// paragraph separators (U+2028, U+2029). JSON readers decode them back, so nothing is lost.
///
/// Works on the UTF-8 bytes directly: this runs for every decision.
enum JSONText {
    /// Appends `value`, escaped, to `output` (without the surrounding quotes).
    static func escape(_ value: String, into output: inout [UInt8]) {
        var value = value
        value.withUTF8 { escape($0, into: &output) }
    }

    /// Appends `"value"` escaped, or `null`.
    static func quoted(_ value: String?, into output: inout [UInt8]) {
        guard let value else {
            output.append(contentsOf: "null".utf8)
            return
        }
        output.append(UInt8(ascii: "\""))
        escape(value, into: &output)
        output.append(UInt8(ascii: "\""))
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count + 8)
        var runStart = 0  // bytes from here up to `index` are copied unchanged, in one go
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isPlain(byte) {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case 0x22, 0x5C:
                output.append(0x5C)
                output.append(byte)
                index += 1
            case 0x0A:
                output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                index += 1
            case 0x0D:
                output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                index += 1
            case 0x09:
                output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                index += 1
            case 0x00..<0x20, 0x7F:
                unicodeEscape(UInt32(byte), into: &output)
                index += 1
            default:
                // A lead byte: the character is escaped or copied whole. The input is valid UTF-8, since it came
                // from a String.
                let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let scalar = decode(bytes, at: index, length: length)
                if mustEscape(scalar) {
                    unicodeEscape(scalar, into: &output)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                }
                index += length
            }
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    }

    /// Whether `byte` is copied as it is: printable ASCII but `"` and `\`, and UTF-8 continuation bytes (of
    /// characters written as they are). A lead byte is decoded by the caller. One bit each.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = 0xFFFF_FFFB_0000_0000  // 0x20–0x3F, not 0x22
        case 1: word = 0x7FFF_FFFF_EFFF_FFFF  // 0x40–0x7E, not 0x5C
        case 2: word = ~0  // continuation bytes
        default: word = 0  // lead bytes
        }
        return word >> UInt64(byte & 0x3F) & 1 == 1
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        var scalar = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return scalar
    }

    private static func mustEscape(_ scalar: UInt32) -> Bool {
        CharacterClasses.isControl(scalar) || CharacterClasses.isBidiControl(scalar)
            || CharacterClasses.isInvisible(scalar) || scalar == 0x2028 || scalar == 0x2029
    }

    private static func unicodeEscape(_ scalar: UInt32, into output: inout [UInt8]) {
        if scalar > 0xFFFF {  // a surrogate pair, as JSON writes characters beyond the BMP
            unicodeEscape(0xD800 + ((scalar - 0x10000) >> 10), into: &output)
            unicodeEscape(0xDC00 + ((scalar - 0x10000) & 0x3FF), into: &output)
            return
        }
        let digits: StaticString = "0123456789abcdef"
        output.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        digits.withUTF8Buffer { digits in
            for shift in stride(from: 12, through: 0, by: -4) {
                output.append(digits[Int(scalar >> UInt32(shift) & 0xF)])
            }
        }
    }
}
