/// A small value-type logger in the swift-log mould, passed into the client (libraries never configure output).
///
/// The client logs at `info` and below: each HTTP exchange at `debug` (method, path, status, duration, size;
/// never headers, so never the API key) and each decision of `waitForCompletion` at `debug`, retries at `info`.
/// Messages are built only when their level is enabled.
///
/// This is a stand-in until the project's shared `Logger` lands; a one-line handler bridges it to any backend.
public struct RestPkiLogger: Sendable {
    /// Severity, from the most verbose to the most severe.
    public enum Level: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
        /// Very detailed tracing.
        case trace
        /// Information useful when debugging.
        case debug
        /// Normal but noteworthy events.
        case info
        /// Conditions that may need attention.
        case notice
        /// Something unexpected that was handled.
        case warning
        /// An operation failed.
        case error
        /// The process cannot continue.
        case critical

        /// Orders levels by severity.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The level's name, e.g. `debug`.
        public var description: String { String(describing: self) }
    }

    /// One log event.
    public struct Record: Sendable {
        /// The severity.
        public var level: Level
        /// The message.
        public var message: String
        /// Structured context, e.g. `["session": "…", "status": "422"]`.
        public var metadata: [String: String]
    }

    /// The least severe level that is handled.
    public var minimumLevel: Level
    private let handler: (@Sendable (Record) -> Void)?

    /// Creates a logger that passes every record at `minimumLevel` or above to `handler`.
    ///
    /// - Parameters:
    ///   - minimumLevel: The least severe level to handle.
    ///   - handler: Receives each record, on the calling task; it must be cheap and thread-safe.
    public init(minimumLevel: Level = .info, handler: @escaping @Sendable (Record) -> Void) {
        self.minimumLevel = minimumLevel
        self.handler = handler
    }

    private init() {
        minimumLevel = .critical
        handler = nil
    }

    /// A logger that drops everything; the client's default.
    public static let disabled = RestPkiLogger()

    /// Logs a message built only if `level` is enabled.
    ///
    /// - Parameters:
    ///   - level: The severity.
    ///   - message: The message.
    ///   - metadata: Structured context.
    public func log(
        _ level: Level, _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: String] = [:]
    ) {
        guard let handler, level >= minimumLevel else { return }
        handler(Record(level: level, message: message(), metadata: metadata()))
    }
}
