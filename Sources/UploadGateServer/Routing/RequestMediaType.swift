import UploadPolicy

/// The request media types ASP.NET Core's JSON input formatter accepts, which Rest PKI Core's callers use:
/// `application/json`, `text/json` and any `application/*+json`. Parameters (`charset`) are ignored.
enum RequestMediaType {
    static func requireJSON(_ header: String?) throws(EndpointError) {
        guard let header, let media = MediaType(parsing: header) else {
            throw EndpointError.unsupportedMediaType(header)
        }
        let essence = media.essence
        let isJSON =
            essence == "application/json" || essence == "text/json"
            || (essence.hasPrefix("application/") && essence.hasSuffix("+json"))
        guard isJSON else { throw EndpointError.unsupportedMediaType(header) }
    }
}
