#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The process's view of where its output goes: the two streams, the environment, and the terminal width.
///
/// Made once by `Terminal.current()` in `main`; tests build one from `CapturedOutput`s and a fixed environment.
public struct Terminal: Sendable {
    /// Standard output.
    public var standardOutput: any TextOutput
    /// Standard error.
    public var standardError: any TextOutput
    /// The environment variables that matter here (`COLUMNS`, `NO_COLOR`, `TERM`); the whole environment is fine.
    public var environment: [String: String]
    /// The width of the terminal window when standard output is one, as reported by the kernel.
    public var windowWidth: Int?

    public init(
        standardOutput: any TextOutput, standardError: any TextOutput, environment: [String: String],
        windowWidth: Int? = nil
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.windowWidth = windowWidth
    }

    /// The real process streams and environment.
    public static func current() -> Terminal {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        let output = FileDescriptorOutput.standardOutput
        return Terminal(
            standardOutput: output, standardError: FileDescriptorOutput.standardError, environment: environment,
            windowWidth: output.isTerminal ? Self.kernelWidth(of: output.descriptor) : nil)
    }

    /// The width to lay text out in: `COLUMNS` when it is a positive number, else the window width, else 80.
    public var width: Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return windowWidth ?? 80
    }

    /// The style for standard output.
    public func outputStyle(noColorFlag: Bool) -> OutputStyle {
        .decide(isTerminal: standardOutput.isTerminal, environment: environment, noColorFlag: noColorFlag)
    }

    /// The style for standard error.
    public func errorStyle(noColorFlag: Bool) -> OutputStyle {
        .decide(isTerminal: standardError.isTerminal, environment: environment, noColorFlag: noColorFlag)
    }

    private static func kernelWidth(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
