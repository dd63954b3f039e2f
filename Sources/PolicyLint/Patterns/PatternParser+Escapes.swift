extension PatternParser {
    /// What one escape stands for.
    enum Escape {
        case set(ScalarSet)
        case literal(UInt32)
        case literals([UInt32])
        case assertion(PatternNode.Assertion)
        case backreference
        case opaque
        case nothing
    }

    /// An escape outside a class; the backslash is already consumed.
    mutating func parseEscape(start: Int) -> PatternNode?? {
        guard let escape = readEscape(inClass: false) else { return nil }
        let range = start..<position
        switch escape {
        case .set(let set): return PatternNode(.character(set), range)
        case .literal(let value): return PatternNode(.character(literal(value)), range)
        case .literals(let values):
            guard !values.isEmpty else { return .some(nil) }
            let items = values.map { PatternNode(.character(literal($0)), range) }
            return Self.sequence(items, range)
        case .assertion(let assertion):
            if case .endOrBeforeNewline = assertion { record(.endBeforeFinalNewline, range) }
            return PatternNode(.assertion(assertion), range)
        case .backreference: return PatternNode(.backreference, range)
        case .opaque: return PatternNode(.opaque, range)
        case .nothing: return .some(nil)
        }
    }

    /// Reads the escape after a backslash. Inside a class `\b` is a backspace and assertions do not exist.
    mutating func readEscape(inClass: Bool) -> Escape? {
        guard let scalar = current else { return nil }
        position += 1
        switch scalar {
        case "d": return .set(PredefinedSets.digit)
        case "D": return .set(PredefinedSets.digit.inverted())
        case "w": return .set(PredefinedSets.word)
        case "W": return .set(PredefinedSets.word.inverted())
        case "s": return .set(PredefinedSets.space)
        case "S": return .set(PredefinedSets.space.inverted())
        case "h": return .set(PredefinedSets.horizontalSpace)
        case "H": return .set(PredefinedSets.horizontalSpace.inverted())
        case "v", "R": return .set(PredefinedSets.verticalSpace)
        case "V": return .set(PredefinedSets.verticalSpace.inverted())
        case "N", "X", "C": return .set(scalar == "N" ? ScalarSet("\n").inverted() : .all)
        case "p", "P":
            var name = readName(braced: "{", close: "}")
            if name == nil, let next = current {
                position += 1
                name = String(next)
            }
            let set = PredefinedSets.property(name ?? "")
            return .set(scalar == "p" || set == .all ? set : .all)
        case "b" where inClass: return .literal(8)
        case "b", "B", "G", "K": return .assertion(.other)
        case "A": return .assertion(.start)
        case "z": return .assertion(.end)
        case "Z": return .assertion(.endOrBeforeNewline)
        case "Q":
            var values: [UInt32] = []
            while let next = current, !(next == "\\" && peek(1) == "E") {
                values.append(next.value)
                position += 1
            }
            if current != nil { position += 2 }
            return .literals(values)
        case "E": return .nothing
        case "x": return readHexadecimal()
        case "o":
            guard let digits = readName(braced: "{", close: "}"), let value = UInt32(digits, radix: 8) else {
                return nil
            }
            return .literal(value)
        case "0":
            var digits = "0"
            while digits.count < 3, let next = current, ("0"..."7").contains(next) {
                digits.unicodeScalars.append(next)
                position += 1
            }
            return .literal(UInt32(digits, radix: 8) ?? 0)
        case "1"..."9":
            while let next = current, next.asciiDigitValue != nil { position += 1 }
            return inClass ? .set(.all) : .backreference
        case "g", "k":
            if let opener = current, "{<'".unicodeScalars.contains(opener) {
                let close: Unicode.Scalar = opener == "{" ? "}" : opener == "<" ? ">" : "'"
                _ = readName(braced: opener, close: close)
                return scalar == "k" || opener == "{" ? .backreference : .opaque  // \g<…> calls a subroutine
            }
            if current == "-" || current == "+" { position += 1 }
            while let next = current, next.asciiDigitValue != nil { position += 1 }
            return .backreference
        case "c":
            guard let next = current else { return nil }
            position += 1
            return .literal(next.value ^ 0x40)
        case "t": return .literal(9)
        case "n": return .literal(10)
        case "r": return .literal(13)
        case "f": return .literal(12)
        case "e": return .literal(27)
        case "a": return .literal(7)
        default:
            // Other letters and digits are errors in PCRE2; anything else stands for itself.
            if scalar.isASCII, scalar.properties.isAlphabetic { return .opaque }
            return .literal(scalar.value)
        }
    }

    /// `\xhh` or `\x{h…}`.
    private mutating func readHexadecimal() -> Escape? {
        if let digits = readName(braced: "{", close: "}") {
            return UInt32(digits, radix: 16).map(Escape.literal)
        }
        var digits = ""
        while digits.count < 2, let next = current, next.properties.isASCIIHexDigit {
            digits.unicodeScalars.append(next)
            position += 1
        }
        return .literal(UInt32(digits, radix: 16) ?? 0)
    }

    /// The text between `open` and `close` when the current scalar is `open`, consumed; else nil.
    mutating func readName(braced open: Unicode.Scalar, close: Unicode.Scalar) -> String? {
        guard current == open else { return nil }
        var index = position + 1
        var name = ""
        while index < scalars.count, scalars[index] != close {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count else { return nil }
        position = index + 1
        return name
    }
}
