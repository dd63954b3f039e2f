internal import CMagic

/// Detects a file's content type from its bytes with libmagic, as a MIME type (`application/pdf`).
///
/// One instance owns one libmagic handle (`magic_t`), opened with `MAGIC_MIME_TYPE | MAGIC_ERROR` and the system's
/// default database (`/usr/share/misc/magic.mgc` on Debian), and closed when the instance goes away.
///
/// ```swift
/// let sniffer = try ContentSniffer()
/// let type = try sniffer.mimeType(ofFileAt: "Examples/samples/document.pdf")   // "application/pdf"
/// ```
///
/// Thread safety: a libmagic handle keeps per-call state (its result buffer and error) inside the handle, so
/// one handle must never be used by two threads at once. `ContentSniffer` is therefore not `Sendable`: give each
/// worker thread its own instance (cheap after the first: the database is memory-mapped by the library), or
/// share one `SharedContentSniffer`, which serialises calls behind a lock.
///
/// Symbolic links: with a path, libmagic follows a symlink only when `MAGIC_SYMLINK` is set; it is not, so a
/// link is reported as `inode/symlink`. Callers that want the target should resolve the link themselves.
public final class ContentSniffer {
    private let handle: OpaquePointer

    /// Opens libmagic and loads a database.
    ///
    /// - Parameter databasePath: a compiled magic database (`.mgc`) or magic source, colon-separated list
    ///   allowed; `nil` (the default) loads the system default (or `$MAGIC` when set).
    /// - Throws: `ContentSniffingError` with code `.openFailed` or `.databaseLoadFailed`.
    public init(databasePath: String? = nil) throws(ContentSniffingError) {
        guard let handle = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR) else {
            throw ContentSniffingError(code: .openFailed, message: "magic_open failed", systemError: errnoValue())
        }
        if magic_load(handle, databasePath) != 0 {
            let error = ContentSniffingError.from(handle, code: .databaseLoadFailed, subject: databasePath)
            magic_close(handle)
            throw error
        }
        self.handle = handle
    }

    deinit { magic_close(handle) }

    /// The version of the libmagic library in use, e.g. `5.44`.
    public static var libraryVersion: String {
        let number = Int(magic_version())
        let minor = number % 100
        return "\(number / 100).\(minor < 10 ? "0" : "")\(minor)"
    }

    /// The MIME type libmagic detects for the file at `path` (`application/pdf`, `inode/x-empty` for an empty
    /// file, `inode/directory`, `inode/symlink`).
    ///
    /// - Parameter path: a file path; it is passed to the C library as is.
    /// - Throws: `ContentSniffingError` with code `.detectionFailed` when the file cannot be read (missing,
    ///   no permission), with libmagic's message and `errno`; `.invalidArgument` for a path containing NUL.
    public func mimeType(ofFileAt path: String) throws(ContentSniffingError) -> String {
        guard !path.utf8.contains(0) else {
            throw ContentSniffingError(code: .invalidArgument, message: "path contains a NUL byte", systemError: 0)
        }
        guard let result = magic_file(handle, path) else {
            throw ContentSniffingError.from(handle, code: .detectionFailed, subject: path)
        }
        return String(cString: result)
    }

    /// The MIME type libmagic detects for bytes in memory (`application/x-empty` for no bytes).
    ///
    /// - Parameter bytes: the content, or its first few kilobytes (libmagic reads at most about 1 MiB).
    /// - Throws: `ContentSniffingError` with code `.detectionFailed`.
    public func mimeType(of bytes: UnsafeRawBufferPointer) throws(ContentSniffingError) -> String {
        guard let result = magic_buffer(handle, bytes.baseAddress, bytes.count) else {
            throw ContentSniffingError.from(handle, code: .detectionFailed, subject: nil)
        }
        return String(cString: result)
    }

    /// The MIME type libmagic detects for an array of bytes.
    ///
    /// - Throws: `ContentSniffingError` with code `.detectionFailed`.
    public func mimeType(of bytes: [UInt8]) throws(ContentSniffingError) -> String {
        var result: Result<String, ContentSniffingError> = .success("")
        bytes.withUnsafeBytes { buffer in
            do throws(ContentSniffingError) {
                result = .success(try mimeType(of: buffer))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }
}

@available(*, unavailable, message: "a libmagic handle is single-threaded; use one per thread or SharedContentSniffer")
extension ContentSniffer: Sendable {}
