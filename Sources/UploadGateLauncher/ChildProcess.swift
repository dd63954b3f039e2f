import CSpawnShim
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `posix_spawn` and `waitpid`, with what a well-behaved child needs and Foundation's `Process` does not give it
/// from async code (see `UploadGateProcess`).
enum ChildProcess {
    /// Starts `command[0]` with the arguments `command`, an empty signal mask, default signal handlers, standard
    /// input from `/dev/null`, standard output and error appended to files, and no other inherited descriptor.
    ///
    /// - Returns: The child's pid.
    /// - Throws: `UploadGateLaunchError` with `posix_spawn`'s reason.
    static func spawn(
        _ command: [String], environment: [String: String], stdout: String, stderr: String
    ) throws(UploadGateLaunchError) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        _ = CSpawnShim_addclosefrom(&actions, 3)

        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw UploadGateLaunchError("cannot start \(command[0]): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Whether the child has exited (and, if so, reaps it). A child reaped elsewhere counts as exited.
    static func hasExited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == pid || (result < 0 && errno == ECHILD)
    }

    /// Sends SIGTERM; after `grace`, SIGKILL to the child's process group (`timeout` leads its own group, so
    /// this reaches the server too); then reaps the child.
    static func terminate(_ pid: pid_t, grace: Duration) {
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            if hasExited(pid) { return }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}
