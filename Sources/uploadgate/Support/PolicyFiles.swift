import Foundation
import UploadPolicy

/// The policy files named by `lint` and `test` arguments: files as given, and the `*.json` files of folders.
///
/// Folders are read the way `serve --policies` reads them: their `*.json` files, not recursively, hidden files
/// left out. Sub-folders are not searched, and each is named in a note so that nothing is skipped silently.
/// Paths that do not exist or cannot be listed are problems (the commands exit 2).
struct PolicyFiles {
    /// Policy files to read, in argument order, each folder's in name order.
    private(set) var files: [String] = []
    /// Paths that could not be used.
    private(set) var problems: [FileProblem] = []
    /// Things left out on purpose, said once each: "Policies/old is a folder; …".
    private(set) var notes: [String] = []

    init(_ paths: [String]) {
        for path in paths {
            if FileSystem.isDirectory(path) {
                addFolder(path)
            } else {
                do {
                    _ = try FileSystem.kind(of: path)
                    files.append(path)
                } catch {
                    problems.append(error)
                }
            }
        }
    }

    private mutating func addFolder(_ folder: String) {
        let listing: (names: [String], undecodable: Int)
        do {
            listing = try FileSystem.entries(of: folder)
        } catch {
            problems.append(error)
            return
        }
        var found = 0
        var skippedFolders: [String] = []
        for name in listing.names where !name.hasPrefix(".") {
            let path = FileSystem.join(folder, name)
            if FileSystem.isDirectory(path) {
                skippedFolders.append(name)
            } else if name.hasSuffix(".json") {
                files.append(path)
                found += 1
            }
        }
        if !skippedFolders.isEmpty {
            let list = skippedFolders.prefix(3).joined(separator: ", ") + (skippedFolders.count > 3 ? ", …" : "")
            let count = skippedFolders.count
            notes.append(
                "\(folder): \(count) sub-folder\(count == 1 ? "" : "s") not searched (\(list)); "
                    + "name \(count == 1 ? "it" : "them") to include \(count == 1 ? "it" : "them")")
        }
        if listing.undecodable > 0 {
            notes.append(
                "\(folder): \(listing.undecodable) entr\(listing.undecodable == 1 ? "y" : "ies") with a "
                    + "name that is not UTF-8 skipped")
        }
        if found == 0 {
            problems.append(FileProblem(path: folder, message: "contains no *.json policy files"))
        }
    }

    /// Reads one of the files.
    func read(_ file: String) throws(FileProblem) -> Data {
        try FileSystem.read(file, limit: PolicyLoader.maxFileSize)
    }
}
