public import Foundation
import Synchronization

/// Writes one line per record to a file descriptor (standard error by default), whole lines at a time.
///
/// Format: `2026-12-03T17:30:00.123Z info uploadgate.server: listening address=127.0.0.1:8080`. Metadata values
/// with spaces or quotes are quoted; control characters are escaped, so one record is always one line.
public final class StreamLogSink: LogSink {
    private let descriptor: Int32
    private let lock = Mutex(())

    /// - Parameter descriptor: The file descriptor to write to; 2 (standard error) by default.
    public init(descriptor: Int32 = 2) { self.descriptor = descriptor }

    public func write(_ record: LogRecord) {
        var line = "\(ISO8601.string(from: record.timestamp)) \(record.level) \(record.label): "
        line += Self.escaped(record.message)
        for (key, value) in record.metadata.sorted(by: { $0.key < $1.key }) {
            let escaped = Self.escaped(value)
            let needsQuotes = escaped.isEmpty || escaped.contains(" ") || escaped.contains("\"")
            line += " \(key)=" + (needsQuotes ? "\"\(escaped.replacingOccurrences(of: "\"", with: "\\\""))\"" : escaped)
        }
        line += "\n"
        lock.withLock { _ in FileDescriptorWriter.writeAll(line, to: descriptor) }
    }

    /// Control characters (newlines included) as `\n`, `\u{1b}`…, so a message cannot forge log lines.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Keeps records in memory, for tests.
public final class RecordingLogSink: LogSink {
    private let storage = Mutex<[LogRecord]>([])

    public init() {}

    public func write(_ record: LogRecord) { storage.withLock { $0.append(record) } }

    /// Every record written so far.
    public var records: [LogRecord] { storage.withLock { $0 } }
}

/// Writes a whole string to a file descriptor, retrying short writes and EINTR.
public enum FileDescriptorWriter {
    public static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return  // the reader went away; logging must never take the process down
                }
            }
        }
    }
}

/// Timestamps as ISO 8601 UTC with milliseconds.
public enum ISO8601 {
    private static let formatter: Mutex<ISO8601DateFormatter> = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return Mutex(formatter)
    }()

    public static func string(from date: Date) -> String {
        formatter.withLock { $0.string(from: date) }
    }
}
