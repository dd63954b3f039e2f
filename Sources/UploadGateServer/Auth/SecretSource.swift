import Foundation

/// Reads authentication secrets from a file or an environment variable, one per line (the environment variable
/// may also separate them with commas). Blank lines and lines starting with `#` are ignored; surrounding white
/// space is trimmed. Errors name the file or variable, never a secret.
public enum SecretSource {
    /// The environment variable read when no secrets file is given.
    public static let environmentVariable = "UPLOADGATE_API_KEYS"

    /// Secrets from a file.
    public static func secrets(fromFile path: String) throws(AuthenticationError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuthenticationError("cannot read the secrets file '\(path)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AuthenticationError("the secrets file '\(path)' is not UTF-8 text")
        }
        let secrets = parse(text, separators: ["\n"])
        if secrets.isEmpty { throw AuthenticationError("the secrets file '\(path)' holds no secret") }
        return secrets
    }

    /// Secrets from an environment variable; nil when it is unset.
    public static func secrets(fromEnvironment name: String = environmentVariable, environment: [String: String])
        -> [String]?
    {
        environment[name].map { parse($0, separators: ["\n", ","]) }
    }

    static func parse(_ text: String, separators: Set<Character>) -> [String] {
        text.split(whereSeparator: { separators.contains($0) || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
