import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A path that could not be used, with the system's reason ("No such file or directory").
struct FileProblem: Error, Sendable, CustomStringConvertible {
    let path: String
    let message: String

    var description: String { "\(path): \(message)" }
}

/// The few file-system operations the commands need, with `errno` turned into readable messages and without
/// the traps of the convenient APIs: files are opened non-blocking (a FIFO named `x.json` cannot hang a run),
/// sizes are capped, and directory entries are read with their raw names and `lstat`, so nothing is followed
/// or skipped without the caller knowing.
enum FileSystem {
    /// What a path is, without following a final symbolic link.
    enum Kind: Equatable {
        case file(size: Int64)
        case directory
        case symbolicLink
        case other(String)
    }

    /// The kind of `path` (`lstat`).
    static func kind(of path: String) throws(FileProblem) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw problem(path) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int64(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .other("a named pipe")
        case S_IFSOCK: return .other("a socket")
        case S_IFCHR, S_IFBLK: return .other("a device")
        default: return .other("not a regular file")
        }
    }

    /// Whether `path` names a directory, following symbolic links (as a path typed by the user should).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Reads a whole regular file of at most `limit` bytes.
    static func read(_ path: String, limit: Int) throws(FileProblem) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw problem(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw problem(path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw FileProblem(path: path, message: "is a directory") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileProblem(path: path, message: "is not a regular file")
        }
        guard info.st_size <= limit else {
            throw FileProblem(
                path: path, message: "is too large (\(info.st_size) bytes; the limit is \(limit) bytes)")
        }
        var data = Data(count: Int(info.st_size))
        var total = 0
        while total < data.count {
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count >= 0 else { throw problem(path) }
            if count == 0 { break }
            total += count
        }
        return data.prefix(total)
    }

    /// Checks that `path` can be opened for reading now, without following a symbolic link (it may have been
    /// replaced by one since it was listed).
    static func checkReadable(_ path: String) throws(FileProblem) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw problem(path) }
        close(descriptor)
    }

    /// The names in a directory, sorted by their bytes; names that are not UTF-8 are returned apart, since
    /// they cannot be passed on as Swift strings.
    static func entries(of directory: String) throws(FileProblem) -> (names: [String], undecodable: Int) {
        guard let handle = opendir(directory) else { throw problem(directory) }
        defer { closedir(handle) }
        var names: [String] = []
        var undecodable = 0
        errno = 0
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(handle) {
            // Read the name in place: the kernel's record may end right after it, before the full d_name array,
            // so copying the struct's 256-byte array can run off the end of a page.
            let pointer = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: UInt8.self)
            let name = String(validating: UnsafeBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
            guard let name else {
                undecodable += 1
                continue
            }
            if name != ".", name != ".." { names.append(name) }
        }
        guard errno == 0 else { throw problem(directory) }
        return (names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, undecodable)
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func problem(_ path: String) -> FileProblem {
        let code = errno
        let message = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return FileProblem(path: path, message: message.prefix(1).lowercased() + message.dropFirst())
    }
}
