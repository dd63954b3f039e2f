internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Somewhere text goes: standard output, standard error, or a buffer in tests.
public protocol TextOutput: Sendable {
    /// Writes `text` as UTF-8, completely.
    func write(_ text: String)
    /// Whether the destination is a terminal (decides colour and progress bars).
    var isTerminal: Bool { get }
}

/// A file descriptor as a `TextOutput`: writes go straight to `write(2)`, retried until complete.
///
/// Safe to share between threads: it holds only the descriptor, and each `write(_:)` is one loop of system
/// calls (lines written by two threads at once may interleave, but bytes of one call are never lost).
public final class FileDescriptorOutput: TextOutput {
    /// The descriptor written to.
    public let descriptor: Int32
    public let isTerminal: Bool

    /// Wraps a descriptor the caller keeps open for the lifetime of this object.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
    }

    /// Standard output (descriptor 1).
    public static let standardOutput = FileDescriptorOutput(descriptor: 1)
    /// Standard error (descriptor 2).
    public static let standardError = FileDescriptorOutput(descriptor: 2)

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return  // EPIPE and friends: the reader is gone, there is no one left to tell.
                }
                offset += written
            }
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
    #else
        Darwin.write(descriptor, pointer, count)
    #endif
}

/// A `TextOutput` that keeps everything written, for tests.
public final class CapturedOutput: TextOutput {
    private let buffer = Mutex("")
    public let isTerminal: Bool

    /// - Parameter isTerminal: what the output claims to be, so tests can exercise terminal-only behaviour.
    public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

    public func write(_ text: String) { buffer.withLock { $0 += text } }

    /// Everything written so far.
    public var text: String { buffer.withLock { $0 } }
}
