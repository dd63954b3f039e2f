import Foundation
import Synchronization

/// Blocking work (raw socket clients, waits for timeouts, CPU-heavy fuzzing) runs on threads of its own, never
/// on Swift's cooperative pool: the pool has one thread per core, and the other test targets' async tests,
/// some of them timing-sensitive, run on it at the same time.
final class JoinableThread: Sendable {
    private struct State {
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    private init() {}

    /// Starts `body` on a new thread.
    static func start(_ body: @escaping @Sendable () -> Void) -> JoinableThread {
        let handle = JoinableThread()
        let thread = Thread { [handle] in
            body()
            let waiter = handle.state.withLock { state in
                state.finished = true
                return state.waiter.take()
            }
            waiter?.resume()
        }
        thread.stackSize = 1 << 20
        thread.start()
        return handle
    }

    /// Waits, without blocking a cooperative thread, for the thread's body to return.
    func wait() async {
        await withCheckedContinuation { continuation in
            let finished = state.withLock { state in
                if !state.finished { state.waiter = continuation }
                return state.finished
            }
            if finished { continuation.resume() }
        }
    }
}

extension Thread {
    /// Starts `body` on a new thread and returns a handle to wait for it.
    static func detached(_ body: @escaping @Sendable () -> Void) -> JoinableThread { JoinableThread.start(body) }
}

/// Runs blocking `body` on its own thread and returns its result.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        _ = JoinableThread.start { continuation.resume(with: Result { try body() }) }
    }
}

/// A flag set once, read from any thread.
final class Flag: Sendable {
    private let storage = Atomic<Bool>(false)
    func set() { storage.store(true, ordering: .sequentiallyConsistent) }
    var isSet: Bool { storage.load(ordering: .sequentiallyConsistent) }
}

/// A counter shared between threads.
final class Counter: Sendable {
    private let storage = Atomic<Int>(0)
    func add(_ amount: Int = 1) { storage.add(amount, ordering: .relaxed) }
    var value: Int { storage.load(ordering: .sequentiallyConsistent) }
}

/// Messages collected from several threads.
final class Collector: Sendable {
    private let storage = Mutex<[String]>([])
    func add(_ message: String) { storage.withLock { $0.append(message) } }
    var all: [String] { storage.withLock { $0 } }
}

/// Lets one CPU-heavy test of this target run at a time (many clients, fuzzing, reload races): on a two-core
/// machine they would otherwise starve each other and the timing-sensitive tests of other targets running in
/// the same process.
actor HeavyTestGate {
    static let shared = HeavyTestGate()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` once no other heavy test is running.
    static func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await shared.acquire()
        do {
            let result = try await body()
            await shared.release()
            return result
        } catch {
            await shared.release()
            throw error
        }
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()  // busy stays true: handed over
        }
    }
}
