public import Foundation

extension RestPkiCoreClient {
    /// The name of the query parameter Rest PKI Core adds to the return URL, spelled as documented.
    public static let returnURLParameterName = "signatureSessionId"

    /// Reads the session id Rest PKI Core adds to the return URL (`?signatureSessionId=<uuid>`, or
    /// `&signatureSessionId=…` after the app's own parameters).
    ///
    /// Other parameters are ignored. The name must be spelled exactly as documented (`signatureSessionId`;
    /// a differently cased name is a different parameter and is ignored). The value may be in any case and
    /// percent-encoded. The same id repeated is fine.
    ///
    /// The id comes from the user's browser: use it only to read the session (`signatureSession(id:)`) and
    /// trust what the server says about it, never the URL.
    ///
    /// - Parameter url: The URL the browser came back on.
    /// - Returns: The session id, or nil when the URL has no `signatureSessionId` parameter.
    /// - Throws: `RestPkiError` of kind `.invalidArgument` when the parameter is present but empty, not a
    ///   UUID, or given twice with different values. A value that is not a UUID is quoted cut at 80 characters,
    ///   with control, format and separator characters written as `\u{…}`.
    public static func signatureSessionId(fromReturnURL url: URL) throws(RestPkiError) -> UUID? {
        let operation = "read the signature session id of a return URL"
        let items = URLComponents(url: url, resolvingAgainstBaseURL: true)?.queryItems ?? []
        let values = items.filter { $0.name == returnURLParameterName }.map { $0.value ?? "" }
        guard !values.isEmpty else { return nil }
        var ids: Set<UUID> = []
        for value in values {
            guard let id = UUID(uuidString: value) else {
                // The value is the browser's: shortened, with control and format characters escaped, so that
                // logging the error cannot break a log line, forge one or hide text behind a bidi override.
                let shown =
                    value.isEmpty
                    ? "empty" : "\"\(DocumentPolicyRefusal.printable(value))\", which is not a UUID"
                throw RestPkiError(
                    .invalidArgument("the \(returnURLParameterName) parameter is \(shown)"),
                    operation: operation)
            }
            ids.insert(id)
        }
        guard ids.count == 1, let id = ids.first else {
            throw RestPkiError(
                .invalidArgument("the \(returnURLParameterName) parameter is given \(ids.count) different values"),
                operation: operation)
        }
        return id
    }
}
