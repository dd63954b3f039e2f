import HTTPServer
import UploadPolicy

/// The request media types ASP.NET Core's JSON input formatter accepts, which Rest PKI Core's callers use:
/// `application/json`, `text/json` and any `application/*+json` (`application/problem+json`,
/// `application/json-patch+json`…). The body must be UTF-8: a `charset` parameter other than `utf-8` (or its
/// `utf8` and `us-ascii` spellings) is refused rather than misread. Other parameters are ignored.
enum RequestMediaType {
    static func requireJSON(_ header: String?) throws(EndpointError) {
        if let header, isCommonJSON(header) { return }
        guard let header, let media = MediaType(parsing: header) else {
            throw EndpointError.unsupportedMediaType(header)
        }
        let essence = media.essence
        let isJSON =
            essence == "application/json" || essence == "text/json"
            || (essence.hasPrefix("application/") && essence.hasSuffix("+json"))
        guard isJSON else { throw EndpointError.unsupportedMediaType(header) }
        if let charset = media.parameters.first(where: { $0.name == "charset" })?.value,
            !["utf-8", "utf8", "us-ascii"].contains(charset.lowercased())
        {
            throw EndpointError.unsupportedCharset(charset)
        }
    }

    /// The two values nearly every caller sends, in any ASCII case, recognised without parsing:
    /// `application/json` and `application/json; charset=utf-8` (.NET's `JsonContent`).
    private static func isCommonJSON(_ header: String) -> Bool {
        HTTPHeaders.namesEqual(header, "application/json")
            || HTTPHeaders.namesEqual(header, "application/json; charset=utf-8")
    }
}
