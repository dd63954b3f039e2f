import Foundation
import HTTPServer
import Testing

/// With TLS configured, plain HTTP sent to the port gets no HTTP back: no status line, no body, nothing
/// decided, nothing counted; the handshake fails and the connection is closed.
@Suite(
    "Plain HTTP to the TLS port",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs openssl for a certificate"))
struct PlainTextOnTLSPortTests {
    static let plainRequests = [
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /metrics HTTP/1.0\r\n\r\n",
        "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
            + #"{"name":"a.pdf"}"#,
    ]

    @Test("Each plain request is met with at most a TLS alert record, then the connection closes")
    func nothingServedInPlainText() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("uploadgate-tls-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let made = try await offPool {
            try Self.openssl([
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1",
            ])
        }
        try #require(made == 0)
        let server = try TestService {
            $0.http.tls = HTTPServer.TLS(certificatePath: certificate, privateKeyPath: key)
        }
        defer { server.stop() }

        for request in Self.plainRequests {
            let reply = try await offPool { () -> [UInt8]? in
                let connection = try RawConnection(port: server.port, timeout: 5)
                try connection.send(request)
                do {
                    _ = try connection.readResponse()
                    return nil  // a parsable HTTP response: served in plain text
                } catch RawHTTPError.closed(let partial) {
                    return partial
                }
            }
            let bytes = try #require(reply, "an HTTP response came back for \(request.prefix(20))")
            #expect(bytes.isEmpty || bytes.first == 0x15, "not a TLS alert: \(bytes.prefix(16))")  // 0x15: alert
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("HTTP/") && !text.contains("accept") && !text.contains("status"))
        }
        #expect(server.decisionLines.isEmpty)
        let counted = server.service.metrics.render().split(separator: "\n").filter {
            $0.hasPrefix("uploadgate_http_requests_total{")
        }
        #expect(counted.isEmpty, "plain requests reached the handler: \(counted)")
    }

    private static func openssl(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
