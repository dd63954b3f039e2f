/// Which extensions a pattern accepts unconditionally: `\.pdf$` matches every name ending in `.pdf`, in any
/// case, and nothing about the rest of the name can stop it.
///
/// This is the sufficient condition that complements the engine's ``UploadPolicy/Policy/AcceptEntry/
/// requiredExtensions`` (a necessary one): an entry whose every possible match ends in `.pdf` is shadowed by an
/// earlier rule that matches every name ending in `.pdf`. Only patterns made of literal characters, optional
/// literals and alternations before a final `$` or `\z` qualify, and letters must match both cases; anything
/// else gives no extension, which keeps the reachability check conservative.
enum LiteralSuffix {
    /// The lowercased extensions (without the dot) matched unconditionally, or nil when there are none.
    static func unconditionalExtensions(of source: String, caseInsensitive: Bool) -> Set<String>? {
        ParsedPattern(source, caseInsensitive: caseInsensitive).flatMap(unconditionalExtensions(of:))
    }

    static func unconditionalExtensions(of pattern: ParsedPattern) -> Set<String>? {
        let root = pattern.root.unwrapped
        let branches: [PatternNode]
        if case .alternation(let items) = root.kind { branches = items } else { branches = [root] }
        var result = Set<String>()
        for branch in branches {
            var items: [PatternNode]
            if case .sequence(let parts) = branch.unwrapped.kind { items = parts } else { items = [branch.unwrapped] }
            guard let last = items.popLast(), case .assertion(.end) = last.kind,
                let tails = strings(of: items[...])
            else { continue }
            for tail in tails where tail.hasPrefix(".") && tail.count > 1 && tail.allSatisfy(\.isASCII) {
                let name = tail.dropFirst()
                if !name.contains(".") { result.insert(String(name)) }
            }
        }
        return result.isEmpty ? nil : result
    }

    /// Every string a run of literal pieces matches, lowercased, or nil when the run is not purely literal.
    private static func strings(of nodes: ArraySlice<PatternNode>) -> Set<String>? {
        var result: Set<String> = [""]
        for node in nodes {
            guard let parts = strings(of: node) else { return nil }
            result = Set(result.flatMap { prefix in parts.map { prefix + $0 } })
            guard result.count <= 256 else { return nil }
        }
        return result
    }

    private static func strings(of node: PatternNode) -> Set<String>? {
        switch node.kind {
        case .empty: return [""]
        case .character(let set): return letter(set).map { [$0] }
        case .group(let inner, _): return strings(of: inner)
        case .sequence(let items): return strings(of: items[...])
        case .alternation(let branches):
            var union = Set<String>()
            for branch in branches {
                guard let parts = strings(of: branch) else { return nil }
                union.formUnion(parts)
            }
            return union
        case .repetition(let body, 0, .some(1), _):
            return strings(of: body).map { $0.union([""]) }
        default:
            return nil
        }
    }

    /// The character a set stands for when it is one caseless character: a character without case, or the two
    /// cases of an ASCII letter. Given lowercased.
    private static func letter(_ set: ScalarSet) -> String? {
        let scalars = set.ranges.flatMap { range in range.count <= 2 ? Array(range) : [] }
        guard scalars.count == set.ranges.reduce(0, { $0 + $1.count }) else { return nil }
        switch scalars.count {
        case 1:
            guard let scalar = Unicode.Scalar(scalars[0]), !scalar.properties.changesWhenCaseMapped else { return nil }
            return String(scalar)
        case 2:
            let pair = scalars.sorted()
            guard (65...90).contains(pair[0]), pair[1] == pair[0] + 32, let lower = Unicode.Scalar(pair[1]) else {
                return nil
            }
            return String(lower)
        default:
            return nil
        }
    }
}
