import Glibc

/// Turns process signals into bytes on a pipe (the self-pipe trick), so a plain thread can wait for them.
///
/// A `sigaction` handler is process-wide, whatever thread the kernel picks to deliver the signal on and
/// whatever threads existed before (the Swift runtime's, libmicrohttpd's), so no signal is lost or left to its
/// default action once ``install(_:)`` has returned. The handler only calls `write(2)`, which is
/// async-signal-safe, and keeps `errno`.
enum SignalPipe {
    /// The pipe's write end, read by the handler; set once, before any handler is installed.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    nonisolated(unsafe) private static var readEnd: Int32 = -1

    /// Installs the handler for `signals` (once per process; later calls reuse the same pipe).
    /// - Returns: False when no pipe could be made (the signals keep their default actions).
    static func install(_ signals: [Int32]) -> Bool {
        if writeEnd < 0 {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return false }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            (readEnd, writeEnd) = (ends[0], ends[1])
        }
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                let saved = errno
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalPipe.writeEnd, &byte, 1)
                errno = saved
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
        return true
    }

    /// Blocks until a signal arrives and returns its number.
    static func next() -> Int32 {
        var byte: UInt8 = 0
        while true {
            let count = read(readEnd, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0, errno == EINTR { continue }
            return SIGTERM  // the pipe broke: treat as a request to stop
        }
    }
}
