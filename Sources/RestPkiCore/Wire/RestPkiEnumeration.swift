/// A string enumeration of the Rest PKI Core wire format that stays open to values this client does not know.
///
/// Rest PKI Core serialises its enums as PascalCase names (`"Completed"`, `"CryptoDevice"`), and Lacuna adds values
/// without notice. Conforming types are `RawRepresentable` string structs with static members for the documented
/// values, so decoding never fails on a new value: it is kept verbatim and `isDocumented` is `false`.
///
/// Documented values are matched case-insensitively and normalised to their documented spelling (ASP.NET parses
/// enum names case-insensitively, so `"completed"` means `Completed`); any other string is kept exactly as received.
/// Encoding writes `rawValue` unchanged.
public protocol RestPkiEnumeration: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// The documented values, in their documented spelling.
    static var documentedRawValues: [String] { get }

    /// Creates a value holding `rawValue` exactly, without normalisation.
    init(verbatim rawValue: String)

    /// Creates a value from a wire string; never fails (see the protocol's discussion).
    init(rawValue: String)
}

extension RestPkiEnumeration {
    /// Creates a value from a wire string; documented values are matched case-insensitively and normalised.
    ///
    /// - Parameter rawValue: The string as found on the wire. Never rejected.
    public init(rawValue: String) {
        self.init(verbatim: Self.normalised(rawValue))
    }

    /// Whether this value is one of the documented values (after case normalisation).
    public var isDocumented: Bool { Self.documentedRawValues.contains(rawValue) }

    /// The wire string.
    public var description: String { rawValue }

    /// Decodes a JSON string; any string is accepted, other JSON types are a type mismatch.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(verbatim: Self.normalised(try container.decode(String.self)))
    }

    /// Encodes the wire string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func normalised(_ raw: String) -> String {
        if documentedRawValues.contains(raw) { return raw }
        let folded = raw.lowercased()
        return documentedRawValues.first { $0.lowercased() == folded } ?? raw
    }
}
