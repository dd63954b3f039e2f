internal import Glibc

/// File-name globs from shared-mime-info's `globs2` (`weight:type:glob[:flags]`), indexed for quick lookup.
///
/// Lookup follows the shared-mime-info specification: literal names first, then `*.suffix` globs, then other
/// wildcard globs; among matches the highest weight wins, then the longest glob. Globs match case-insensitively
/// unless flagged `cs`.
struct GlobTable: Sendable {
    struct Entry: Sendable {
        let type: String
        let weight: Int
        let length: Int
        let caseSensitive: Bool
        let pattern: String
    }

    /// Whole-name globs (`makefile`), by lowercased name.
    private var literals: [String: [Entry]] = [:]
    /// `*.ext` globs, by the lowercased suffix starting at its dot (`.tar.gz`).
    private var dotSuffixes: [String: [Entry]] = [:]
    /// `*x` globs whose suffix does not start with a dot (`*~`, `*,v`).
    private var otherSuffixes: [(suffix: String, entry: Entry)] = []
    /// Globs with wildcards elsewhere (`*.[1-9]`), matched with fnmatch(3).
    private var wildcards: [Entry] = []

    init(globs2Lines lines: [Substring]) {
        for line in lines {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 3, let weight = Int(fields[0]) else { continue }
            let pattern = String(fields[2])
            let caseSensitive = fields.count > 3 && fields[3].split(separator: ",").contains("cs")
            let entry = Entry(
                type: fields[1].lowercased(), weight: weight, length: pattern.count, caseSensitive: caseSensitive,
                pattern: pattern)
            let rest = pattern.dropFirst()
            let isWildcard: (Character) -> Bool = { "*?[".contains($0) }
            if !pattern.contains(where: isWildcard) {
                literals[pattern.lowercased(), default: []].append(entry)
            } else if pattern.hasPrefix("*"), !rest.contains(where: isWildcard) {
                if rest.hasPrefix(".") {
                    dotSuffixes[rest.lowercased(), default: []].append(entry)
                } else {
                    otherSuffixes.append((rest.lowercased(), entry))
                }
            } else {
                wildcards.append(entry)
            }
        }
    }

    /// The type of the best glob matching `name`, or nil.
    func type(forFileName name: String) -> String? {
        let lowered = name.lowercased()
        if let entries = literals[lowered], let best = Self.best(entries, name: name, pattern: { $0.pattern }) {
            return best.type
        }

        var candidates: [Entry] = []
        var index = lowered.startIndex
        while let dot = lowered[index...].firstIndex(of: ".") {
            if let entries = dotSuffixes[String(lowered[dot...])] { candidates += entries }
            index = lowered.index(after: dot)
        }
        for (suffix, entry) in otherSuffixes where lowered.hasSuffix(suffix) { candidates.append(entry) }
        if let best = Self.best(candidates, name: name, pattern: { String($0.pattern.dropFirst()) }) {
            return best.type
        }

        // FNM_CASEFOLD is a GNU extension Swift does not see; fold both sides instead.
        let matching = wildcards.filter { entry in
            entry.caseSensitive
                ? fnmatch(entry.pattern, name, 0) == 0 : fnmatch(entry.pattern.lowercased(), lowered, 0) == 0
        }
        return Self.best(matching, name: name, pattern: { $0.pattern })?.type
    }

    /// Every glob pattern registered for `type`.
    func patterns(for type: String) -> [String] {
        var all: [Entry] = Array(literals.values.joined())
        all += dotSuffixes.values.joined()
        all += otherSuffixes.map { $0.entry }
        all += wildcards
        return all.filter { $0.type == type }.map { $0.pattern }.sorted()
    }

    /// The winner among matching entries: case-sensitive globs must match exactly; then highest weight, then
    /// longest glob.
    private static func best(_ entries: [Entry], name: String, pattern: (Entry) -> String) -> Entry? {
        entries
            .filter { !$0.caseSensitive || name.hasSuffix(pattern($0)) || name == $0.pattern }
            .max { ($0.weight, $0.length) < ($1.weight, $1.length) }
    }
}
