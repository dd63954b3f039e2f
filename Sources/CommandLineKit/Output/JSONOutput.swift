internal import Foundation

/// JSON for `--format json`: keys sorted (stable output for diffs and golden tests), slashes unescaped
/// (`application/pdf`, not `application\/pdf`), pretty-printed, and ending in a newline.
public enum JSONOutput {
    /// Encodes `value` the way every command prints JSON.
    ///
    /// - Parameters:
    ///   - value: the document; its `CodingKeys` define the field names.
    ///   - pretty: indent the output (default) or print one line (for line-oriented logs).
    /// - Returns: the JSON text followed by a newline.
    /// - Throws: `EncodingError` when the value cannot be encoded (non-finite numbers, for example).
    public static func encode(_ value: some Encodable, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
