public import Foundation

/// CMS (CAdES) signature options (`CmsSignatureOptions` in the API), for the whole session or one document.
public struct CmsSignatureOptions: Codable, Hashable, Sendable {
    /// Whether the signature is detached from the data.
    public var detached: Bool?
    /// The signed data, for a detached signature over a separate file.
    public var dataFile: FileReferenceModel?
    /// Precomputed digests of the data, for a detached signature without the data.
    public var dataHashes: [DigestAlgorithmAndValueModel]?

    /// Creates CMS signature options.
    public init(
        detached: Bool? = nil, dataFile: FileReferenceModel? = nil, dataHashes: [DigestAlgorithmAndValueModel]? = nil
    ) {
        self.detached = detached
        self.dataFile = dataFile
        self.dataHashes = dataHashes
    }
}

/// A digest and its algorithm (`DigestAlgorithmAndValueModel` in the API). Give `value` or `hexValue`.
public struct DigestAlgorithmAndValueModel: Codable, Hashable, Sendable {
    /// The digest algorithm.
    public var algorithm: DigestAlgorithm?
    /// The digest bytes, sent as Base64.
    public var value: Data?
    /// The digest as hexadecimal text.
    public var hexValue: String?

    /// Creates a digest.
    public init(algorithm: DigestAlgorithm? = nil, value: Data? = nil, hexValue: String? = nil) {
        self.algorithm = algorithm
        self.value = value
        self.hexValue = hexValue
    }
}

/// An image given inline or by address (`ResourceContentOrReference` in the API).
public struct ResourceContentOrReference: Codable, Hashable, Sendable {
    /// The address of the resource.
    public var url: String?
    /// The bytes of the resource, sent as Base64.
    public var content: Data?
    /// The MIME type, e.g. `image/png`.
    public var mimeType: String?

    /// Creates a resource.
    public init(url: String? = nil, content: Data? = nil, mimeType: String? = nil) {
        self.url = url
        self.content = content
        self.mimeType = mimeType
    }
}
