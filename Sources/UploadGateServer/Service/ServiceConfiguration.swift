public import HTTPServer
public import UploadPolicy

/// Everything `uploadgate serve` needs, already validated.
public struct ServiceConfiguration: Sendable {
    /// Where policies come from.
    public var policySource: PolicyStore.Source
    /// The shared-mime-info directory.
    public var mimeDirectory: String
    /// Who may call the endpoint.
    public var authenticator: Authenticator
    /// How names appear in the decision log.
    public var nameLogging: NameLogging
    /// The HMAC key for hashed names; random per process when nil.
    public var nameHashKey: [UInt8]?
    /// The HTTP server's address, threads, limits and TLS.
    public var http: HTTPServer.Configuration
    /// Where decision lines go: standard output (1) by default. The descriptor stays open and owned by the caller.
    public var decisionLogDescriptor: Int32

    /// A configuration; every value has the default `uploadgate serve` uses without options.
    public init(
        policySource: PolicyStore.Source = .embedded, mimeDirectory: String = MIMEDatabase.defaultDirectory,
        authenticator: Authenticator = .none, nameLogging: NameLogging = .hash, nameHashKey: [UInt8]? = nil,
        http: HTTPServer.Configuration = HTTPServer.Configuration(), decisionLogDescriptor: Int32 = 1
    ) {
        self.policySource = policySource
        self.mimeDirectory = mimeDirectory
        self.authenticator = authenticator
        self.nameLogging = nameLogging
        self.nameHashKey = nameHashKey
        self.http = http
        self.decisionLogDescriptor = decisionLogDescriptor
    }
}
