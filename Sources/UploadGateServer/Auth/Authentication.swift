import Foundation

/// How the endpoint checks that a call comes from the signing service, matching what Rest PKI Core can send.
public enum AuthenticationMode: String, CaseIterable, Sendable {
    /// No check. Only sensible when listening on loopback; the server warns otherwise.
    case none
    /// `X-Api-Key: <secret>`.
    case apiKey = "api-key"
    /// `Authorization: Basic base64(user:password)`; secrets are `user:password` pairs.
    case basic
    /// `Authorization: Bearer <secret>`.
    case bearer
}

/// Checks credentials against a set of accepted secrets (several, so keys can be rotated without downtime).
///
/// Comparison takes the same time whatever the presented value and whichever secret it matches or not:
/// every accepted secret is compared over a fixed length, with no early exit. Secrets are never logged,
/// printed or echoed: ``description`` shows only the mode and the count.
public struct Authenticator: Sendable, CustomStringConvertible {
    /// The mode.
    public let mode: AuthenticationMode
    private let secrets: [[UInt8]]

    /// The longest secret compared; longer presented values are refused without a timing signal of their length.
    static let maxSecretLength = 512

    /// - Parameters:
    ///   - mode: The scheme to check.
    ///   - secrets: Accepted secrets; required (non-empty) unless the mode is `.none`.
    /// - Throws: ``AuthenticationError`` when a secret is empty, too long, malformed for the mode (a Basic secret
    ///   without a colon or with an empty password), or missing.
    public init(mode: AuthenticationMode, secrets: [String]) throws(AuthenticationError) {
        if mode != .none, secrets.isEmpty {
            throw AuthenticationError("auth mode '\(mode.rawValue)' needs at least one secret")
        }
        for (index, secret) in secrets.enumerated() {
            if secret.isEmpty || secret.utf8.count > Self.maxSecretLength {
                throw AuthenticationError("secret #\(index + 1) must be 1 to \(Self.maxSecretLength) bytes long")
            }
            if mode == .basic {
                guard let colon = secret.firstIndex(of: ":") else {
                    throw AuthenticationError("secret #\(index + 1) must be 'user:password' for basic auth")
                }
                // An empty password is no secret: 'alice:' would let in whoever knows the user name, ':' anyone.
                guard secret.index(after: colon) < secret.endIndex else {
                    throw AuthenticationError(
                        "secret #\(index + 1) must be 'user:password' with a password for basic auth")
                }
            }
            if secret.unicodeScalars.contains(where: { $0.value < 0x21 && !(mode == .basic && $0 == " ") }) {
                throw AuthenticationError("secret #\(index + 1) contains spaces or control characters")
            }
        }
        self.mode = mode
        self.secrets = secrets.map { Array($0.utf8) }
    }

    /// No authentication.
    public static let none: Authenticator = {
        do { return try Authenticator(mode: .none, secrets: []) } catch { preconditionFailure("\(error)") }
    }()

    public var description: String { "\(mode.rawValue) (\(secrets.count) secret\(secrets.count == 1 ? "" : "s"))" }

    /// The outcome of checking one request.
    public enum Outcome: Equatable, Sendable {
        case allowed
        /// Refused, with a message safe to return and the challenge header to send.
        case refused(message: String, challenge: String?)
    }

    /// Checks a request's credentials.
    ///
    /// Basic and Bearer credentials are read from `Authorization` and, failing that, from `Authentication`: Rest
    /// PKI Core's documentation names the latter for its outgoing calls, almost certainly meaning the former,
    /// so both are accepted.
    /// - Parameter header: Looks a request header up by name, case-insensitively.
    /// - Returns: ``Outcome/allowed``, or why not with the challenge to send.
    public func check(header: (String) -> String?) -> Outcome {
        switch mode {
        case .none:
            return .allowed
        case .apiKey:
            guard let key = header("X-Api-Key") else { return refused("Send the API key in the X-Api-Key header.") }
            return matches(Array(key.utf8)) ? .allowed : refused("The API key is not valid.")
        case .bearer, .basic:
            let scheme = mode == .bearer ? "Bearer" : "Basic"
            let credentials = ["Authorization", "Authentication"].compactMap { header($0) }.compactMap {
                Self.credential($0, scheme: scheme)
            }
            guard !credentials.isEmpty else {
                return refused("Send credentials in the Authorization header with the \(scheme) scheme.")
            }
            // Every presented credential is compared (map, not a short-circuiting ||), like every secret.
            if mode == .bearer {
                let valid = credentials.map { matches(Array($0.utf8)) }.contains(true)
                return valid ? .allowed : refused("The token is not valid.")
            }
            let decoded = credentials.compactMap { Data(base64Encoded: String($0)) }
            guard !decoded.isEmpty else { return refused("The Basic credentials are not valid base64.") }
            let valid = decoded.map { matches(Array($0)) }.contains(true)
            return valid ? .allowed : refused("The user name or password is not valid.")
        }
    }

    /// The credential after `scheme` (compared case-insensitively) and white space, or nil for another scheme.
    private static func credential(_ value: String, scheme: String) -> Substring? {
        guard let space = value.firstIndex(where: { $0 == " " || $0 == "\t" }),
            value[..<space].caseInsensitiveCompare(scheme) == .orderedSame
        else { return nil }
        let rest = value[space...].drop { $0 == " " || $0 == "\t" }
        return rest.isEmpty ? nil : rest
    }

    private func refused(_ message: String) -> Outcome {
        // RFC 9110 §11.6.1: a 401 carries a challenge; API keys have no registered scheme, so the challenge
        // names the header to send.
        let challenge: String? =
            switch mode {
            case .basic: "Basic realm=\"uploadgate\", charset=\"UTF-8\""
            case .bearer: "Bearer realm=\"uploadgate\""
            case .apiKey: "ApiKey realm=\"uploadgate\", header=\"X-Api-Key\""
            case .none: nil
            }
        return .refused(message: message, challenge: challenge)
    }

    /// Constant-time membership: compares `presented` with every secret (no early exit on a match) over
    /// ``maxSecretLength`` bytes each (see ``ConstantTime``).
    private func matches(_ presented: [UInt8]) -> Bool {
        var found: UInt8 = presented.count <= Self.maxSecretLength ? 0 : 1
        var anyMatch: UInt8 = 1  // becomes 0 once a secret matches
        for secret in secrets {
            anyMatch &= ConstantTime.isNonZero(ConstantTime.difference(secret, presented, over: Self.maxSecretLength))
        }
        found |= anyMatch
        return found == 0
    }
}

/// A configuration problem with authentication; the message never contains a secret.
public struct AuthenticationError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
