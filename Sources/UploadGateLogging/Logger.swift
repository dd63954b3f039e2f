public import Foundation

/// A small structured logger in the shape of swift-log: a value holding a label, a level, metadata and a sink.
///
/// Libraries take a `logger:` parameter and never build their own; only the executable's `main` decides where
/// lines go. Messages and metadata are autoclosures, so a disabled level costs one comparison.
public struct Logger: Sendable {
    /// Severity, from the most verbose to the most severe.
    public enum Level: Int, Comparable, CaseIterable, Sendable, CustomStringConvertible {
        case trace, debug, info, notice, warning, error, critical

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
        public var description: String {
            switch self {
            case .trace: "trace"
            case .debug: "debug"
            case .info: "info"
            case .notice: "notice"
            case .warning: "warning"
            case .error: "error"
            case .critical: "critical"
            }
        }

        /// Parses `trace`…`critical`, case-insensitively.
        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
            self = level
        }
    }

    /// Key/value context attached to every line of this logger.
    public typealias Metadata = [String: String]

    /// Names the component that logs (`uploadgate.server`).
    public var label: String
    /// Lines below this level are dropped before their message is built.
    public var level: Level
    /// Context added to every line.
    public var metadata: Metadata
    private let sink: any LogSink

    /// Creates a logger writing to `sink`.
    public init(label: String, level: Level = .info, metadata: Metadata = [:], sink: any LogSink) {
        self.label = label
        self.level = level
        self.metadata = metadata
        self.sink = sink
    }

    /// A logger that writes nothing: the default for libraries whose caller passed none.
    public static let disabled = Logger(label: "disabled", level: .critical, sink: DiscardingLogSink())

    /// A copy with another label, for a sub-component.
    public func labeled(_ label: String) -> Logger {
        var copy = self
        copy.label = label
        return copy
    }

    /// Logs at `level` when it is enabled.
    public func log(
        _ level: Level, _ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]
    ) {
        guard level >= self.level, sink.isEnabled else { return }
        var merged = self.metadata
        for (key, value) in metadata() { merged[key] = value }
        sink.write(LogRecord(timestamp: Date(), level: level, label: label, message: message(), metadata: merged))
    }

    public func debug(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.debug, message(), metadata: metadata())
    }

    public func info(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.info, message(), metadata: metadata())
    }

    public func notice(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.notice, message(), metadata: metadata())
    }

    public func warning(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.warning, message(), metadata: metadata())
    }

    public func error(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.error, message(), metadata: metadata())
    }
}

/// One log line before formatting.
public struct LogRecord: Sendable {
    public let timestamp: Date
    public let level: Logger.Level
    public let label: String
    public let message: String
    public let metadata: Logger.Metadata
}

/// Where log records go.
public protocol LogSink: Sendable {
    /// False for sinks that drop everything, so callers skip building records.
    var isEnabled: Bool { get }
    /// Writes one record; called from any thread.
    func write(_ record: LogRecord)
}

extension LogSink {
    public var isEnabled: Bool { true }
}

/// Drops every record.
public struct DiscardingLogSink: LogSink {
    public init() {}
    public var isEnabled: Bool { false }
    public func write(_ record: LogRecord) {}
}
