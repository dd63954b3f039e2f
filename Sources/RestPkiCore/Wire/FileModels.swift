public import Foundation

/// A file given to Rest PKI Core in a request (`FileReferenceModel` in the API).
///
/// Give exactly one source: inline `content` (with `name`), a `url` the server downloads (publicly reachable,
/// any credentials embedded in it; relative URLs returned by the upload API also work), or the `blobToken` of an
/// earlier upload. The factory methods build each form.
///
/// The schema is the same as `DocumentFileModel`; `contentType` and `location` are the deprecated aliases of
/// `mimeType` and `url` and are never needed in requests. Nil fields are omitted when encoding.
public struct FileReferenceModel: Codable, Hashable, Sendable {
    /// The MIME type, e.g. `application/pdf`.
    public var mimeType: String?
    /// The file's bytes, sent as Base64. Requires `name`.
    public var content: Data?
    /// The token of a file uploaded earlier through the upload API.
    public var blobToken: String?
    /// The address the server downloads the file from.
    public var url: String?
    /// The file name, e.g. `contract.pdf`.
    public var name: String?
    /// The size in bytes.
    public var length: Int64?
    /// Deprecated alias of `mimeType`.
    public var contentType: String?
    /// Deprecated alias of `url`.
    public var location: String?

    /// Creates a file reference from its wire fields; every field is optional.
    public init(
        mimeType: String? = nil, content: Data? = nil, blobToken: String? = nil, url: String? = nil,
        name: String? = nil, length: Int64? = nil, contentType: String? = nil, location: String? = nil
    ) {
        self.mimeType = mimeType
        self.content = content
        self.blobToken = blobToken
        self.url = url
        self.name = name
        self.length = length
        self.contentType = contentType
        self.location = location
    }

    /// A file sent inline; `length` is filled from the bytes.
    ///
    /// - Parameters:
    ///   - data: The bytes of the file.
    ///   - name: The file name; required by the server for inline content.
    ///   - mimeType: The MIME type, if known.
    public static func content(_ data: Data, name: String, mimeType: String? = nil) -> Self {
        Self(mimeType: mimeType, content: data, name: name, length: Int64(data.count))
    }

    /// A file the server downloads from `url`.
    ///
    /// - Parameters:
    ///   - url: A publicly reachable address; embed any credentials in it.
    ///   - name: The file name, if it should differ from what the server derives.
    ///   - mimeType: The MIME type, if known.
    public static func url(_ url: URL, name: String? = nil, mimeType: String? = nil) -> Self {
        Self(mimeType: mimeType, url: url.absoluteString, name: name)
    }

    /// A file uploaded earlier through the upload API.
    ///
    /// - Parameters:
    ///   - token: The `blobToken` the upload returned.
    ///   - name: The file name.
    public static func blobToken(_ token: String, name: String? = nil) -> Self {
        Self(blobToken: token, name: name)
    }
}

/// A file returned by Rest PKI Core (`DocumentFileModel` in the API): an original, marked or signed file.
///
/// Signed bytes are never inline; download them from `downloadURL`. The server may fill the current names
/// (`mimeType`, `url`), the deprecated ones (`contentType`, `location`) or both, so read them through
/// `effectiveMimeType` and `downloadURL`, which fall back from one to the other.
public struct DocumentFileModel: Codable, Hashable, Sendable {
    /// The MIME type (current name).
    public var mimeType: String?
    /// Inline bytes; normally absent in responses.
    public var content: Data?
    /// A blob token; normally absent in responses.
    public var blobToken: String?
    /// The download address (current name). Absolute since 1.x; probably a time-limited ticket.
    public var url: String?
    /// The file name.
    public var name: String?
    /// The size in bytes.
    public var length: Int64?
    /// The MIME type (deprecated name, still written by older servers and the webhook sample).
    public var contentType: String?
    /// The download address (deprecated name, still read by the PHP and Java clients).
    public var location: String?

    /// Creates a file model from its wire fields; every field is optional.
    public init(
        mimeType: String? = nil, content: Data? = nil, blobToken: String? = nil, url: String? = nil,
        name: String? = nil, length: Int64? = nil, contentType: String? = nil, location: String? = nil
    ) {
        self.mimeType = mimeType
        self.content = content
        self.blobToken = blobToken
        self.url = url
        self.name = name
        self.length = length
        self.contentType = contentType
        self.location = location
    }

    /// `mimeType`, or `contentType` when the former is absent or empty.
    public var effectiveMimeType: String? { nonEmpty(mimeType) ?? nonEmpty(contentType) }

    /// The download address: `url`, or `location` when the former is absent or empty, parsed as a URL.
    ///
    /// A relative address is returned relative to nothing; resolve it against the endpoint with
    /// `URL(string:relativeTo:)` if a server ever sends one.
    public var downloadURL: URL? { (nonEmpty(url) ?? nonEmpty(location)).flatMap { URL(string: $0) } }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
