import UploadPolicy

/// `entry.unreachable`: an accept entry that can never be picked, because an earlier rule always decides first.
///
/// Only what can be shown is reported (a false "unreachable" is worse than a missed one):
/// - an earlier accept entry or a reject rule has the very same pattern;
/// - an earlier accept entry or a reject rule matches every name (`.*`, `^`);
/// - every name the entry can match ends in extensions (the engine's own extension analysis) that an earlier
///   accept entry or a reject rule matches unconditionally (`\.pdf$` in a case-insensitive policy).
enum ReachabilityCheck {
    /// A rule that decides before an accept entry, with what is known about the names it always matches.
    private struct Shadow {
        let path: String
        let source: String
        let matchesEveryName: Bool
        let extensions: Set<String>
        /// "rejects" or "accepts", for the message.
        let verb: String
    }

    static func findings(for policy: Policy, sites: [PatternSite], in context: LintContext) -> [LintFinding] {
        let trees = Dictionary(sites.map { ($0.owner, $0.tree) }, uniquingKeysWith: { first, _ in first })
        func shadow(_ path: String, _ source: String, verb: String) -> Shadow {
            let tree = trees[path] ?? nil
            return Shadow(
                path: path, source: source, matchesEveryName: tree?.root.matchesEveryName ?? false,
                extensions: tree.flatMap(LiteralSuffix.unconditionalExtensions(of:)) ?? [], verb: verb)
        }
        var shadows = policy.rejectRules.map { shadow($0.path, $0.name.source, verb: "rejects") }
        var findings: [LintFinding] = []
        for entry in policy.acceptEntries {
            if let reason = reason(entry, shadowedBy: shadows) {
                findings.append(context.finding(.unreachableEntry, at: entry.path, reason))
            }
            shadows.append(shadow(entry.path, entry.name.source, verb: "accepts"))
        }
        return findings
    }

    private static func reason(_ entry: Policy.AcceptEntry, shadowedBy shadows: [Shadow]) -> String? {
        let required = entry.requiredExtensions
        for shadow in shadows {
            let rule = "\(shadow.path) ('\(shadow.source)')"
            if shadow.source == entry.name.source {
                return "it can never be picked: \(rule) has the same pattern and comes first"
            }
            if shadow.matchesEveryName {
                return "it can never be picked: \(rule) matches every name and comes first"
            }
            if let required, !required.isEmpty, required.isSubset(of: shadow.extensions) {
                let listed = required.sorted().map { ".\($0)" }.joined(separator: ", ")
                return "it can never be picked: every name it matches ends in \(listed), and \(rule) \(shadow.verb) "
                    + "every such name first"
            }
        }
        return nil
    }
}
