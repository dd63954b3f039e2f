import Foundation
import Testing
import UploadPolicy

@testable import PolicyLint

/// Shared fixtures: the real MIME database, the repository's folders, and a one-call lint.
enum Fixtures {
    static let mime: MIMEDatabase = {
        do { return try MIMEDatabase.load() } catch { fatalError("MIME database: \(error)") }
    }()

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let badPolicies = testsFolder.appendingPathComponent("BadPolicies")

    /// Lints JSON text as the file `policy.json`.
    static func lint(_ json: String) -> [LintFinding] {
        PolicyLinter(mimeDatabase: mime).lint(data: Data(json.utf8), file: "policy.json").findings
    }

    /// Lints a policy with one accept entry using `pattern`, plus optional extra top-level members.
    static func lint(pattern: String, extra: String = "") -> [LintFinding] {
        let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return lint(
            """
            { "id": "t", "accept": [ { "label": "File", "name": "\(escaped)" } ]\(extra.isEmpty ? "" : ", " + extra) }
            """)
    }

    /// The ids of the findings, sorted.
    static func ids(_ findings: [LintFinding]) -> [String] { findings.map(\.id.rawValue).sorted() }

    /// The parsed tree of a pattern, failing the test when the parser gives up.
    static func tree(
        _ pattern: String, caseInsensitive: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ParsedPattern {
        try #require(ParsedPattern(pattern, caseInsensitive: caseInsensitive), sourceLocation: sourceLocation)
    }
}
