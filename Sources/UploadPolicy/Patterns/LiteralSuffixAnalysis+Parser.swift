extension LiteralSuffixAnalysis {
    /// A recursive-descent reader of the PCRE2 subset the analysis understands. It returns nil (give up) on
    /// syntax that changes what the rest means: extended mode, multiline `$`, verbs, recursion, conditionals.
    struct Parser {
        private let scalars: [Unicode.Scalar]
        private var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { position >= scalars.count }

        private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        private func peek(_ offset: Int) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }

        /// `sequence ('|' sequence)*`, stopping before a `)` or at the end.
        mutating func parseAlternatives() -> [[Node]]? {
            var alternatives: [[Node]] = []
            var sequence: [Node] = []
            while let scalar = current, scalar != ")" {
                if scalar == "|" {
                    position += 1
                    alternatives.append(sequence)
                    sequence = []
                    continue
                }
                guard let atom = parseAtom() else { return nil }
                guard let node = atom else { continue }
                sequence.append(applyQuantifier(to: node))
            }
            alternatives.append(sequence)
            return alternatives
        }

        /// One atom; `.some(nil)` for syntax that matches nothing (a comment, an inline option).
        private mutating func parseAtom() -> Node?? {
            guard let scalar = current else { return nil }
            position += 1
            switch scalar {
            case "\\": return parseEscape()
            case "[": return parseClass()
            case "(": return parseGroup()
            case "$": return .end
            case ".", "^": return .opaque
            case "*", "+", "?": return nil  // a quantifier with nothing to repeat
            default: return .literals([String(scalar)])
            }
        }

        private mutating func parseEscape() -> Node?? {
            guard let scalar = current else { return nil }
            position += 1
            if scalar == "z" { return .end }
            if scalar == "Q" {
                var text = ""
                while let next = current, !(next == "\\" && peek(1) == "E") {
                    text.unicodeScalars.append(next)
                    position += 1
                }
                if current != nil { position += 2 }
                return text.isEmpty ? .some(nil) : .literals([text])
            }
            if scalar == "E" { return .some(nil) }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                // \d, \w, \b, \x.., \p{..}, back references…: skip a braced argument, then treat as opaque.
                if current == "{" || current == "<" || current == "'" {
                    let close: Unicode.Scalar = current == "{" ? "}" : current == "<" ? ">" : "'"
                    while let next = current, next != close { position += 1 }
                    position += 1
                }
                return .opaque
            }
            return .literals([String(scalar)])
        }

        /// A character class: a finite set when it lists plain characters only, else opaque.
        private mutating func parseClass() -> Node?? {
            var members: Set<String> = []
            var plain = true
            if current == "^" {
                plain = false
                position += 1
            }
            if current == "]" {
                members.insert("]")
                position += 1
            }
            while let scalar = current, scalar != "]" {
                position += 1
                if scalar == "\\" {
                    guard let escaped = current else { return nil }
                    position += 1
                    if escaped.isASCII, escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) {
                        plain = false
                    } else {
                        members.insert(String(escaped))
                    }
                } else if scalar == "[", current == ":" {
                    plain = false
                    while let next = current, !(next == ":" && peek(1) == "]") { position += 1 }
                    position += 2
                } else if scalar == "-", !members.isEmpty, current != "]" {
                    plain = false
                } else {
                    members.insert(String(scalar))
                }
            }
            guard current == "]" else { return nil }
            position += 1
            return plain && !members.isEmpty ? .literals(members) : .opaque
        }

        private mutating func parseGroup() -> Node?? {
            var transparent = true  // whether the group's content is what it matches
            if current == "*" { return nil }  // (*VERB)
            if current == "?" {
                position += 1
                guard let kind = current else { return nil }
                switch kind {
                case ":", "|", ">":
                    position += 1
                case "=", "!":
                    position += 1
                    transparent = false
                case "<" where peek(1) == "=" || peek(1) == "!":
                    position += 2
                    transparent = false
                case "<", "'", "P":
                    if kind == "P" {
                        guard peek(1) == "<" else { return nil }  // (?P=name), (?P>name)
                        position += 1
                    }
                    let close: Unicode.Scalar = current == "'" ? "'" : ">"
                    while let next = current, next != close { position += 1 }
                    position += 1
                case "#":
                    while let next = current, next != ")" { position += 1 }
                    position += 1
                    return .some(nil)
                default:
                    guard let terminator = skipInlineOptions() else { return nil }
                    if terminator == ")" { return .some(nil) }
                }
            }
            guard let alternatives = parseAlternatives(), current == ")" else { return nil }
            position += 1
            guard transparent else { return .opaque }
            var choices = Set<String>()
            for sequence in alternatives {
                var strings: Set<String> = [""]
                for node in sequence {
                    guard case .literals(let parts) = node else { return .opaque }
                    strings = Set(strings.flatMap { prefix in parts.map { prefix + $0 } })
                    guard strings.count <= maxChoices else { return .opaque }
                }
                choices.formUnion(strings)
            }
            return choices.count <= maxChoices ? .literals(choices) : .opaque
        }

        /// Reads the options of `(?i)`, `(?s-i)` or `(?i:…)` up to and including `)` or `:`. Returns the terminator,
        /// or nil for options that change what `$` or white space mean (`m`, `x`) and for anything unknown.
        private mutating func skipInlineOptions() -> Unicode.Scalar? {
            while let scalar = current, scalar != ")", scalar != ":" {
                guard "isnUJ-^".unicodeScalars.contains(scalar) else { return nil }
                position += 1
            }
            defer { position += 1 }
            return current
        }

        /// `?`, `??` and `?+` make a literal optional; any other repeat makes the piece opaque.
        private mutating func applyQuantifier(to node: Node) -> Node {
            guard let scalar = current else { return node }
            switch scalar {
            case "?":
                position += 1
                if current == "?" || current == "+" { position += 1 }
                if case .literals(let choices) = node { return .literals(choices.union([""])) }
                return .opaque
            case "*", "+":
                position += 1
                if current == "?" || current == "+" { position += 1 }
                return .opaque
            case "{":
                var lookahead = position + 1
                while lookahead < scalars.count, ("0"..."9").contains(scalars[lookahead]) || scalars[lookahead] == "," {
                    lookahead += 1
                }
                guard lookahead < scalars.count, scalars[lookahead] == "}", lookahead > position + 1 else {
                    return node  // a literal "{", read as the next atom
                }
                position = lookahead + 1
                if current == "?" || current == "+" { position += 1 }
                return .opaque
            default:
                return node
            }
        }
    }
}
