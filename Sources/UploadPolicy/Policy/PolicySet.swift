/// The policies an endpoint serves, by id, with one default. Immutable and `Sendable`; a reload builds a new
/// set and swaps it in whole.
public struct PolicySet: Sendable {
    /// The policies, in load order.
    public let policies: [Policy]
    /// The policy `POST /validate` uses.
    public let defaultPolicy: Policy
    private let byID: [String: Policy]

    /// Makes a set.
    /// - Parameters:
    ///   - policies: Policies with unique ids.
    ///   - defaultPolicyID: The default; when nil, the policy with id `default`, else the only policy.
    ///   - source: Where the set comes from (the folder), named by a `policy.no_default` error, which is the
    ///     set's problem and no one file's; when nil, the first policy's file.
    /// - Throws: ``PolicyLoadError`` `policy.no_default` or `policy.duplicate_id`.
    public init(policies: [Policy], defaultPolicyID: String? = nil, source: String? = nil) throws(PolicyLoadError) {
        var byID: [String: Policy] = [:]
        for policy in policies {
            guard byID[policy.id] == nil else {
                throw PolicyLoadError(
                    code: .duplicateID, file: policy.source, path: "id",
                    message: "id '\(policy.id)' is used by more than one policy")
            }
            byID[policy.id] = policy
        }
        let chosen: Policy?
        if let defaultPolicyID {
            chosen = byID[defaultPolicyID]
        } else {
            chosen = byID["default"] ?? (policies.count == 1 ? policies.first : nil)
        }
        guard let chosen else {
            let ids = policies.map(\.id).sorted().joined(separator: ", ")
            let message =
                defaultPolicyID.map { "no policy has the id '\($0)' (ids: \(ids))" }
                ?? "cannot tell which policy is the default: none has id 'default' (ids: \(ids)); give one "
                + "the id 'default', or name the default (serve --default-policy ID)"
            throw PolicyLoadError(
                code: .noDefault, file: source ?? policies.first?.source ?? "", path: "", message: message)
        }
        self.policies = policies
        self.defaultPolicy = chosen
        self.byID = byID
    }

    /// The policy with this id.
    public subscript(id: String) -> Policy? { byID[id] }

    /// Loads every `*.json` policy in a directory.
    /// - Throws: ``PolicyLoadErrors`` listing every problem in every file; nothing is loaded half-way.
    public static func load(directory: String, mimeDatabase: MIMEDatabase, defaultPolicyID: String? = nil)
        throws(PolicyLoadErrors) -> PolicySet
    {
        var loader = PolicyLoader(mimeDatabase: mimeDatabase)
        loader.load(directory: directory)
        return try loader.makeSet(defaultPolicyID: defaultPolicyID)
    }
}
