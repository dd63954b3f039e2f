import Foundation
import Testing
import UploadPolicy

@Suite("Shipped policies")
struct ShippedPolicyTests {
    static let ids = ["archives", "csv", "default", "images", "office-documents", "pdf-only"]

    @Test func theFolderLoadsAsOneSet() throws {
        let set = try PolicySet.load(directory: Fixtures.policiesDirectory, mimeDatabase: Fixtures.mime)
        #expect(set.policies.map(\.id).sorted() == Self.ids)
        #expect(set.defaultPolicy.id == "default")
    }

    @Test(arguments: ids)
    func examplesHold(_ id: String) throws {
        let policy = try Fixtures.shipped(id)
        #expect(policy.examples.count >= 8, "each policy carries accepted and rejected examples")
        #expect(policy.examples.contains { $0.expectAccepted } && policy.examples.contains { !$0.expectAccepted })
        for example in policy.examples {
            let decision = policy.evaluate(example.candidate)
            #expect(
                decision.isAccepted == example.expectAccepted,
                "\(example.path) \(example.candidate.name.debugDescription): \(decision)")
            if let code = example.expectCode { #expect(decision.code == code, "\(example.path): \(decision)") }
        }
    }

    @Test func everyAcceptEntryIsIndexedByExtension() throws {
        // The shipped patterns are simple enough for the extension index: no entry is tried for every name.
        for id in Self.ids {
            let policy = try Fixtures.shipped(id)
            let explanation = policy.explain(FileCandidate(name: "x.zzz", contentType: ""))
            #expect(!explanation.steps.contains { $0.stage.hasPrefix("accept[") }, "\(id): \(explanation.steps)")
        }
    }

    @Test func embeddedDefaultIsTheShippedFile() throws {
        let file = Fixtures.repositoryRoot.appendingPathComponent("Policies/default.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(Policy.embeddedDefaultJSON + "\n" == text, "run scripts/embed-default-policy.sh")
        let embedded = try Policy.embeddedDefault(mimeDatabase: Fixtures.mime)
        #expect(embedded.id == "default")
        #expect(embedded.source == "<embedded>")
    }
}
