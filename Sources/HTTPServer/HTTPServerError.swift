/// Why ``HTTPServer/start()`` failed.
///
/// ``code`` is stable and meant for programs; ``message`` is a precise English sentence for people, naming the
/// address, file or setting at fault and the system's own explanation.
public struct HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier for a kind of start failure, for example `server.address_in_use`.
    ///
    /// A struct rather than an enum so that new kinds can be added without breaking exhaustive switches.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The identifier, for example `"server.address_in_use"`.
        public let rawValue: String

        /// Creates a code from its identifier.
        ///
        /// - Parameter rawValue: the identifier.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The identifier.
        public var description: String { rawValue }

        /// A configuration value is out of range; the message names it.
        public static let invalidConfiguration = Code(rawValue: "server.invalid_configuration")
        /// The host name could not be resolved to an address.
        public static let addressUnresolvable = Code(rawValue: "server.address_unresolvable")
        /// Another socket already listens on the address and port (`EADDRINUSE`).
        public static let addressInUse = Code(rawValue: "server.address_in_use")
        /// The process may not bind this address or port (`EACCES`, e.g. a port below 1024).
        public static let permissionDenied = Code(rawValue: "server.permission_denied")
        /// Creating, binding or listening on the socket failed for another reason; the message has the errno.
        public static let listenFailed = Code(rawValue: "server.listen_failed")
        /// A TLS certificate or key file could not be read.
        public static let tlsFileUnreadable = Code(rawValue: "server.tls_file_unreadable")
        /// GnuTLS refused the certificate, the key, their pairing, or the priority string.
        public static let tlsRejected = Code(rawValue: "server.tls_rejected")
        /// libmicrohttpd refused to start for another reason; the message carries its log.
        public static let startFailed = Code(rawValue: "server.start_failed")
        /// ``HTTPServer/start()`` was called on a server that is running or still shutting down.
        public static let alreadyRunning = Code(rawValue: "server.already_running")
    }

    /// What kind of failure this is.
    public let code: Code
    /// What went wrong, for people.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: the explanation.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `message [code]`.
    public var description: String { "\(message) [\(code)]" }
}
