import ContentSniffing
import Foundation
import Testing

/// The committed sample files and what libmagic must say about each (Examples/samples/manifest.json).
struct Sample: Decodable, CustomTestStringConvertible, Sendable {
    let file: String
    let contentType: String
    let browserType: String
    let mismatch: Bool

    var testDescription: String { file }

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/samples")

    static let all: [Sample] = {
        struct Manifest: Decodable { let samples: [Sample] }
        let url = folder.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url), let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return manifest.samples
    }()

    var path: String { Sample.folder.appendingPathComponent(file).path }
}

@Suite struct ContentSnifferTests {
    @Test func manifestListsTheSamples() {
        #expect(Sample.all.count >= 12)
        #expect(Sample.all.contains { $0.mismatch })
    }

    @Test(arguments: Sample.all) func detectsEachSampleFromItsFile(_ sample: Sample) throws {
        let sniffer = try ContentSniffer()
        #expect(try sniffer.mimeType(ofFileAt: sample.path) == sample.contentType)
    }

    @Test(arguments: Sample.all.filter { $0.contentType != "inode/x-empty" })
    func detectsEachSampleFromItsBytes(_ sample: Sample) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sample.path)))
        #expect(try ContentSniffer().mimeType(of: bytes) == sample.contentType)
    }

    @Test func emptyBufferIsReportedAsEmpty() throws {
        #expect(try ContentSniffer().mimeType(of: []) == "application/x-empty")
    }

    @Test func missingFileThrowsWithLibmagicMessageAndErrno() throws {
        let sniffer = try ContentSniffer()
        let path = NSTemporaryDirectory() + "uploadgate-no-such-file-\(UUID().uuidString).pdf"
        let error = try #require(throws: ContentSniffingError.self) { try sniffer.mimeType(ofFileAt: path) }
        #expect(error.code == .detectionFailed)
        #expect(error.systemError == ENOENT)
        #expect(error.message.contains(path))
        #expect(error.description.hasSuffix("[magic.detection_failed]"))
        // The handle stays usable after an error.
        #expect(try sniffer.mimeType(of: Array("hello\n".utf8)) == "text/plain")
    }

    @Test func pathWithNulIsRejectedBeforeReachingC() throws {
        let error = try #require(throws: ContentSniffingError.self) {
            try ContentSniffer().mimeType(ofFileAt: "a\u{0}b.pdf")
        }
        #expect(error.code == .invalidArgument)
    }

    @Test func unreadableDatabaseThrows() {
        let error = #expect(throws: ContentSniffingError.self) {
            try ContentSniffer(databasePath: "/nonexistent/uploadgate/magic.mgc")
        }
        #expect(error?.code == .databaseLoadFailed)
        #expect(error?.message.isEmpty == false)
    }

    @Test func directoriesAndSymlinksAreNotFollowed() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ug-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(
            atPath: link.path, withDestinationPath: Sample.folder.path + "/document.pdf")
        let sniffer = try ContentSniffer()
        #expect(try sniffer.mimeType(ofFileAt: folder.path) == "inode/directory")
        #expect(try sniffer.mimeType(ofFileAt: link.path) == "inode/symlink")
    }

    @Test func libraryVersionLooksLikeAVersion() {
        let parts = ContentSniffer.libraryVersion.split(separator: ".")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { Int($0) != nil })
    }

    @Test func sharedSnifferServesManyTasks() async throws {
        let shared = try SharedContentSniffer()
        let samples = Sample.all.filter { $0.contentType != "inode/x-empty" }
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for round in 0..<8 {
                for sample in samples {
                    group.addTask {
                        let type =
                            round.isMultiple(of: 2)
                            ? try shared.mimeType(ofFileAt: sample.path)
                            : try shared.mimeType(of: [UInt8](Data(contentsOf: URL(fileURLWithPath: sample.path))))
                        return type == sample.contentType
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == samples.count * 8)
        #expect(results.allSatisfy { $0 })
    }
}
