import Foundation

/// Runs the built `uploadgate` executable and captures what it printed and how it exited.
struct BinaryRunner {
    /// What one run produced.
    struct Output: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (three levels above this file), used as the working directory.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The environment every run starts from: fixed width, no colour, UTF-8, nothing inherited but `PATH` and
    /// the sanitizer options of a sanitized test run (`ASAN_OPTIONS`, `LSAN_OPTIONS`, `TSAN_OPTIONS`).
    static let baseEnvironment: [String: String] = [
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ].merging(ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }) { $1 }

    /// Where the binary is, tried in order:
    /// 1. `UPLOADGATE_BINARY`, for running the goldens against another build (release, installed);
    /// 2. next to the running test bundle: SwiftPM puts every product of a configuration in one directory
    ///    (`.build/<triple>/<config>/`), and this target depends on `uploadgate`, so it is built first;
    /// 3. `.build/debug/uploadgate` under the package root.
    static func locate() -> URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["UPLOADGATE_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        let selfPath =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath
        if let selfPath {
            candidates.append(
                URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("uploadgate"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/uploadgate"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    let binary: URL

    /// Runs the binary with `arguments`, the base environment plus `environment`, from the package root.
    /// Output goes to temporary files rather than pipes, so no amount of output can block the child.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "uploadgate-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = Self.baseEnvironment.merging(environment) { $1 }
        process.currentDirectoryURL = Self.packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(
            status: process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
