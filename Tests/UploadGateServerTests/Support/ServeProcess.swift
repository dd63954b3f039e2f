import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `uploadgate serve` running as a child process, its standard output and error captured in files.
final class ServeProcess {
    let process = Process()
    let folder: URL
    private(set) var port = 0

    /// The built binary: next to the test bundle (SwiftPM builds every product of a configuration into one
    /// directory, and this target depends on `uploadgate`), or `UPLOADGATE_BINARY`.
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["UPLOADGATE_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        guard let selfPath = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        let candidate = URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("uploadgate")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// Starts `uploadgate serve` with `arguments`; does not wait for it to listen.
    init(_ arguments: [String], environment: [String: String] = [:], standardOutput: FileHandle? = nil) throws {
        let binary = try #require(Self.binary, "the uploadgate binary was not built")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("uploadgate-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("stdout").path, contents: nil)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("stderr").path, contents: nil)
        process.executableURL = binary
        process.arguments = ["serve"] + arguments
        // A sanitized build reads its options (suppressions, leak detection) from the test run's.
        let sanitizerOptions = ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"].merging(sanitizerOptions) { $1 }
            .merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try standardOutput ?? FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        // Also when it has exited: Foundation's Process holds itself until waitUntilExit() sees the exit, so one
        // only ever polled with isRunning is never freed.
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    var stdout: String { (try? String(contentsOf: folder.appendingPathComponent("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    /// Waits for the "listening" line and reads the port from it.
    func waitUntilListening(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let match = stderr.firstMatch(of: /listening address=[^ ]*:(\d+)/), let port = Int(match.1) {
                self.port = port
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw RawHTTPError.system("uploadgate serve did not start listening; stderr:\n\(stderr)")
    }

    /// Waits for the process to exit; nil if it is still running after `timeout`.
    func waitForExit(timeout: Duration = .seconds(20)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits until `condition` holds, polling.
    func eventually(timeout: Duration = .seconds(10), _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}
