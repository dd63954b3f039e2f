import Foundation
import Synchronization

/// A thread that can be waited for: blocking clients need real threads, not the cooperative pool.
final class JoinableThread: Sendable {
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts `body` on a new thread.
    static func start(_ body: @escaping @Sendable () -> Void) -> JoinableThread {
        let handle = JoinableThread()
        let thread = Thread { [handle] in
            body()
            handle.done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        return handle
    }

    /// Waits for the thread's body to return.
    func join() { done.wait() }
}

extension Thread {
    /// Starts `body` on a new thread and returns a handle to wait for it.
    static func detached(_ body: @escaping @Sendable () -> Void) -> JoinableThread { JoinableThread.start(body) }
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
