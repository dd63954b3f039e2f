/// A recursive-descent reader of PCRE2 syntax, as UploadGate compiles patterns (UTF, UCP, DOLLAR_ENDONLY).
///
/// It follows PCRE2's reading, not the author's intent: `[a-z-[aeiou]]` is a class followed by a literal `]`,
/// exactly as PCRE2 10.42 reads it (and the construct is recorded so lint can say so). Inline options (`(?i)`,
/// `(?x)`, `(?m)`, `(?s)`) are tracked with PCRE2's scoping. Recursion, conditionals and verbs become opaque.
struct PatternParser {
    struct Flags {
        var caseless: Bool
        var multiline = false
        var dotAll = false
        var extended = false
    }

    let scalars: [Unicode.Scalar]
    var position = 0
    var flags: Flags
    private(set) var dotNetConstructs: [DotNetConstruct] = []

    init(_ scalars: [Unicode.Scalar], caseInsensitive: Bool) {
        self.scalars = scalars
        self.flags = Flags(caseless: caseInsensitive)
    }

    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    mutating func record(_ kind: DotNetConstruct.Kind, _ range: Range<Int>) {
        dotNetConstructs.append(DotNetConstruct(kind: kind, range: range))
    }

    /// The whole pattern, or nil when it uses syntax this reader does not follow.
    mutating func parse() -> PatternNode? {
        skipLeadingOptionVerbs()
        guard let root = parseAlternation(), position == scalars.count else { return nil }
        return root
    }

    /// Branches separated by `|`, up to a `)` or the end.
    mutating func parseAlternation() -> PatternNode? {
        let start = position
        var branches: [PatternNode] = []
        var items: [PatternNode] = []
        var branchStart = position
        while let scalar = current, scalar != ")" {
            if flags.extended, skipExtendedSpace() { continue }
            if scalar == "|" {
                branches.append(Self.sequence(items, branchStart..<position))
                position += 1
                items = []
                branchStart = position
                continue
            }
            guard let atom = parseAtom() else { return nil }
            guard let atom else { continue }
            guard let piece = parseQuantifier(on: atom) else { return nil }
            items.append(piece)
        }
        branches.append(Self.sequence(items, branchStart..<position))
        return branches.count == 1 ? branches[0] : PatternNode(.alternation(branches), start..<position)
    }

    static func sequence(_ items: [PatternNode], _ range: Range<Int>) -> PatternNode {
        switch items.count {
        case 0: PatternNode(.empty, range)
        case 1: items[0]
        default: PatternNode(.sequence(items), range)
        }
    }

    /// One atom; `.some(nil)` for syntax that matches nothing (a comment, an option setting).
    private mutating func parseAtom() -> PatternNode?? {
        let start = position
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "\\": return parseEscape(start: start)
        case "[": return parseClass(start: start).map { .some($0) }
        case "(": return parseGroup(start: start)
        case "*", "+", "?": return nil  // nothing to repeat: PCRE2 would not have compiled it
        case ".":
            let set = flags.dotAll ? ScalarSet.all : ScalarSet("\n").inverted()
            return PatternNode(.character(set), start..<position)
        case "^":
            return PatternNode(.assertion(flags.multiline ? .other : .start), start..<position)
        case "$":
            guard flags.multiline else { return PatternNode(.assertion(.end), start..<position) }
            record(.multilineDollar, start..<position)
            return PatternNode(.assertion(.endOrBeforeNewline), start..<position)
        default:
            return PatternNode(.character(literal(scalar.value)), start..<position)
        }
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy (`?`) or possessive (`+`).
    private mutating func parseQuantifier(on atom: PatternNode) -> PatternNode? {
        if flags.extended { while skipExtendedSpace() {} }
        guard let scalar = current else { return atom }
        var minimum = 0
        var maximum: Int?
        switch scalar {
        case "*": position += 1
        case "+":
            position += 1
            minimum = 1
        case "?":
            position += 1
            maximum = 1
        case "{":
            guard let bounds = readBraces() else { return atom }  // a literal "{", read as the next atom
            (minimum, maximum) = bounds
        default:
            return atom
        }
        var possessive = false
        if current == "+" {
            possessive = true
            position += 1
        } else if current == "?" {
            position += 1
        }
        let node = PatternNode(
            .repetition(atom, min: minimum, max: maximum, possessive: possessive), atom.range.lowerBound..<position)
        return node
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position, consumed; nil (nothing consumed) when it is not one.
    private mutating func readBraces() -> (Int, Int?)? {
        var index = position + 1
        func number() -> Int? {
            var value: Int?
            while index < scalars.count, let digit = scalars[index].asciiDigitValue {
                value = min((value ?? 0) * 10 + digit, 1_000_000)
                index += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if index < scalars.count, scalars[index] == "," {
            index += 1
            high = number()
        }
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        position = index + 1
        return (low, high)
    }

    /// The set a literal character matches, with its other case when matching ignores case.
    func literal(_ value: UInt32) -> ScalarSet {
        var set = ScalarSet(ranges: [value...value])
        guard flags.caseless, let scalar = Unicode.Scalar(value) else { return set }
        for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
            if mapping.unicodeScalars.count == 1, let other = mapping.unicodeScalars.first {
                set = set.union(ScalarSet(other))
            }
        }
        return set
    }

    /// Skips white space and `#` comments in extended mode; true when something was skipped.
    mutating func skipExtendedSpace() -> Bool {
        guard let scalar = current else { return false }
        if scalar.properties.isPatternWhitespace {
            position += 1
            return true
        }
        if scalar == "#" {
            while let next = current, next != "\n" { position += 1 }
            return true
        }
        return false
    }

    /// `(*UTF)`, `(*UCP)`, `(*LIMIT_MATCH=…)` and the other option settings PCRE2 reads only at the very start.
    /// Backtracking verbs such as `(*FAIL)` are not options and stay in the pattern (as opaque pieces).
    private mutating func skipLeadingOptionVerbs() {
        while current == "(", peek(1) == "*" {
            guard let close = scalars[position...].firstIndex(of: ")") else { return }
            let name = String(String.UnicodeScalarView(scalars[(position + 2)..<close]))
            guard Self.optionVerbs.contains(name) || name.hasPrefix("LIMIT_") else { return }
            position = close + 1
        }
    }

    private static let optionVerbs: Set<String> = [
        "UTF", "UTF8", "UCP", "NO_AUTO_POSSESS", "NO_DOTSTAR_ANCHOR", "NO_JIT", "NO_START_OPT", "NOTEMPTY",
        "NOTEMPTY_ATSTART", "CR", "LF", "CRLF", "ANYCRLF", "ANY", "NUL", "BSR_ANYCRLF", "BSR_UNICODE",
    ]
}

extension Unicode.Scalar {
    /// 0–9 for the ASCII digits, else nil.
    var asciiDigitValue: Int? {
        (48...57).contains(value) ? Int(value - 48) : nil
    }
}
