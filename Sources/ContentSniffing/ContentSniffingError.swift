internal import CMagic

#if canImport(Glibc)
    internal import Glibc
#endif

/// Why libmagic could not answer: which step failed, libmagic's own message, and the `errno` it recorded.
public struct ContentSniffingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step that failed. A struct over strings so that new codes break no caller.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// `magic_open` failed (out of memory).
        public static let openFailed = Code(rawValue: "magic.open_failed")
        /// `magic_load` could not load the database.
        public static let databaseLoadFailed = Code(rawValue: "magic.database_load_failed")
        /// `magic_file` or `magic_buffer` failed: the file could not be read, or the input was unusable.
        public static let detectionFailed = Code(rawValue: "magic.detection_failed")
        /// The argument cannot be passed to libmagic at all (a path with a NUL byte).
        public static let invalidArgument = Code(rawValue: "magic.invalid_argument")
    }

    /// The step that failed.
    public let code: Code
    /// libmagic's message (`magic_error`), or a description of ours when libmagic gave none.
    public let message: String
    /// The `errno` libmagic recorded (`magic_errno`), 0 when none.
    public let systemError: Int32

    public init(code: Code, message: String, systemError: Int32) {
        self.code = code
        self.message = message
        self.systemError = systemError
    }

    /// "cannot open `missing.pdf' (No such file or directory) [magic.detection_failed]".
    public var description: String { "\(message) [\(code)]" }

    /// Reads the error state of a handle after a failed call: the one place that maps libmagic errors to Swift.
    static func from(_ handle: OpaquePointer, code: Code, subject: String?) -> ContentSniffingError {
        let number = magic_errno(handle)
        let message: String
        if let text = magic_error(handle) {
            message = String(cString: text)
        } else if number != 0, let text = strerror(number) {
            message = (subject.map { "\($0): " } ?? "") + String(cString: text)
        } else {
            message = "libmagic failed" + (subject.map { " on '\($0)'" } ?? "")
        }
        return ContentSniffingError(code: code, message: message, systemError: number)
    }
}

/// The calling thread's `errno`.
func errnoValue() -> Int32 {
    #if canImport(Glibc)
        return errno
    #else
        return 0
    #endif
}
