import Synchronization

/// The most recent requests an emulator answered (at most `capacity`), oldest first.
final class RequestLog: Sendable {
    static let capacity = 10_000
    private let records = Mutex<[EmulatorRequestRecord]>([])

    func append(_ record: EmulatorRequestRecord) {
        records.withLock { records in
            if records.count == Self.capacity { records.removeFirst(Self.capacity / 10) }
            records.append(record)
        }
    }

    var all: [EmulatorRequestRecord] { records.withLock { $0 } }
}
