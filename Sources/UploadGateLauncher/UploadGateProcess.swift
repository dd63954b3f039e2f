public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A running `uploadgate serve` child process on loopback, for the end-to-end tests and the example.
///
/// ```swift
/// let gate = try UploadGateProcess.start(arguments: ["--policies", folder])
/// defer { gate.stop() }
/// let url = gate.baseURL.appendingPathComponent("validate/pdf-only")
/// ```
///
/// The server listens on `127.0.0.1:0` (a free port, read back from its "listening" log line). Its standard
/// output (the decision log) and standard error go to files in a private temporary folder, so no amount of
/// output can block it. It runs under `timeout(1)` with a maximum lifetime, so even if this process dies without
/// calling `stop()` the server does not outlive it by long.
///
/// The child is started with `posix_spawn`, not Foundation's `Process`: `Process` passes the signal mask of the
/// calling thread on to the child, and a Swift concurrency thread blocks nearly every signal, so a child started
/// from async code would never act on SIGTERM; and `Process.waitUntilExit()` can miss the exit. Here the child
/// gets an empty mask and default signal handlers, inherits no descriptor beyond 0–2, and is reaped with
/// `waitpid`.
public final class UploadGateProcess: Sendable {
    /// The server's root URL, e.g. `http://127.0.0.1:41234/`.
    public let baseURL: URL
    /// The file receiving the server's standard output (one JSON line per decision).
    public let decisionLog: URL
    /// The file receiving the server's standard error (startup, warnings, errors).
    public let errorLog: URL
    private let folder: URL
    /// The child's pid (`timeout`, leader of its own process group), or 0 once reaped.
    private let pid: Atomic<Int32>

    private init(baseURL: URL, pid: pid_t, folder: URL) {
        self.baseURL = baseURL
        self.pid = Atomic(pid)
        self.folder = folder
        self.decisionLog = folder.appendingPathComponent("stdout")
        self.errorLog = folder.appendingPathComponent("stderr")
    }

    deinit {
        stop()
    }

    /// Starts `uploadgate serve --listen 127.0.0.1:0` with further arguments and waits until it listens.
    ///
    /// - Parameters:
    ///   - binary: The `uploadgate` executable; `locateBinary()` by default.
    ///   - arguments: Arguments after `serve --listen 127.0.0.1:0`, e.g. `["--policies", dir]`.
    ///   - environment: Variables added to a minimal environment (`PATH`, `LANG`, and any `*SAN_OPTIONS`
    ///     of this process), e.g. `UPLOADGATE_API_KEYS`.
    ///   - maximumLifetime: After this the server is killed whatever happens. Default 10 minutes.
    ///   - startupTimeout: How long to wait for the "listening" line. Default 30 s.
    /// - Returns: The running server.
    /// - Throws: `UploadGateLaunchError` when the binary is missing, the server exits, or it does not listen in
    ///   time; the message quotes its standard error.
    public static func start(
        binary: URL? = nil, arguments: [String], environment: [String: String] = [:],
        maximumLifetime: Duration = .seconds(600), startupTimeout: Duration = .seconds(30)
    ) throws(UploadGateLaunchError) -> UploadGateProcess {
        guard let binary = binary ?? locateBinary() else {
            throw UploadGateLaunchError(
                "the uploadgate binary was not found (set UPLOADGATE_BINARY, or build it: swift build --product "
                    + "uploadgate)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("uploadgate-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw UploadGateLaunchError("cannot create \(folder.path): \(error)")
        }
        let errLog = folder.appendingPathComponent("stderr")
        let command =
            [
                "/usr/bin/timeout", "--kill-after=5", "\(max(1, maximumLifetime.components.seconds))", binary.path,
                "serve", "--listen", "127.0.0.1:0",
            ] + arguments
        var variables = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        // A sanitized build reads its options (suppressions, leak detection) from its parent's.
        variables.merge(ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }) { $1 }
        variables.merge(environment) { $1 }
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(
                command, environment: variables, stdout: folder.appendingPathComponent("stdout").path,
                stderr: errLog.path)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        let server = UploadGateProcess(baseURL: URL(string: "http://127.0.0.1/")!, pid: pid, folder: folder)
        let deadline = ContinuousClock.now + startupTimeout
        while true {
            let text = (try? String(contentsOf: errLog, encoding: .utf8)) ?? ""
            if let port = listeningPort(in: text) {
                server.pid.store(0, ordering: .relaxed)  // handed over to the returned value
                return UploadGateProcess(
                    baseURL: URL(string: "http://127.0.0.1:\(port)/")!, pid: pid, folder: folder)
            }
            if ChildProcess.hasExited(pid) || ContinuousClock.now > deadline {
                let why = ChildProcess.hasExited(pid) ? "exited" : "did not listen within \(startupTimeout)"
                server.stop()
                throw UploadGateLaunchError("uploadgate serve \(why); its standard error:\n\(text)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Stops the server: SIGTERM (a graceful stop), then SIGKILL to its whole process group after 12 s; removes
    /// its log folder. Safe to call more than once, from any thread.
    public func stop() {
        let pid = self.pid.exchange(0, ordering: .relaxed)
        guard pid > 0 else { return }
        ChildProcess.terminate(pid, grace: .seconds(12))
        try? FileManager.default.removeItem(at: folder)
    }

    /// Where the `uploadgate` binary is, tried in order: `UPLOADGATE_BINARY`; next to the running executable
    /// (SwiftPM puts every product of a build configuration in one folder, so tests and examples find it
    /// there); `.build/debug/uploadgate` under the current directory.
    public static func locateBinary() -> URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["UPLOADGATE_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        if let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(
                URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("uploadgate"))
        }
        candidates.append(URL(fileURLWithPath: ".build/debug/uploadgate"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The port of the `listening address=HOST:PORT` log line, if it was written.
    static func listeningPort(in log: String) -> Int? {
        for line in log.split(separator: "\n") where line.contains(": listening ") {
            guard let range = line.range(of: "address=") else { continue }
            let address = line[range.upperBound...].prefix { $0 != " " }
            if let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) {
                return port
            }
        }
        return nil
    }
}

/// Why `uploadgate serve` could not be started.
public struct UploadGateLaunchError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
