/// The files `check` was pointed at: files as given, folders walked recursively, symbolic links never followed.
///
/// Everything found that is not checked is listed with a reason: symbolic links, special files, entries whose
/// name is not UTF-8, folders that cannot be read. Nothing is skipped silently.
struct FileWalk {
    /// A regular file to check.
    struct File: Sendable {
        /// The path, starting with the argument it was found under.
        let path: String
        /// The last path component: what a browser would send as the name.
        let name: String
        let size: Int64
    }

    /// Something found and not checked, and why.
    struct Skipped: Sendable {
        let path: String
        let reason: String
    }

    private(set) var files: [File] = []
    private(set) var skipped: [Skipped] = []
    /// Paths that could not be read: missing arguments, folders without permission.
    private(set) var unreadable: [FileProblem] = []

    init(_ paths: [String]) {
        for path in paths { visit(path) }
    }

    private mutating func visit(_ root: String) {
        var pending = [root]  // a stack, so deep trees cannot exhaust the call stack
        while let path = pending.popLast() {
            let kind: FileSystem.Kind
            do {
                kind = try FileSystem.kind(of: path)
            } catch {
                unreadable.append(error)
                continue
            }
            switch kind {
            case .file(let size):
                files.append(File(path: path, name: Self.lastComponent(of: path), size: size))
            case .symbolicLink:
                skipped.append(Skipped(path: path, reason: "symbolic link, not followed"))
            case .other(let what):
                skipped.append(Skipped(path: path, reason: "\(what), not a regular file"))
            case .directory:
                do {
                    let listing = try FileSystem.entries(of: path)
                    if listing.undecodable > 0 {
                        let count = listing.undecodable
                        skipped.append(
                            Skipped(
                                path: path,
                                reason: "\(Display.count(count, "entry", "entries")) whose name is not UTF-8 "
                                    + "(a browser could not send it as is)"))
                    }
                    pending += listing.names.reversed().map { FileSystem.join(path, $0) }
                } catch {
                    unreadable.append(error)
                }
            }
        }
    }

    private static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }
}
