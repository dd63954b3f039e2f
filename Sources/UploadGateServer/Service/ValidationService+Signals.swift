import Glibc

extension ValidationService {
    /// Serves until SIGINT or SIGTERM, reloading policies on SIGHUP; then shuts down gracefully.
    ///
    /// Signal handling is in place before the server listens (and so before the "listening" line), so a
    /// supervisor that signals as soon as it sees the service ready is never too early. SIGPIPE is ignored for
    /// the whole process: when whatever reads the decision log (a pipe, journald) goes away, writes fail with
    /// EPIPE instead of killing the server.
    ///
    /// Blocks the calling thread until the service has stopped.
    /// - Throws: ``ServiceError`` when the server cannot listen (see ``start()``).
    public func run() throws(ServiceError) {
        signal(SIGPIPE, SIG_IGN)
        guard SignalPipe.install([SIGHUP, SIGINT, SIGTERM]) else {
            throw ServiceError("cannot set up signal handling: no pipe could be made")
        }
        try start()
        while true {
            let number = SignalPipe.next()
            if number == SIGHUP {
                reloadPolicies()
            } else {
                logger.info("stopping", metadata: ["signal": number == SIGINT ? "SIGINT" : "SIGTERM"])
                break
            }
        }
        shutdown()
    }
}
