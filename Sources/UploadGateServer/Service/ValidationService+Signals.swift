import Dispatch
import Foundation

extension ValidationService {
    /// Runs until SIGINT or SIGTERM, reloading policies on SIGHUP; then shuts down gracefully.
    ///
    /// Call after ``start()``. Blocks the calling thread.
    public func run() {
        let queue = DispatchQueue(label: "uploadgate.signals")
        let finished = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGHUP, SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [self] in
                if signalNumber == SIGHUP {
                    reloadPolicies()
                } else {
                    finished.signal()
                }
            }
            source.resume()
            sources.append(source)
        }
        finished.wait()
        for source in sources { source.cancel() }
        shutdown()
    }
}
