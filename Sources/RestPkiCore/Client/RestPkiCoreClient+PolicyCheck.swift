public import Foundation
public import UploadPolicy

extension RestPkiCoreClient {
    /// Creates a signature session after checking its predefined documents against an UploadPolicy policy; if
    /// any document fails, throws before any network call.
    ///
    /// Each document's name, MIME type and length (see `PolicyPrecheck` for where they come from) are evaluated
    /// with `policy`, the same policy the validation endpoint applies to user uploads, so an app cannot ask users
    /// to sign what it would refuse them to upload. When every document passes, the request is sent exactly as
    /// `createSignatureSession(_:subscriptionId:)` sends it. A request without documents (the user uploads) is
    /// sent unchecked: the validation endpoint checks those files.
    ///
    /// ```swift
    /// do {
    ///     let created = try await client.createSignatureSession(request, checkedBy: policy, language: .english)
    /// } catch let error where error.kind == .policyRefused {
    ///     for refusal in error.policyRefusals { print(refusal.index, refusal.name ?? "-", refusal.reason) }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - request: The session to create.
    ///   - policy: The policy to check the predefined documents with.
    ///   - language: The language of the reasons; nil takes it from `options.acceptLanguage`, else English.
    ///   - unknownFacts: What to do with a document whose name (or, when the policy limits sizes, length) the
    ///     request does not give, e.g. one given by URL: `.refuse` (the default) or `.checkWhatIsKnown`.
    ///   - subscriptionId: Sent as `X-Subscription`.
    /// - Returns: The session id and the `redirectUrl` of the signature page.
    /// - Throws: `RestPkiError` of kind `.policyRefused`, listing every failing document in `policyRefusals`
    ///   (index, name, decision code, rule, reason) with nothing sent; otherwise what
    ///   `createSignatureSession(_:subscriptionId:)` throws.
    public func createSignatureSession(
        _ request: CreateSignatureSessionRequest, checkedBy policy: Policy, language: Language? = nil,
        unknownFacts: UnknownFileFacts = .refuse, subscriptionId: UUID? = nil
    ) async throws(RestPkiError) -> CreateSignatureSessionResponse {
        let chosen = language ?? options.acceptLanguage.flatMap { Language(tag: $0) } ?? .english
        let precheck = PolicyPrecheck(policy: policy, language: chosen, unknownFacts: unknownFacts)
        let checks = precheck.check(request)
        let refusals = checks.compactMap(\.refusal)
        guard refusals.isEmpty else {
            // Names stay out of the log (they may be personal data); the error carries them for the caller.
            logger.log(
                .info, "policy pre-check refused \(refusals.count) of \(checks.count) documents; nothing sent",
                metadata: [
                    "policy": policy.id, "codes": refusals.map(\.code.rawValue).joined(separator: ","),
                    "indexes": refusals.map { String($0.index) }.joined(separator: ","),
                ])
            throw RestPkiError(
                .policyRefused(policy: policy.id, documents: checks.count, refusals: refusals),
                operation: "POST api/signature-sessions")
        }
        for check in checks {
            if case .unchecked(let why) = check.verdict {
                logger.log(.info, "policy pre-check skipped document #\(check.index): \(why)")
            }
        }
        return try await createSignatureSession(request, subscriptionId: subscriptionId)
    }
}
