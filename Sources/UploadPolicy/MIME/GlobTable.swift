internal import Glibc

/// File-name globs from shared-mime-info's `globs2` (`weight:type:glob[:flags]`), indexed for quick lookup.
///
/// Lookup follows the shared-mime-info specification: literal names first, then `*.suffix` globs, then other
/// wildcard globs; among matches the highest weight wins, then the longest glob. Globs match case-insensitively
/// unless flagged `cs`. The common lookups (literal names and suffixes) work on lowercased bytes and probe a
/// dictionary once per dot in the name.
struct GlobTable: Sendable {
    struct Entry: Sendable {
        /// The type, already canonical.
        let type: String
        let weight: Int
        let length: Int
        let caseSensitive: Bool
        let pattern: String
        /// For literal and suffix globs, the bytes the name must end with (the glob without its `*`).
        let tail: [UInt8]
    }

    /// Whole-name globs (`makefile`), by lowercased name.
    private var literals: [String: [Entry]] = [:]
    /// `*.ext` globs, by the lowercased suffix starting at its dot (`.tar.gz`).
    private var dotSuffixes: [String: [Entry]] = [:]
    /// `*x` globs whose suffix does not start with a dot (`*~`, `*,v`), with the lowercased suffix.
    private var otherSuffixes: [(suffix: [UInt8], entry: Entry)] = []
    /// Globs with wildcards elsewhere (`*.[1-9]`), matched with fnmatch(3).
    private var wildcards: [Entry] = []
    private var longestLiteral = 0
    private var longestDotSuffix = 0

    /// - Parameters:
    ///   - lines: The lines of `globs2`.
    ///   - canonical: Resolves aliases, so lookups return canonical types.
    init(globs2Lines lines: [Substring], canonical: (String) -> String) {
        for line in lines {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 3, let weight = Int(fields[0]) else { continue }
            let pattern = String(fields[2])
            let caseSensitive = fields.count > 3 && fields[3].split(separator: ",").contains("cs")
            let isWildcard: (Character) -> Bool = { "*?[".contains($0) }
            let rest = pattern.dropFirst()
            let literal = !pattern.contains(where: isWildcard)
            let suffix = pattern.hasPrefix("*") && !rest.contains(where: isWildcard)
            let entry = Entry(
                type: canonical(fields[1].lowercased()), weight: weight, length: pattern.count,
                caseSensitive: caseSensitive, pattern: pattern,
                tail: literal ? Array(pattern.utf8) : suffix ? Array(rest.utf8) : [])
            if literal {
                literals[pattern.lowercased(), default: []].append(entry)
                longestLiteral = max(longestLiteral, pattern.lowercased().utf8.count)
            } else if suffix, rest.hasPrefix(".") {
                dotSuffixes[rest.lowercased(), default: []].append(entry)
                longestDotSuffix = max(longestDotSuffix, rest.lowercased().utf8.count)
            } else if suffix {
                otherSuffixes.append((Array(rest.lowercased().utf8), entry))
            } else {
                wildcards.append(entry)
            }
        }
    }

    /// The canonical type of the best glob matching `name`, or nil.
    ///
    /// Case is folded for ASCII letters only: every glob shared-mime-info ships is ASCII.
    func type(forFileName name: String) -> String? {
        var original = name
        return original.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                for index in bytes.indices { buffer[index] = ASCII.lowercased(bytes[index]) }
                return type(original: bytes, lowered: UnsafeBufferPointer(buffer), name: name)
            }
        }
    }

    private func type(original: UnsafeBufferPointer<UInt8>, lowered: UnsafeBufferPointer<UInt8>, name: String)
        -> String?
    {
        func key(from start: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: lowered[start...]), as: UTF8.self)
        }
        var winner: Entry?
        if lowered.count <= longestLiteral, let entries = literals[key(from: 0)] {
            Self.consider(entries, original: original, winner: &winner)
            if let winner { return winner.type }
        }

        var position = max(0, lowered.count - longestDotSuffix)
        while let dot = lowered[position...].firstIndex(of: UInt8(ascii: ".")) {
            if let entries = dotSuffixes[key(from: dot)] { Self.consider(entries, original: original, winner: &winner) }
            position = dot + 1
        }
        for (suffix, entry) in otherSuffixes where lowered.count >= suffix.count {
            if lowered[(lowered.count - suffix.count)...].elementsEqual(suffix) {
                Self.consider(CollectionOfOne(entry), original: original, winner: &winner)
            }
        }
        if let winner { return winner.type }

        // FNM_CASEFOLD is a GNU extension Swift does not see; fold both sides instead.
        let folded = String(decoding: lowered, as: UTF8.self)
        let matching = wildcards.filter { entry in
            entry.caseSensitive
                ? fnmatch(entry.pattern, name, 0) == 0 : fnmatch(entry.pattern.lowercased(), folded, 0) == 0
        }
        Self.consider(matching, original: original, winner: &winner)
        return winner?.type
    }

    /// Every glob pattern registered for `type` (canonical).
    func patterns(for type: String) -> [String] {
        var all: [Entry] = Array(literals.values.joined())
        all += dotSuffixes.values.joined()
        all += otherSuffixes.map { $0.entry }
        all += wildcards
        return all.filter { $0.type == type }.map { $0.pattern }.sorted()
    }

    /// Keeps the better of `winner` and each entry: case-sensitive globs must match the name's own bytes; then
    /// the highest weight wins, then the longest glob.
    private static func consider<C: Collection<Entry>>(
        _ entries: C, original: UnsafeBufferPointer<UInt8>, winner: inout Entry?
    ) {
        for entry in entries {
            if entry.caseSensitive, !entry.tail.isEmpty {
                guard original.count >= entry.tail.count,
                    original[(original.count - entry.tail.count)...].elementsEqual(entry.tail)
                else { continue }
            }
            if let current = winner, (current.weight, current.length) >= (entry.weight, entry.length) { continue }
            winner = entry
        }
    }
}
