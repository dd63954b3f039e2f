/// What a piece of a pattern can match, computed from the tree. Every answer errs towards "more": opaque
/// pieces and back references may match anything, including nothing.
extension PatternNode {
    /// Whether the piece can match the empty string.
    var isNullable: Bool {
        switch kind {
        case .empty, .assertion, .lookaround, .backreference, .opaque: true
        case .character: false
        case .sequence(let items): items.allSatisfy(\.isNullable)
        case .alternation(let branches): branches.contains { $0.isNullable }
        case .group(let inner, _): inner.isNullable
        case .repetition(let body, let minimum, _, _): minimum == 0 || body.isNullable
        }
    }

    /// The characters a non-empty match can start with.
    var firstCharacters: ScalarSet { edgeCharacters(fromStart: true) }

    /// The characters a non-empty match can end with.
    var lastCharacters: ScalarSet { edgeCharacters(fromStart: false) }

    private func edgeCharacters(fromStart: Bool) -> ScalarSet {
        switch kind {
        case .empty, .assertion, .lookaround: return .empty
        case .backreference, .opaque: return .all
        case .character(let set): return set
        case .sequence(let items):
            var result = ScalarSet.empty
            for item in fromStart ? items : items.reversed() {
                result = result.union(item.edgeCharacters(fromStart: fromStart))
                if !item.isNullable { break }
            }
            return result
        case .alternation(let branches):
            return branches.reduce(.empty) { $0.union($1.edgeCharacters(fromStart: fromStart)) }
        case .group(let inner, _): return inner.edgeCharacters(fromStart: fromStart)
        case .repetition(let body, _, let maximum, _):
            return maximum == 0 ? .empty : body.edgeCharacters(fromStart: fromStart)
        }
    }

    /// Every character the piece can consume anywhere in a match.
    var allCharacters: ScalarSet {
        switch kind {
        case .empty, .assertion, .lookaround: .empty
        case .backreference, .opaque: .all
        case .character(let set): set
        case .sequence(let items), .alternation(let items): items.reduce(.empty) { $0.union($1.allCharacters) }
        case .group(let inner, _): inner.allCharacters
        case .repetition(let body, _, let maximum, _): maximum == 0 ? .empty : body.allCharacters
        }
    }

    /// A short string the piece matches, built from plain characters where it can; nil when the piece has no
    /// obvious match (a back reference, an opaque construct, a class of unprintable characters). Lookarounds
    /// and assertions are ignored, so callers check the result against the compiled pattern.
    var witness: String? {
        switch kind {
        case .empty, .assertion, .lookaround: return ""
        case .backreference, .opaque: return nil
        case .character(let set): return set.sample.map { String($0) }
        case .sequence(let items):
            var text = ""
            for item in items {
                guard let part = item.witness else { return nil }
                text += part
            }
            return text
        case .alternation(let branches):
            return branches.compactMap(\.witness).min { $0.unicodeScalars.count < $1.unicodeScalars.count }
        case .group(let inner, _): return inner.witness
        case .repetition(let body, let minimum, _, _):
            guard minimum > 0 else { return "" }
            return body.witness.map { String(repeating: $0, count: min(minimum, 64)) }
        }
    }

    /// Whether every match must end at the very end of the name (or before a final newline): each alternative
    /// ends in `$`, `\z` or `\Z`, possibly followed by other zero-width assertions.
    var isEndAnchored: Bool {
        switch kind {
        case .assertion(let assertion): assertion == .end || assertion == .endOrBeforeNewline
        case .sequence(let items):
            items.reversed().first { !$0.isZeroWidthOther }?.isEndAnchored ?? false
        case .alternation(let branches): branches.allSatisfy(\.isEndAnchored)
        case .group(let inner, _): inner.isEndAnchored
        default: false
        }
    }

    /// Lookarounds and assertions other than the end ones: they can follow an end anchor without changing it.
    private var isZeroWidthOther: Bool {
        switch kind {
        case .lookaround, .empty: true
        case .assertion(let assertion): assertion == .other || assertion == .start
        default: false
        }
    }

    /// Whether the piece matches every name: it can match the empty string at the start of any name, with no
    /// assertion, lookaround or back reference that could stop it.
    var matchesEveryName: Bool {
        switch kind {
        case .empty: true
        case .assertion(let assertion): assertion == .start  // the match is tried at the start of the name
        case .character, .lookaround, .backreference, .opaque: false
        case .sequence(let items): items.allSatisfy(\.matchesEveryName)
        case .alternation(let branches): branches.contains { $0.matchesEveryName }
        case .group(let inner, _): inner.matchesEveryName
        case .repetition(let body, let minimum, _, _): minimum == 0 || body.matchesEveryName
        }
    }

    /// A group's content seen through any number of plain (non-atomic) groups.
    var unwrapped: PatternNode {
        if case .group(let inner, atomic: false) = kind { return inner.unwrapped }
        return self
    }
}
