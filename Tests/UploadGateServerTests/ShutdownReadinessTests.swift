import Foundation
import Testing

@testable import UploadGateServer

/// Readiness during a graceful stop: `/readyz` turns 503 as soon as shutdown begins, on connections that are
/// still open, while requests in progress are still answered.
@Suite("Readiness while shutting down")
struct ShutdownReadinessTests {
    @Test("Once shutdown has begun, /readyz is 503 'stopping' and the request in progress is still answered")
    func readyzTurnsUnavailable() async throws {
        let server = try TestService { $0.http.connectionTimeout = .seconds(10) }
        let probe = try RawConnection(port: server.port)
        let ready = try await offPool { try probe.exchange(method: "GET", target: "/readyz") }
        #expect(ready.status == 200 && ready.json?["status"] as? String == "ready")

        // A request in progress keeps the server draining (its body is not complete yet).
        let body = Array(#"{"name":"a.pdf"}"#.utf8)
        let inFlight = try RawConnection(port: server.port)
        try inFlight.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        )
        try inFlight.send(Array(body.prefix(5)))
        try await Task.sleep(for: .milliseconds(100))

        let stopped = JoinableThread.start { server.service.shutdown(gracePeriod: .seconds(5)) }
        var answer: RawResponse?
        for _ in 0..<100 {
            let response = try await offPool { try probe.exchange(method: "GET", target: "/readyz") }
            if response.status != 200 {
                answer = response
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let notReady = try #require(answer, "/readyz stayed 200 during shutdown")
        #expect(notReady.status == 503)
        #expect(notReady.json?["status"] as? String == "stopping")
        #expect(notReady.header("Content-Type") == ready.header("Content-Type"))

        try inFlight.send(Array(body.dropFirst(5)))
        let decided = try await offPool { try inFlight.readResponse() }
        #expect(decided.status == 200 && decided.accept == true)
        #expect(decided.header("Connection")?.lowercased() == "close")
        await stopped.wait()
        server.stop()
    }

    @Test("/healthz stays 200 while /readyz is 503: the process is alive, only draining")
    func healthStaysUp() async throws {
        let server = try TestService()
        defer { server.stop() }
        server.service.readiness.beginStopping()
        #expect(try await server.exchange(method: "GET", "/readyz").status == 503)
        #expect(try await server.exchange(method: "HEAD", "/readyz").status == 503)
        #expect(try await server.exchange(method: "GET", "/healthz").status == 200)
    }
}
