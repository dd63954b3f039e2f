import Foundation
import Synchronization
public import UploadPolicy

/// How much of a file name the decision log keeps.
public enum NameLogging: String, CaseIterable, Sendable {
    /// The name as sent.
    case full
    /// An HMAC-SHA256 of the name (`name_hash`): correlatable, not readable.
    case hash
    /// Nothing about the name.
    case none
}

/// One JSON line per decision, written to standard output (or any descriptor) through a buffer that a
/// background thread flushes every 100 ms, or at once when the buffer passes 64 KiB. A request never waits for
/// a `write(2)`: when the reader stops reading (a stalled log pipeline), the flusher waits for it alone, and once
/// 4 MiB are waiting further lines are dropped and counted (``droppedLines``) until it reads again. Lines are
/// never interleaved or split.
///
/// Fields: `ts`, `decision_id`, `policy`, `accept`, `code`, `rule`, `name` or `name_hash` (per ``NameLogging``),
/// `type`, `length`, `duration_us`.
public final class DecisionLog: Sendable {
    private let mode: NameLogging
    private let hasher: NameHasher
    private let descriptor: Int32
    private let buffer = Mutex<[UInt8]>([])
    /// Held while taking the buffer and writing it, so flushes from two threads keep lines in order.
    private let writing = Mutex(())
    private let flushThreshold = 64 * 1024
    /// The most that waits for a reader that has stopped reading; lines beyond it are dropped.
    private let capacity = 4 * 1024 * 1024
    private let dropped = Atomic<UInt64>(0)
    /// Wakes the flusher early when the buffer passes ``flushThreshold`` (and on ``stop()``).
    private let wake = DispatchSemaphore(value: 0)
    private let ids = DecisionIDs()
    private let stopped = Atomic<Bool>(false)
    /// Set once ``stop()`` has written the last lines: from then on nothing touches the descriptor.
    private let finished = Atomic<Bool>(false)

    /// - Parameters:
    ///   - mode: How names are logged.
    ///   - hashKey: The HMAC key for `hash` mode; a random one (per process) when nil.
    ///   - descriptor: Where lines go; standard output by default. The log does not close it, and writes to it
    ///     until ``stop()`` returns (or, when never stopped, until the log is released): keep it open that long.
    public init(mode: NameLogging, hashKey: [UInt8]? = nil, descriptor: Int32 = 1) {
        self.mode = mode
        self.hasher = NameHasher(key: hashKey ?? NameHasher.randomKey())
        self.descriptor = descriptor
        let thread = Thread { [weak self] in
            while let log = self, !log.stopped.load(ordering: .relaxed) {
                log.flush()
                _ = log.wake.wait(timeout: .now() + 0.1)
            }
        }
        thread.name = "uploadgate-decision-log"
        thread.start()
    }

    deinit {
        stopped.store(true, ordering: .relaxed)
        wake.signal()
        flush()
        writing.withLock { _ in finished.store(true, ordering: .relaxed) }
    }

    /// Lines dropped because the reader had stopped reading and the buffer was full.
    public var droppedLines: UInt64 { dropped.load(ordering: .relaxed) }

    /// A new decision id: unique within this process and, through a random prefix, across processes.
    public func nextID() -> String { ids.next() }

    /// Appends one decision's line.
    public func record(
        id: String, decision: Decision, candidate: FileCandidate, duration: Duration
    ) {
        var line = JSONLine()
        line.add("ts", unescaped: { Timestamp.now(into: &$0) })
        line.add("decision_id", id)
        line.add("policy", decision.policyID)
        line.add("accept", decision.isAccepted)
        line.add("code", decision.code.rawValue)
        line.add("rule", decision.rule)
        switch mode {
        case .full: line.add("name", candidate.name)
        case .hash: line.add("name_hash", hasher.hash(candidate.name))
        case .none: break
        }
        line.add("type", candidate.contentType)
        line.add("length", candidate.length)
        let (seconds, attoseconds) = duration.components
        line.add("duration_us", seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        let bytes = line.finish()

        let (kept, crossed) = buffer.withLock { buffer -> (Bool, Bool) in
            guard buffer.count + bytes.count <= capacity else { return (false, false) }
            let before = buffer.count
            buffer.append(contentsOf: bytes)
            return (true, before < flushThreshold && buffer.count >= flushThreshold)
        }
        if !kept { dropped.add(1, ordering: .relaxed) }
        if crossed { wake.signal() }
    }

    /// Writes out whatever is buffered.
    public func flush() {
        writing.withLock { _ in
            var pending: [UInt8] = []
            pending.reserveCapacity(flushThreshold + 1024)
            buffer.withLock { swap(&$0, &pending) }  // the next lines go to a fresh buffer
            guard !pending.isEmpty, !finished.load(ordering: .relaxed) else { return }
            pending.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return  // the reader went away (EPIPE); a decision must never fail over its log line
                    }
                }
            }
        }
    }

    /// Writes what is buffered and stops for good: the background flusher ends, and lines recorded afterwards
    /// are dropped, so the owner may close the descriptor as soon as this returns.
    ///
    /// A reader that has stopped reading would hold this up for ever: after 2 s it gives up and returns, and the
    /// lines still waiting are lost (a write already blocked stays blocked until the reader reads or goes).
    public func stop() {
        stopped.store(true, ordering: .relaxed)
        wake.signal()
        let done = DispatchSemaphore(value: 0)
        let last = Thread { [self] in
            flush()
            writing.withLock { _ in finished.store(true, ordering: .relaxed) }
            done.signal()
        }
        last.name = "uploadgate-decision-log-stop"
        last.start()
        if done.wait(timeout: .now() + 2) == .timedOut {
            finished.store(true, ordering: .relaxed)
        }
    }
}

/// Decision ids: a random 8-hex-digit process prefix and a counter, e.g. `3f9a12bc-000000000042`.
final class DecisionIDs: Sendable {
    private let prefix: [UInt8]
    private let counter = Atomic<UInt64>(0)

    /// - Parameter issued: how many ids count as already issued (the next one is `issued + 1`); for tests.
    init(issued: UInt64 = 0) {
        prefix = Array(String(format: "%08x", UInt32.random(in: .min ... .max)).utf8)
        counter.store(issued, ordering: .relaxed)
    }

    func next() -> String {
        let value = counter.add(1, ordering: .relaxed).newValue
        let digits = max(12, String(value).utf8.count)  // at least 12, zero-padded; more past 10^12 decisions
        return String(unsafeUninitializedCapacity: prefix.count + 1 + digits) { text in
            _ = text.initialize(fromContentsOf: prefix)
            text[prefix.count] = UInt8(ascii: "-")
            var rest = value
            for index in stride(from: prefix.count + digits, to: prefix.count, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            return prefix.count + 1 + digits
        }
    }
}

/// ISO 8601 UTC timestamps with milliseconds, formatted without Foundation's formatters (they are slow and
/// not thread-safe) and without `gmtime_r` (glibc takes its time-zone lock on every call, which request
/// threads would queue on).
enum Timestamp {
    /// Appends the current time.
    static func now(into text: inout [UInt8]) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        write(secondsSinceEpoch: Int64(spec.tv_sec), milliseconds: Int(spec.tv_nsec / 1_000_000), into: &text)
    }

    /// `YYYY-MM-DDThh:mm:ss.mmmZ` for a time in seconds since 1970 (UTC, no leap seconds, as POSIX counts).
    static func format(secondsSinceEpoch seconds: Int64, milliseconds: Int) -> String {
        var text: [UInt8] = []
        write(secondsSinceEpoch: seconds, milliseconds: milliseconds, into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``format(secondsSinceEpoch:milliseconds:)``'s text to `text`.
    static func write(secondsSinceEpoch seconds: Int64, milliseconds: Int, into text: inout [UInt8]) {
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, time) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        let date = civilDate(daysSinceEpoch: day)
        let start = text.count
        text.append(contentsOf: "0000-00-00T00:00:00.000Z".utf8)
        func put(_ value: Int64, at end: Int, digits: Int) {
            var value = value
            for offset in 0..<digits {
                text[start + end - offset] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(date.year, at: 3, digits: 4)
        put(date.month, at: 6, digits: 2)
        put(date.day, at: 9, digits: 2)
        put(time / 3600, at: 12, digits: 2)
        put(time / 60 % 60, at: 15, digits: 2)
        put(time % 60, at: 18, digits: 2)
        put(Int64(milliseconds), at: 22, digits: 3)
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01, by whole 400-year eras (146,097 days
    /// each) and years that start on 1 March, so the leap day falls at the end of the year.
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSinceEpoch + 719_468  // days from 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
