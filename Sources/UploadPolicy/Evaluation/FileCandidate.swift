/// One file a user picked: what the signing service sends to the validation endpoint.
public struct FileCandidate: Hashable, Sendable, Codable {
    /// The file name exactly as sent (any Unicode, NUL included; normalised by the engine, not by the caller).
    public var name: String
    /// The MIME type the browser reported; nil or empty when it reported none.
    public var contentType: String?
    /// The size in bytes, when known.
    public var length: Int64?

    public init(name: String, contentType: String? = nil, length: Int64? = nil) {
        self.name = name
        self.contentType = contentType
        self.length = length
    }
}
