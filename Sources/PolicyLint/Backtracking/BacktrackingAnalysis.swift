/// A construct that may make a backtracking matcher take exponential or polynomial time, found statically.
struct BacktrackingSuspect: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A repeat inside a repeat whose iterations can split the same text in many ways: `(a+)+`,
        /// `(\w+\s?)*`. Exponential.
        case nestedRepeat
        /// A repeated alternation whose branches can match the same text: `(a|a)*`, `(\w|\d)+`. Exponential.
        case overlappingAlternatives
        /// Unbounded repeats in a row that compete for the same characters: `\w*_\w*`, `.*.*=`. Polynomial.
        case adjacentRepeats
    }

    let kind: Kind
    /// The construct, in Unicode scalars of the pattern.
    let range: Range<Int>
    /// Strings worth repeating to make the construct backtrack.
    let pumps: [String]
    /// A string that leads a match from the start of the pattern to the construct, when one is known.
    let prefix: String?
    /// A string that the rest of the pattern, after the construct, matches, when one is known. Probes put it
    /// after the failing character, so PCRE2's required-character shortcut does not end the match early.
    let following: String?
}

/// Where the dynamic probe should look: a string to repeat, and what leads to and follows it.
struct ProbeSeed: Sendable, Equatable {
    let pump: String
    let prefix: String?
    let following: String?
}

/// The static half of the catastrophic-backtracking check: walks a parsed pattern and lists suspects (the
/// pattern classes ReDoS tools flag), plus, for every unbounded repeat, the strings the dynamic probe should
/// pump. Atomic groups and possessive repeats never give back text, so nothing inside them is suspected.
struct BacktrackingAnalysis {
    private(set) var suspects: [BacktrackingSuspect] = []
    /// For every unbounded repeat outside atomic groups: its body's witness and the prefix leading to it.
    private(set) var probeSeeds: [ProbeSeed] = []

    /// The seeds of every suspect, then those of every other unbounded repeat.
    var allSeeds: [ProbeSeed] {
        suspects.flatMap { suspect in
            suspect.pumps.map { ProbeSeed(pump: $0, prefix: suspect.prefix, following: suspect.following) }
        } + probeSeeds
    }

    init(_ root: PatternNode) {
        visit(root, Context(prefix: "", following: "", protected: false))
    }

    /// What surrounds the piece being visited.
    private struct Context {
        /// A string leading from the start of the pattern to the piece.
        var prefix: String?
        /// A string the rest of the pattern matches after the piece.
        var following: String?
        /// Inside an atomic group or a possessive repeat.
        var protected: Bool
    }

    private mutating func visit(_ node: PatternNode, _ context: Context) {
        switch node.kind {
        case .sequence(let items):
            if !context.protected { checkAdjacentRepeats(Self.flattened(items), context) }
            for (index, item) in items.enumerated() {
                var inner = context
                inner.prefix = context.prefix.flatMap { text in Self.witness(of: items[..<index]).map { text + $0 } }
                inner.following = context.following.flatMap { text in
                    Self.witness(of: items[(index + 1)...]).map { $0 + text }
                }
                visit(item, inner)
            }
        case .alternation(let branches):
            for branch in branches { visit(branch, context) }
        case .group(let inner, let atomic):
            var nested = context
            nested.protected = context.protected || atomic
            visit(inner, nested)
        case .lookaround(let inner, _):
            visit(inner, context)
        case .repetition(let body, _, let maximum, let possessive):
            var nested = context
            nested.protected = context.protected || possessive
            if !nested.protected, maximum == nil || maximum! >= 8 {
                if let pump = body.witness, !pump.isEmpty {
                    probeSeeds.append(ProbeSeed(pump: pump, prefix: context.prefix, following: context.following))
                }
                checkNested(node, body: body, context)
                checkAlternatives(node, body: body, context)
            }
            visit(body, nested)
        case .empty, .character, .assertion, .backreference, .opaque:
            break
        }
    }

    /// `(a+)+`, `(\w+\s?)*`: an inner repeat, and iterations whose boundaries are not fixed (the body can end
    /// with a character it can also start with, or match nothing).
    private mutating func checkNested(_ node: PatternNode, body: PatternNode, _ context: Context) {
        guard Self.containsRepeat(body) else { return }
        let overlap = body.firstCharacters.intersection(body.lastCharacters)
        guard body.isNullable || !overlap.isEmpty else { return }
        let pumps = [body.witness, overlap.sample.map { String($0) }].compactMap { $0 }.filter { !$0.isEmpty }
        add(.nestedRepeat, node.range, pumps: pumps, context)
    }

    /// `(a|a)*`, `(a|ab)+`, `(\w|\d)*`: branches of a repeated alternation that can start the same way.
    private mutating func checkAlternatives(_ node: PatternNode, body: PatternNode, _ context: Context) {
        guard case .alternation(let branches) = body.unwrapped.kind else { return }
        let starts = branches.reduce(ScalarSet.empty) { $0.union($1.firstCharacters) }
        for i in branches.indices {
            for j in branches.indices where j > i && Self.compete(branches[i], branches[j], starts: starts) {
                let first = branches[i].witness ?? ""
                let second = branches[j].witness ?? ""
                let pumps = [first, second, first + second].filter { !$0.isEmpty }
                add(.overlappingAlternatives, node.range, pumps: pumps, context)
                return
            }
        }
    }

    /// `\w*_\w*`, `.*.*=`: two unbounded repeats that share characters, separated only by pieces that can
    /// match nothing or a shared character, so the text between them can be split at many points.
    private mutating func checkAdjacentRepeats(_ items: [PatternNode], _ context: Context) {
        for i in items.indices {
            guard let first = Self.unboundedBody(items[i]) else { continue }
            var between: [PatternNode] = []
            for j in items.indices where j > i {
                if let second = Self.unboundedBody(items[j]) {
                    let shared = first.allCharacters.intersection(second.allCharacters)
                    let linked = between.allSatisfy {
                        $0.isNullable || (Self.isCharacter($0) && $0.allCharacters.overlaps(shared))
                    }
                    if !shared.isEmpty, linked, let sample = shared.sample {
                        var glue = ""
                        for piece in between where !piece.isNullable {
                            glue.unicodeScalars.append(piece.allCharacters.intersection(shared).sample ?? sample)
                        }
                        var around = context
                        around.prefix = context.prefix.flatMap { text in
                            Self.witness(of: items[..<i]).map { text + $0 }
                        }
                        around.following = context.following.flatMap { text in
                            Self.witness(of: items[(j + 1)...]).map { $0 + text }
                        }
                        let pumps = [glue, String(sample), glue + String(sample)].filter { !$0.isEmpty }
                        add(
                            .adjacentRepeats, items[i].range.lowerBound..<items[j].range.upperBound,
                            pumps: pumps, around)
                        return
                    }
                    break
                }
                guard items[j].isNullable || Self.isCharacter(items[j]) else { break }
                between.append(items[j])
            }
        }
    }

    private mutating func add(
        _ kind: BacktrackingSuspect.Kind, _ range: Range<Int>, pumps: [String], _ context: Context
    ) {
        var unique: [String] = []
        for pump in pumps where !unique.contains(pump) { unique.append(pump) }
        suspects.append(
            BacktrackingSuspect(
                kind: kind, range: range, pumps: unique, prefix: context.prefix, following: context.following))
    }

    // MARK: Helpers

    /// Whether two branches of a repeated alternation can split the same text in two ways.
    ///
    /// Branches that are fixed runs of characters compete only when one can match a prefix of what the other
    /// matches and what is left over can start another iteration: `a` and `aa` compete (`aa` is also `a`,
    /// `a`), `a` and `ab` do not (the `b` left over starts no branch), nor `ext1` and `ext10`, nor `\.pdf` and
    /// `\.doc`, which part at their second character. Other branches compete when they can start alike.
    private static func compete(_ a: PatternNode, _ b: PatternNode, starts: ScalarSet) -> Bool {
        if a.isNullable || b.isNullable { return true }
        if var short = characterSets(a), var long = characterSets(b) {
            if short.count > long.count { swap(&short, &long) }
            guard zip(short, long).allSatisfy({ $0.overlaps($1) }) else { return false }
            return short.count == long.count || long[short.count].overlaps(starts)
        }
        return a.firstCharacters.overlaps(b.firstCharacters)
    }

    /// The characters of a branch that is a fixed run of single characters, or nil.
    private static func characterSets(_ node: PatternNode) -> [ScalarSet]? {
        switch node.unwrapped.kind {
        case .character(let set): return [set]
        case .sequence(let items):
            var sets: [ScalarSet] = []
            for item in items {
                guard let part = characterSets(item) else { return nil }
                sets += part
            }
            return sets
        default: return nil
        }
    }

    private static func containsRepeat(_ node: PatternNode) -> Bool {
        switch node.kind {
        case .repetition(let body, _, let maximum, let possessive):
            return (!possessive && (maximum == nil || maximum! >= 2)) || containsRepeat(body)
        case .sequence(let items), .alternation(let items): return items.contains(where: containsRepeat)
        case .group(let inner, let atomic): return !atomic && containsRepeat(inner)
        case .lookaround(let inner, _): return containsRepeat(inner)
        default: return false
        }
    }

    private static func unboundedBody(_ node: PatternNode) -> PatternNode? {
        guard case .repetition(let body, _, nil, false) = node.kind else { return nil }
        return body
    }

    private static func isCharacter(_ node: PatternNode) -> Bool {
        if case .character = node.unwrapped.kind { return true }
        return false
    }

    /// The items with plain groups around plain sequences opened up: `(\w+)_(\w+)` reads as `\w+ _ \w+`.
    private static func flattened(_ items: [PatternNode]) -> [PatternNode] {
        items.flatMap { item -> [PatternNode] in
            if case .group(_, atomic: false) = item.kind, case .sequence(let inner) = item.unwrapped.kind {
                return flattened(inner)
            }
            return [item.unwrapped]
        }
    }

    private static func witness(of items: ArraySlice<PatternNode>) -> String? {
        var text = ""
        for item in items {
            guard let part = item.witness else { return nil }
            text += part
        }
        return text
    }
}
