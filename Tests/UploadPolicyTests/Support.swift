import Foundation
import Testing
import UploadPolicy

/// Shared fixtures: the real MIME database and the repository's files.
enum Fixtures {
    /// The system's shared-mime-info database, loaded once for the whole test run.
    static let mime: MIMEDatabase = {
        do { return try MIMEDatabase.load() } catch { fatalError("MIME database: \(error)") }
    }()

    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var policiesDirectory: String { repositoryRoot.appendingPathComponent("Policies").path }

    /// The shipped policy with this id.
    static func shipped(_ id: String) throws -> Policy {
        let set = try PolicySet.load(directory: policiesDirectory, mimeDatabase: mime)
        return try #require(set[id], "no shipped policy \(id)")
    }

    /// Compiles a policy from JSON text, failing the test with every load error.
    static func policy(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Policy {
        var loader = PolicyLoader(mimeDatabase: mime)
        let policy = loader.load(data: Data(json.utf8), source: "<test>")
        #expect(loader.errors.isEmpty, "\(loader.errors)", sourceLocation: sourceLocation)
        return try #require(policy, sourceLocation: sourceLocation)
    }

    /// The load errors for a policy text that must not load.
    static func loadErrors(_ json: String) -> [PolicyLoadError] {
        var loader = PolicyLoader(mimeDatabase: mime)
        let policy = loader.load(data: Data(json.utf8), source: "bad.json")
        #expect(policy == nil)
        return loader.errors
    }

    /// A minimal policy accepting PDFs, with extra top-level JSON members spliced in.
    static func pdfPolicy(_ extra: String = "") throws -> Policy {
        try policy(
            """
            { "id": "t", "accept": [ { "label": "PDF document", "name": "\\\\.pdf$", "types": ["application/pdf"] } ]
              \(extra.isEmpty ? "" : ", " + extra) }
            """)
    }
}

extension Policy {
    func decide(_ name: String, _ type: String? = nil, length: Int64? = nil) -> Decision {
        evaluate(FileCandidate(name: name, contentType: type, length: length))
    }
}
