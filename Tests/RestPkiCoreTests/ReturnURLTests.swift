import Foundation
import Testing

@testable import RestPkiCore

@Suite("Reading the session id from a return URL")
struct ReturnURLTests {
    static let id = UUID(uuidString: Samples.sessionId)!

    @Test(
        "Found",
        arguments: [
            "https://app.test/SessionCallback?signatureSessionId=\(Samples.sessionId)",
            "https://app.test/cb?order=7&signatureSessionId=\(Samples.sessionId)",
            "https://app.test/cb?signatureSessionId=\(Samples.sessionId)&order=7#top",
            "https://app.test/cb?signatureSessionId=\(Samples.sessionId.uppercased())",
            "https://app.test/cb?signatureSessionId=\(Samples.sessionId.replacingOccurrences(of: "-", with: "%2D"))",
            "https://app.test/cb?signatureSessionId=\(Samples.sessionId)"
                + "&signatureSessionId=\(Samples.sessionId.uppercased())",
            "https://app.test/cb?a&b=&signatureSessionId=\(Samples.sessionId)",
            "/cb?signatureSessionId=\(Samples.sessionId)",
        ])
    func found(url: String) throws {
        #expect(try RestPkiCoreClient.signatureSessionId(fromReturnURL: URL(string: url)!) == Self.id)
    }

    @Test(
        "Absent",
        arguments: [
            "https://app.test/cb",
            "https://app.test/cb?order=7",
            "https://app.test/cb?signaturesessionid=\(Samples.sessionId)",
            "https://app.test/cb?SignatureSessionId=\(Samples.sessionId)",
            "https://app.test/cb#signatureSessionId=\(Samples.sessionId)",
            "https://app.test/signatureSessionId/\(Samples.sessionId)",
        ])
    func absent(url: String) throws {
        #expect(try RestPkiCoreClient.signatureSessionId(fromReturnURL: URL(string: url)!) == nil)
    }

    @Test(
        "Invalid",
        arguments: [
            ("https://app.test/cb?signatureSessionId=", "is empty"),
            ("https://app.test/cb?signatureSessionId", "is empty"),
            ("https://app.test/cb?signatureSessionId=42", "\"42\", which is not a UUID"),
            ("https://app.test/cb?signatureSessionId={\(Samples.sessionId)}", "which is not a UUID"),
            ("https://app.test/cb?signatureSessionId=\(Samples.sessionId)x", "which is not a UUID"),
            (
                "https://app.test/cb?signatureSessionId=\(Samples.sessionId)&signatureSessionId=\(UUID().uuidString)",
                "2 different values"
            ),
        ])
    func invalid(url: String, message: String) throws {
        do {
            let id = try RestPkiCoreClient.signatureSessionId(fromReturnURL: URL(string: url)!)
            Issue.record("read \(String(describing: id))")
        } catch {
            #expect(error.kind == .invalidArgument)
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.contains("signatureSessionId"))
        }
    }
}
