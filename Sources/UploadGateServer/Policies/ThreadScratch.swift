import Glibc
import UploadPolicy

/// One ``MatchScratch`` per server thread, so a decision allocates no PCRE2 match data.
///
/// A scratch is mutated by every match and must stay on one thread (see ``MatchScratch``); libmicrohttpd runs
/// each request on one of its own threads from start to end, so a thread-specific value (POSIX
/// `pthread_getspecific`) is exactly that. The scratch is released when its thread ends. If the process has
/// no thread-specific key left, each call gets a fresh scratch instead.
enum ThreadScratch {
    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        let created = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<MatchScratch>.fromOpaque(pointer).release() }
        }
        return created == 0 ? key : nil
    }()

    /// The calling thread's scratch, created on first use.
    static var current: MatchScratch {
        guard let key else { return MatchScratch() }
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<MatchScratch>.fromOpaque(pointer).takeUnretainedValue()
        }
        let scratch = MatchScratch()
        let retained = Unmanaged.passRetained(scratch)
        if pthread_setspecific(key, retained.toOpaque()) != 0 { retained.release() }
        return scratch
    }
}
