import UploadPolicy

/// One pattern of a policy file, compiled as the engine compiles it, with its parsed tree when the lint's
/// parser follows its syntax.
struct PatternSite {
    enum Role {
        /// An accept entry's `name`: it picks the kind of file.
        case accept
        /// A reject rule's `name`.
        case reject
    }

    /// `accept[2].name`, `reject[0].name`.
    let path: String
    /// The entry or rule: `accept[2]`.
    let owner: String
    let role: Role
    let compiled: CompiledPattern
    let tree: ParsedPattern?

    var source: String { compiled.source }

    init(owner: String, role: Role, compiled: CompiledPattern, caseInsensitive: Bool) {
        self.owner = owner
        self.path = owner + ".name"
        self.role = role
        self.compiled = compiled
        self.tree = ParsedPattern(compiled.source, caseInsensitive: caseInsensitive)
    }

    /// The patterns of a loaded policy, accept entries first.
    static func sites(of policy: Policy) -> [PatternSite] {
        let caseless = policy.options.caseInsensitive
        return policy.acceptEntries.map {
            PatternSite(owner: $0.path, role: .accept, compiled: $0.name, caseInsensitive: caseless)
        }
            + policy.rejectRules.map {
                PatternSite(owner: $0.path, role: .reject, compiled: $0.name, caseInsensitive: caseless)
            }
    }

    /// The patterns of a file that did not load: every `accept[i].name` and `reject[i].name` string that
    /// compiles (the ones that do not are already load errors).
    static func sites(in sourceMap: JSONSourceMap, context: LintContext) -> [PatternSite] {
        let options = PatternOptions(caseInsensitive: context.caseInsensitive, limits: context.patternLimits)
        var sites: [PatternSite] = []
        for (list, role) in [("accept", Role.accept), ("reject", Role.reject)] {
            for index in 0..<sourceMap.count(at: list) {
                let owner = "\(list)[\(index)]"
                guard let source = sourceMap.string(at: owner + ".name"), !source.isEmpty,
                    let compiled = try? CompiledPattern(source, options: options)
                else { continue }
                sites.append(
                    PatternSite(
                        owner: owner, role: role, compiled: compiled,
                        caseInsensitive: context.caseInsensitive))
            }
        }
        return sites
    }
}
