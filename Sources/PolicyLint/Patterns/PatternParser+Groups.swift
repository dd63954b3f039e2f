extension PatternParser {
    /// A character class; the `[` is already consumed. Records `-[` (a .NET class subtraction) on the way.
    mutating func parseClass(start: Int) -> PatternNode? {
        var members = ScalarSet.empty
        var negated = false
        if current == "^" {
            negated = true
            position += 1
        }
        var atStart = true
        var rangeStart: UInt32?  // the last single character, which a following '-' may turn into a range
        var subtraction: Int?
        while true {
            guard let scalar = current else { return nil }
            if scalar == "]", !atStart {
                position += 1
                break
            }
            atStart = false
            if scalar == "-", peek(1) == "[", peek(2) != ":", subtraction == nil, !members.isEmpty || rangeStart != nil
            {
                subtraction = position
            }
            if scalar == "-", let low = rangeStart, let next = peek(1), next != "]" {
                position += 1
                guard let item = readClassItem() else { return nil }
                if case .literal(let high) = item {
                    guard low <= high else { return nil }
                    members = members.union(ScalarSet(ranges: [low...high]))
                } else {
                    members = members.union(ScalarSet("-")).union(Self.set(of: item))
                }
                rangeStart = nil
                continue
            }
            guard let item = readClassItem() else { return nil }
            members = members.union(Self.set(of: item))
            if case .literal(let value) = item { rangeStart = value } else { rangeStart = nil }
        }
        if let subtraction {
            let end = current == "]" ? position + 1 : position
            record(.classSubtraction, subtraction..<end)
        }
        if flags.caseless { members = members.addingASCIICaseVariants().union(caseVariants(of: members)) }
        return PatternNode(.character(negated ? members.inverted() : members), start..<position)
    }

    private static func set(of item: Escape) -> ScalarSet {
        switch item {
        case .set(let set): set
        case .literal(let value): ScalarSet(ranges: [value...value])
        case .literals(let values): ScalarSet(ranges: values.map { $0...$0 })
        case .assertion, .backreference, .opaque: .all
        case .nothing: .empty
        }
    }

    /// One member of a class: a character, an escape, or a POSIX class `[:alpha:]`.
    private mutating func readClassItem() -> Escape? {
        guard let scalar = current else { return nil }
        position += 1
        if scalar == "\\" { return readEscape(inClass: true) }
        if scalar == "[", current == ":" {
            guard
                let close = (position..<scalars.count).first(where: {
                    scalars[$0] == ":" && $0 + 1 < scalars.count
                        && scalars[$0 + 1] == "]"
                })
            else { return .literal(scalar.value) }
            var name = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
            position = close + 2
            let negated = name.hasPrefix("^")
            if negated { name.removeFirst() }
            guard let set = PredefinedSets.posix(name) else { return .set(.all) }
            return .set(negated ? set.inverted() : set)
        }
        return .literal(scalar.value)
    }

    /// The other-case forms of the non-ASCII characters of a class that lists a few of them (`[éÉç]`); broad
    /// ranges are left alone, as the approximations behind them already hold both cases.
    private func caseVariants(of set: ScalarSet) -> ScalarSet {
        let nonASCII = set.intersection(ScalarSet(ranges: [128...ScalarSet.maxScalar]))
        guard nonASCII.ranges.reduce(0, { $0 + $1.count }) <= 64 else { return .empty }
        var extra: [ClosedRange<UInt32>] = []
        for value in nonASCII.ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
                if mapping.unicodeScalars.count == 1, let other = mapping.unicodeScalars.first {
                    extra.append(other.value...other.value)
                }
            }
        }
        return ScalarSet(ranges: extra)
    }

    /// A group; the `(` is already consumed. Options set with `(?i)` last until the enclosing group ends.
    mutating func parseGroup(start: Int) -> PatternNode?? {
        if current == "*" {  // a verb or an alpha assertion such as (*pla:…)
            guard skipToGroupEnd() else { return nil }
            return PatternNode(.opaque, start..<position)
        }
        guard current == "?" else { return parseGroupBody(start: start) { .group($0, atomic: false) } }
        position += 1
        guard let kind = current else { return nil }
        switch kind {
        case "#":
            while let next = current, next != ")" { position += 1 }
            guard current == ")" else { return nil }
            position += 1
            return .some(nil)
        case ":", "|":
            position += 1
            return parseGroupBody(start: start) { .group($0, atomic: false) }
        case ">":
            position += 1
            return parseGroupBody(start: start) { .group($0, atomic: true) }
        case "=", "!":
            position += 1
            return parseGroupBody(start: start) { .lookaround($0, negative: kind == "!") }
        case "<" where peek(1) == "=" || peek(1) == "!":
            let negative = peek(1) == "!"
            position += 2
            return parseGroupBody(start: start) { .lookaround($0, negative: negative) }
        case "<", "'":
            guard readName(braced: kind, close: kind == "<" ? ">" : "'") != nil else { return nil }
            return parseGroupBody(start: start) { .group($0, atomic: false) }
        case "P" where peek(1) == "<":
            position += 1
            guard readName(braced: "<", close: ">") != nil else { return nil }
            return parseGroupBody(start: start) { .group($0, atomic: false) }
        case "P" where peek(1) == "=":
            guard skipToGroupEnd() else { return nil }
            return PatternNode(.backreference, start..<position)
        case "C":
            guard skipToGroupEnd() else { return nil }
            return PatternNode(.assertion(.other), start..<position)
        case "-" where peek(1)?.asciiDigitValue != nil:
            guard skipToGroupEnd() else { return nil }  // a relative subroutine call, (?-1)
            return PatternNode(.opaque, start..<position)
        case "P", "&", "R", "(", "+", "0"..."9":
            guard skipToGroupEnd() else { return nil }  // recursion, subroutine call or conditional
            return PatternNode(.opaque, start..<position)
        default:
            return parseOptionSetting(start: start)
        }
    }

    /// `(?i)`, `(?-i)`, `(?^)`, or the scoped `(?i:…)`.
    private mutating func parseOptionSetting(start: Int) -> PatternNode?? {
        var updated = flags
        var setting = true
        while let letter = current, letter != ")", letter != ":" {
            switch letter {
            case "-": setting = false
            case "^": updated = Flags(caseless: false)
            case "i": updated.caseless = setting
            case "m": updated.multiline = setting
            case "s": updated.dotAll = setting
            case "x": updated.extended = setting
            case "n", "U", "J": break
            default: return nil
            }
            position += 1
        }
        guard let terminator = current else { return nil }
        position += 1
        if terminator == ")" {
            flags = updated
            return .some(nil)
        }
        let saved = flags
        flags = updated
        defer { flags = saved }
        guard let inner = parseAlternation(), current == ")" else { return nil }
        position += 1
        return PatternNode(.group(inner, atomic: false), start..<position)
    }

    /// The alternatives up to the closing `)`, with option changes inside undone afterwards.
    private mutating func parseGroupBody(start: Int, _ make: (PatternNode) -> PatternNode.Kind) -> PatternNode?? {
        let saved = flags
        defer { flags = saved }
        guard let inner = parseAlternation(), current == ")" else { return nil }
        position += 1
        return PatternNode(make(inner), start..<position)
    }

    /// Moves past the `)` that closes the current group, skipping escapes, classes and nested groups.
    private mutating func skipToGroupEnd() -> Bool {
        var depth = 1
        while let scalar = current {
            position += 1
            switch scalar {
            case "\\": position += 1
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return true }
            case "[":
                if current == "^" { position += 1 }
                if current == "]" { position += 1 }
                while let next = current, next != "]" { position += next == "\\" ? 2 : 1 }
                position += 1
            default: break
            }
        }
        return false
    }
}
