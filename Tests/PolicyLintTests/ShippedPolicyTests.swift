import Foundation
import Testing
import UploadPolicy

@testable import PolicyLint

@Suite("Shipped policies lint clean")
struct ShippedPolicyLintTests {
    static let files = ["archives", "csv", "default", "images", "office-documents", "pdf-only"]

    @Test(arguments: files)
    func noFindings(_ id: String) throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Policies/\(id).json")
        let findings = PolicyLinter(mimeDatabase: Fixtures.mime).lint(data: try Data(contentsOf: url), file: id)
            .findings
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test func theEmbeddedDefaultLintsClean() {
        #expect(Fixtures.lint(Policy.embeddedDefaultJSON).isEmpty)
    }
}
