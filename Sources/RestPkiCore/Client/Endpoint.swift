import Foundation

/// The instance root every API path is relative to, e.g. `https://core.pki.rest/`.
///
/// Paths are joined onto the endpoint's path whether or not it ends with `/` (the official samples insist on
/// the trailing slash because some clients concatenate; this one does not need it), and a path prefix such as
/// `https://example.com/restpki/` is kept.
struct Endpoint: Sendable {
    /// The endpoint as given.
    let url: URL
    /// Why the endpoint is unusable, or nil when it is fine.
    let problem: String?

    init(_ url: URL) {
        self.url = url
        self.problem = Self.validate(url)
    }

    private static func validate(_ url: URL) -> String? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            return "the endpoint \(Endpoint.redacted(url)) is not a valid URL"
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            return "the endpoint \(Endpoint.redacted(url)) must be an absolute http or https URL, "
                + "e.g. https://core.pki.rest/"
        }
        guard let host = components.host, !host.isEmpty else {
            return "the endpoint \(Endpoint.redacted(url)) has no host"
        }
        if components.percentEncodedQuery != nil || components.percentEncodedFragment != nil {
            return "the endpoint \(Endpoint.redacted(url)) must not have a query or fragment"
        }
        return nil
    }

    /// The URL of `path` (relative, without a leading slash) under the endpoint.
    func url(for path: String) -> URL? {
        guard problem == nil, var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            return nil
        }
        var base = components.percentEncodedPath
        while base.hasSuffix("/") { base.removeLast() }
        components.percentEncodedPath = base + "/" + path
        return components.url
    }

    /// The endpoint for messages: user and password removed.
    var redactedString: String { Endpoint.redacted(url) }

    static func redacted(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            components.user != nil || components.password != nil
        else { return url.absoluteString }
        components.user = nil
        components.password = nil
        return components.url?.absoluteString ?? "<endpoint>"
    }
}
