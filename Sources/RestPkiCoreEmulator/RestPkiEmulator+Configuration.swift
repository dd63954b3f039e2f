public import Foundation

extension RestPkiEmulator {
    /// Everything that shapes an emulator: address, accepted keys, long-poll window, the subscription's file-name
    /// validation, and the signature page's language.
    public struct Configuration: Sendable {
        /// A key of the documented shape (`<appName>|<64 hex digits>`), accepted by default.
        public static let defaultAPIKey = "emulator|" + String(repeating: "0123456789abcdef", count: 4)

        /// The address to listen on. Default `127.0.0.1`; keep it on loopback (control routes need no key).
        public var host: String
        /// The TCP port; 0 (the default) picks a free one, readable from `RestPkiEmulator.port`.
        public var port: Int
        /// The `X-Api-Key` values accepted on the three API routes. Default: `defaultAPIKey`.
        public var apiKeys: [String]
        /// How long `when-completed` holds a call while the session is `Processing`. Rest PKI Core holds it for
        /// about 15 s (the default); tests use a fraction of a second.
        public var longPollWindow: Duration
        /// How `when-completed` answers for `UserCancelled`, `Expired` and `ProcessingError` (undocumented).
        public var finalStateAnswer: FinalStateAnswer
        /// The subscription's file-name validation: the acceptable-name pattern and the validation endpoint.
        public var subscription: Subscription
        /// The signature page's language: the language of the messages next to files, and the
        /// `Accept-Language` of the calls to the validation endpoint. Default English.
        public var pageLanguage: PageLanguage
        /// The largest request body accepted (inline document content makes create requests large). 8 MiB.
        public var maxRequestBodySize: Int

        /// Creates a configuration with the defaults above.
        ///
        /// - Parameters:
        ///   - subscription: The file-name validation settings; none by default (every upload accepted).
        ///   - longPollWindow: The `when-completed` window; 15 s by default.
        ///   - pageLanguage: The signature page's language; English by default.
        public init(
            subscription: Subscription = Subscription(), longPollWindow: Duration = .seconds(15),
            pageLanguage: PageLanguage = .english
        ) {
            self.host = "127.0.0.1"
            self.port = 0
            self.apiKeys = [Self.defaultAPIKey]
            self.longPollWindow = longPollWindow
            self.finalStateAnswer = .badSignatureSessionOperation
            self.subscription = subscription
            self.pageLanguage = pageLanguage
            self.maxRequestBodySize = 8 << 20
        }
    }

    /// How `when-completed` answers for a session that ended without completing (`UserCancelled`, `Expired`,
    /// `ProcessingError`); the real server's behaviour there is undocumented.
    public enum FinalStateAnswer: Sendable, Hashable {
        /// 422 `BadSignatureSessionOperation`, as for `Pending` (the default).
        case badSignatureSessionOperation
        /// 200 `{"completed": true, "progress": 100}`; the caller reads the session to learn how it ended.
        case completed
    }

    /// The language of the signature page.
    public enum PageLanguage: String, Sendable, Hashable, Codable, CaseIterable {
        /// English; sent as `Accept-Language: en`.
        case english = "en"
        /// Brazilian Portuguese; sent as `Accept-Language: pt-BR`.
        case brazilianPortuguese = "pt-BR"
    }

    /// The file-name validation a Rest PKI Core subscription carries (configured in its management UI, not
    /// through the API). It applies to files the user uploads, never to predefined documents.
    public struct Subscription: Sendable {
        /// The acceptable file name pattern, applied first as an unanchored, case-sensitive search
        /// (`NSRegularExpression`, ICU: close to .NET for common constructs). Nil: no pattern.
        public var acceptableFileNamePattern: String?
        /// The file validation endpoint, called for each file that passes the pattern. Nil: none.
        public var fileValidation: FileValidation?

        /// Creates subscription settings.
        ///
        /// - Parameters:
        ///   - acceptableFileNamePattern: A regular expression each file name must contain a match of.
        ///   - fileValidation: The validation endpoint to call.
        public init(acceptableFileNamePattern: String? = nil, fileValidation: FileValidation? = nil) {
            self.acceptableFileNamePattern = acceptableFileNamePattern
            self.fileValidation = fileValidation
        }
    }

    /// The validation endpoint of a subscription and how it is called.
    public struct FileValidation: Sendable {
        /// The URL POSTed to for each file, e.g. `http://127.0.0.1:8080/validate/pdf-only`.
        public var url: URL
        /// The credentials sent with each call.
        public var authentication: ValidationAuthentication
        /// The longest a call may take, from sending to the last byte of the answer. Default 10 s.
        public var timeout: Duration
        /// What a failed call means (no answer in time, non-2xx status, unreadable body). Default: reject.
        public var onFailure: FailureHandling

        /// Creates validation-endpoint settings.
        ///
        /// - Parameters:
        ///   - url: The endpoint URL.
        ///   - authentication: The credentials; none by default.
        ///   - timeout: The total time limit of one call; 10 s by default.
        ///   - onFailure: Whether a failed call rejects (default) or accepts the file.
        public init(
            url: URL, authentication: ValidationAuthentication = .none, timeout: Duration = .seconds(10),
            onFailure: FailureHandling = .reject
        ) {
            self.url = url
            self.authentication = authentication
            self.timeout = timeout
            self.onFailure = onFailure
        }
    }

    /// What a failed call to the validation endpoint means for the file. Rest PKI Core's choice is undocumented.
    public enum FailureHandling: Sendable, Hashable {
        /// Fail closed: the file is rejected (the default).
        case reject
        /// Fail open: the file is accepted.
        case accept
    }

    /// The credentials sent to the validation endpoint, with the options Rest PKI Core offers for webhooks.
    /// Printing one never shows the secret.
    public enum ValidationAuthentication: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// No credentials.
        case none
        /// `X-Api-Key: <key>`.
        case apiKey(String)
        /// `Authorization: Bearer <token>`.
        case bearer(String)
        /// `Authorization: Basic base64(user:password)`.
        case basic(user: String, password: String)

        /// The header to send, or nil.
        var header: (name: String, value: String)? {
            switch self {
            case .none: return nil
            case .apiKey(let key): return ("X-Api-Key", key)
            case .bearer(let token): return ("Authorization", "Bearer " + token)
            case .basic(let user, let password):
                return ("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
            }
        }

        /// The scheme, never the secret: `none`, `api-key`, `bearer` or `basic`.
        public var description: String {
            switch self {
            case .none: return "none"
            case .apiKey: return "api-key"
            case .bearer: return "bearer"
            case .basic: return "basic"
            }
        }

        /// The same as `description`.
        public var debugDescription: String { description }

        /// Reflection (`dump`) shows the scheme only.
        public var customMirror: Mirror { Mirror(self, children: ["scheme": description], displayStyle: .enum) }
    }
}
