internal import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#endif

/// Runs libFuzzer from a target's `main.swift`.
public enum FuzzDriver {
    /// The signature of `LLVMFuzzerTestOneInput`: one input, its size; return 0 (non-zero is reserved).
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Hands the process to libFuzzer, which reads its flags from the command line, and exits with its status.
    public static func run(_ testOneInput: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }

    /// The input as a buffer; libFuzzer passes a null pointer for the empty input.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size == 0 ? nil : data, count: size)
    }
}
