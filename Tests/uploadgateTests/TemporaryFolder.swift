import Foundation

/// A fresh folder under the system's temporary directory, removed (permissions restored first) when done.
struct TemporaryFolder {
    let url: URL

    /// Wraps a folder someone else made (and removes).
    init(existing url: URL) { self.url = url }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("uploadgate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder (creating intermediate folders).
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        if name.contains("/") {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        // Plain open(2)/write(2): Foundation's writers go through a temporary file and a rename, which makes
        // creating ten thousand files take seconds.
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        return file
    }

    /// Deletes the folder; callers that locked parts of it unlock them first.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
