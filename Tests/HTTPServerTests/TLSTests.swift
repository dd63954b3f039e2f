import Foundation
import Testing

@testable import HTTPServer

/// TLS through libmicrohttpd's GnuTLS support, with a throwaway self-signed certificate made by `openssl` at test
/// time (the tests are skipped where `openssl` is not installed).
@Suite("TLS", .enabled(if: which("openssl") != nil, "needs openssl to make a throwaway certificate"))
struct TLSTests {
    /// Makes a self-signed P-256 certificate for 127.0.0.1 and its key in `directory`.
    private func makeCertificate(in directory: URL, name: String = "server") throws -> HTTPServer.TLS {
        let certificate = directory.appendingPathComponent("\(name).crt").path
        let key = directory.appendingPathComponent("\(name).key").path
        let result = try run(
            which("openssl")!,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1",
            ])
        try #require(result.status == 0)
        return HTTPServer.TLS(certificatePath: certificate, privateKeyPath: key)
    }

    @Test("A request over TLS round-trips, with the certificate verified by the client")
    func roundTrip() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tls = try makeCertificate(in: directory)
        try await withServer(configuration: .forTests { $0.tls = tls }) { _, port in
            let result = try run(
                which("openssl")!,
                [
                    "s_client", "-connect", "127.0.0.1:\(port)", "-CAfile", tls.certificatePath, "-verify_ip",
                    "127.0.0.1",
                    "-verify_return_error", "-quiet",
                ], input: "POST /secure HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("HTTP/1.1 200 OK"))
            #expect(result.output.contains("X-Path: /secure"))
            #expect(result.output.hasSuffix("\r\n\r\nhello"))
        }
    }

    @Test("Plain HTTP sent to the TLS port is dropped without harm")
    func plainToTLS() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tls = try makeCertificate(in: directory)
        try await withServer(configuration: .forTests { $0.tls = tls }) { _, port in
            let connection = try RawConnection(port: port)
            try? await connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = text(await connection.readToEnd(timeout: .seconds(3)))
            #expect(!reply.contains("200 OK"))
        }
    }

    @Test("A missing certificate file fails start() with tlsFileUnreadable, naming the file")
    func missingFile() throws {
        var configuration = HTTPServer.Configuration(port: 0)
        configuration.tls = HTTPServer.TLS(certificatePath: "/nonexistent/server.crt", privateKeyPath: "/nonexistent/k")
        let server = HTTPServer(configuration: configuration, handler: EchoHandler())
        let error = #expect(throws: HTTPServerError.self) { try server.start() }
        #expect(error?.code == .tlsFileUnreadable)
        #expect(error?.message.contains("/nonexistent/server.crt") == true)
        #expect(error?.message.contains("No such file") == true)
        #expect(!server.isRunning)
    }

    @Test("A file with no PEM block, a corrupt PEM block and a key that does not match are all tlsRejected")
    func rejectedMaterial() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try makeCertificate(in: directory)
        let other = try makeCertificate(in: directory, name: "other")
        let notPEM = directory.appendingPathComponent("not.pem").path
        try Data("just text".utf8).write(to: URL(fileURLWithPath: notPEM))
        let corrupt = directory.appendingPathComponent("corrupt.pem").path
        try Data("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n".utf8)
            .write(to: URL(fileURLWithPath: corrupt))
        let cases = [
            HTTPServer.TLS(certificatePath: notPEM, privateKeyPath: good.privateKeyPath),
            HTTPServer.TLS(certificatePath: corrupt, privateKeyPath: good.privateKeyPath),
            HTTPServer.TLS(certificatePath: good.certificatePath, privateKeyPath: other.privateKeyPath),
            HTTPServer.TLS(
                certificatePath: good.certificatePath, privateKeyPath: good.privateKeyPath, priorities: "NONSENSE"),
        ]
        for tls in cases {
            var configuration = HTTPServer.Configuration(port: 0)
            configuration.tls = tls
            let server = HTTPServer(configuration: configuration, handler: EchoHandler())
            let error = #expect(throws: HTTPServerError.self) { try server.start() }
            #expect(error?.code == .tlsRejected, "\(tls): \(String(describing: error))")
            #expect(error?.message.isEmpty == false)
        }
    }
}
