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

    /// The value comes from the user's browser and the error is made to be logged: a line break, a bidi
    /// override or a zero-width space in it must not reach the log as such, so no one can forge or hide log text.
    @Test(
        "A hostile value is quoted with its control and format characters escaped",
        arguments: ["x%0A2026-12-04%20INFO%20admin%20signed%20in", "x%E2%80%AEgpj.exe", "x%E2%80%8By", "x%0D%1B%5B2J"])
    func hostileValue(value: String) throws {
        do {
            _ = try RestPkiCoreClient.signatureSessionId(
                fromReturnURL: URL(string: "https://app.test/cb?signatureSessionId=\(value)")!)
            Issue.record("read a session id from \(value)")
        } catch {
            #expect(error.kind == .invalidArgument)
            let forbidden = error.description.unicodeScalars.filter {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            }
            #expect(forbidden.isEmpty, "\(error.description.debugDescription)")
            #expect(error.description.contains("which is not a UUID"))
        }
    }
}
