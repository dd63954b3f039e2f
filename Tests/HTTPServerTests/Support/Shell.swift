import CSpawnShim
import Foundation

/// Why ``run(_:_:input:)`` could not run a tool.
struct ShellError: Error, CustomStringConvertible {
    let description: String
}

/// Runs a command-line tool for tests (openssl), feeding `input` on stdin; returns its exit status and stdout.
///
/// Through `posix_spawn`, not Foundation's `Process`: `Process.run()` (Swift 6.3.1) finds the descriptors to close
/// by copying every `/proc/self/fd` entry name with a fixed-size `memcpy`, which reads past its buffer and can
/// crash the test process while other tests hold about 1,400 sockets open (see `Tests/Sanitizers`).
@discardableResult
func run(_ executable: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
    var stdin: [Int32] = [-1, -1]
    var stdout: [Int32] = [-1, -1]
    guard pipe(&stdin) == 0 else { throw ShellError(description: "pipe: \(String(cString: strerror(errno)))") }
    guard pipe(&stdout) == 0 else {
        close(stdin[0])
        close(stdin[1])
        throw ShellError(description: "pipe: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
    posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    _ = CSpawnShim_addclosefrom(&actions, 3)  // the pipes' other ends and every other test's sockets

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    close(stdin[0])
    close(stdout[1])
    guard status == 0 else {
        close(stdin[1])
        close(stdout[0])
        throw ShellError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
    }

    signal(SIGPIPE, SIG_IGN)  // a child that exits without reading its input must not kill the tests
    // Input is small (a request line or two), well under a pipe's buffer, so writing it all first cannot block
    // on a child that is itself blocked writing output.
    let bytes = Array(input.utf8)
    var written = 0
    while written < bytes.count {
        let count = bytes[written...].withUnsafeBytes { write(stdin[1], $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }  // the child closed its input
        written += count
    }
    close(stdin[1])

    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(stdout[0], $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        output.append(contentsOf: buffer[0..<count])
    }
    close(stdout[0])

    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0, errno == EINTR {}
    let exited = waitStatus & 0x7F == 0
    return (exited ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F), String(decoding: output, as: UTF8.self))
}

/// The path of `name` on PATH, if installed.
func which(_ name: String) -> String? {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("HTTPServerTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
