import Foundation
import Testing

@testable import UploadGateServer

/// Secrets and names stay where they belong: no configured or attempted credential appears in any response,
/// log line, decision line or metric, whatever the route, the auth mode or the failure; the name logging mode
/// holds in every output; and a TLS port serves nothing in plain text.
@Suite("Secrets and privacy")
struct SecretsAndPrivacyTests {
    /// An auth mode, its secrets, and how a client presents one.
    struct Mode: Sendable, CustomStringConvertible {
        let mode: AuthenticationMode
        let secrets: [String]
        /// The header that carries `secret` the right way.
        let present: @Sendable (String) -> (String, String)
        /// The same secret in a header this mode does not read.
        let misplace: @Sendable (String) -> (String, String)

        var description: String { mode.rawValue }

        /// Values a client might send: the secrets, and near misses of them (which are secrets too: a mistyped
        /// password is most of a password).
        var attempts: [String] {
            secrets + secrets.flatMap { [$0 + "x", String($0.dropLast()), $0.uppercased()] }
        }

        /// Text that must appear nowhere: every attempt, and for Basic each password and each base64 form.
        var needles: [String] {
            guard mode == .basic else { return attempts }
            return attempts + attempts.map { basic64($0) }
                + attempts.compactMap { $0.split(separator: ":", maxSplits: 1).last.map(String.init) }
        }
    }

    static func basic64(_ pair: String) -> String { Data(pair.utf8).base64EncodedString() }

    static let modes = [
        Mode(
            mode: .apiKey, secrets: ["key-Q7c1Zr9x-0001", "key-Q7c1Zr9x-0002"], present: { ("X-Api-Key", $0) },
            misplace: { ("Authorization", "Bearer \($0)") }),
        Mode(
            mode: .bearer, secrets: ["tok-W4m8Kp2v-0001", "tok-W4m8Kp2v-0002"],
            present: { ("Authorization", "Bearer \($0)") }, misplace: { ("X-Api-Key", $0) }),
        Mode(
            mode: .basic, secrets: ["usr-a1:pw-Hq5Tn3Jd-0001", "usr-b2:pw-Hq5Tn3Jd-0002"],
            present: { ("Authorization", "Basic \(basic64($0))") }, misplace: { ("X-Api-Key", $0) }),
    ]

    /// Every route, with right and wrong methods, and bodies that pass and fail.
    static let requests: [(method: String, target: String, json: String?, contentType: String?)] = [
        ("POST", "/validate", #"{"name":"a.pdf"}"#, "application/json"),
        ("POST", "/validate/default", #"{"name":"a.exe"}"#, "application/json"),
        ("POST", "/validate/nope", #"{"name":"a.pdf"}"#, "application/json"),
        ("POST", "/validate", #"{"name":"a.pdf"}"#, "text/plain"),
        ("POST", "/validate", #"{"name":"#, "application/json"),
        ("GET", "/policies", nil, nil), ("HEAD", "/policies", nil, nil), ("GET", "/healthz", nil, nil),
        ("GET", "/readyz", nil, nil), ("GET", "/metrics", nil, nil), ("GET", "/nope", nil, nil),
        ("GET", "/validate", nil, nil), ("DELETE", "/policies", nil, nil),
    ]

    @Test(
        "No credential, right or wrong, appears in a response, a log line, a decision line or /metrics",
        arguments: modes)
    func noSecretAnywhere(_ mode: Mode) async throws {
        let server = try TestService(authenticator: try Authenticator(mode: mode.mode, secrets: mode.secrets))
        defer { server.stop() }
        var credentials: [[(String, String)]] = [[]]
        credentials += mode.attempts.map { [mode.present($0)] }
        credentials += mode.secrets.map { [mode.misplace($0)] }
        if mode.mode != .apiKey {  // the spelling in Lacuna's documentation
            credentials += mode.secrets.map { secret in [("Authentication", mode.present(secret).1)] }
        }
        var seen: [String] = []
        var allowed = 0
        for headers in credentials {
            for request in Self.requests {
                let response = try await server.exchange(
                    method: request.method, request.target, headers: headers, json: request.json,
                    contentType: request.contentType)
                seen.append(Self.render(response))
                if request.target == "/policies", request.method == "GET", response.status == 200 { allowed += 1 }
            }
        }
        #expect(allowed == mode.secrets.count * (mode.mode == .apiKey ? 1 : 2), "the right secrets were refused")
        seen += try await failurePaths(server, mode)
        seen.append(server.loggedText)
        seen.append(server.decisionLines.joined(separator: "\n"))
        seen.append(try await server.exchange(method: "GET", "/metrics").text)
        seen.append(server.service.configuration.authenticator.description)
        for needle in mode.needles {
            for text in seen where text.contains(needle) {
                Issue.record("'\(needle)' appeared in: \(text.prefix(300))")
            }
        }
    }

    /// Requests the HTTP layer or libmicrohttpd refuse before the handler runs, each carrying a credential in
    /// the failing part when it can: too large, ambiguously framed, a control character after the secret, a
    /// header block over the limit, an unsupported version, a secret in the target. Returns what came back.
    private func failurePaths(_ server: TestService, _ mode: Mode) async throws -> [String] {
        let (name, value) = mode.present(mode.secrets[0])
        let credential = "\(name): \(value)\r\n"
        let raw = [
            "POST /validate HTTP/1.1\r\nHost: x\r\n\(credential)Content-Length: 999999\r\n\r\n",
            "POST /validate HTTP/1.1\r\nHost: x\r\n\(credential)Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GET /validate/%zz HTTP/1.1\r\nHost: x\r\n\(credential)\r\n",
            "GET /policies HTTP/1.1\r\nHost: x\r\n\(name): \(value)\u{1}\r\n\r\n",
            "GET /policies HTTP/1.1\r\nHost: x\r\n\(credential)X-Pad: \(String(repeating: value, count: 40_000 / value.count))\r\n\r\n",
            "GET /policies HTTP/9.9\r\nHost: x\r\n\(credential)\r\n",
            "GET /healthz?api_key=\(mode.secrets[1]) HTTP/1.1\r\nHost: x\r\n\r\n",
        ]
        var seen: [String] = []
        for request in raw {
            let text = try await offPool { () -> String in
                let connection = try RawConnection(port: server.port, timeout: 2)
                try? connection.send(request)
                return (try? connection.readResponse()).map(Self.render) ?? ""
            }
            seen.append(text)
        }
        return seen
    }

    static func render(_ response: RawResponse) -> String {
        (["\(response.status) \(response.reason)"] + response.headers.map { "\($0.name): \($0.value)" }
            + [response.text]).joined(separator: "\n")
    }

    static let marker = "Privado-Ana-7d1c"

    @Test("The name logging mode holds in every output", arguments: NameLogging.allCases)
    func nameLogging(_ mode: NameLogging) async throws {
        let server = try TestService(policies: try PolicyFolder.standard(), nameLogging: mode)
        defer { server.stop() }
        let decided = [
            ("/validate", "\(Self.marker).pdf"), ("/validate/pdf-only", "\(Self.marker).docx"),
            ("/validate/slow", Fixtures.catastrophicName),
        ]
        var outputs: [String] = []
        for (target, name) in decided {
            let response = try await server.exchange(target, json: TestService.body(name, nil, nil))
            #expect(response.status == 200)
            outputs.append(Self.render(response).replacingOccurrences(of: response.text, with: ""))  // head only
        }
        let refused = [
            ("/validate", #"{"name":"\#(Self.marker).pdf","length":true}"#),
            ("/validate", #"{"name":"\#(Self.marker).pdf","NAME":"x.pdf"}"#),
            ("/validate", #"{"name":"\#(Self.marker).pdf""#),
            ("/validate/nope", #"{"name":"\#(Self.marker).pdf"}"#),
            ("/validate", #"{"name":"\#(Self.marker).pdf","pad":"\#(String(repeating: "x", count: 17_000))"}"#),
        ]
        for (target, json) in refused {
            let response = try await server.exchange(target, json: json)
            #expect(response.status >= 400)
            outputs.append(Self.render(response))
        }
        outputs.append(server.loggedText)
        outputs.append(try await server.exchange(method: "GET", "/metrics").text)
        for text in outputs {
            #expect(!text.contains(Self.marker) && !text.contains(Fixtures.catastrophicName), "\(text.prefix(300))")
        }

        let lines = server.decisionLines
        #expect(lines.count == decided.count)
        let decisions = server.decisions
        switch mode {
        case .full:
            #expect(decisions.map { $0["name"] as? String } == decided.map(\.1))
        case .hash:
            #expect(lines.allSatisfy { !$0.contains(Self.marker) && !$0.contains(Fixtures.catastrophicName) })
            #expect(decisions.allSatisfy { ($0["name_hash"] as? String)?.hasPrefix("hmac-sha256:") == true })
            #expect(decisions.allSatisfy { $0["name"] == nil })
        case .none:
            #expect(lines.allSatisfy { !$0.contains(Self.marker) && !$0.contains(Fixtures.catastrophicName) })
            #expect(decisions.allSatisfy { $0["name"] == nil && $0["name_hash"] == nil })
        }
    }
}
