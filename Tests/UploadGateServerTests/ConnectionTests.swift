import Foundation
import Testing

/// Slow and half-open clients: they time out, and they never hold up anyone else.
@Suite("Slow and half-open connections")
struct ConnectionTests {
    @Test("A client that sends half a head, half a body, or nothing at all is cut off after the timeout")
    func slowClientsTimeOut() async throws {
        let server = try TestService { $0.http.connectionTimeout = Slowdown.seconds(3) }
        defer { server.stop() }
        let silent = try RawConnection(port: server.port)
        let halfHead = try RawConnection(port: server.port)
        try halfHead.send("POST /validate HTTP/1.1\r\nHost: x\r\nContent-Ty")
        let halfBody = try RawConnection(port: server.port)
        try halfBody.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"name\":"
        )
        let idleKeepAlive = try RawConnection(port: server.port)
        #expect(try idleKeepAlive.exchange(method: "GET", target: "/healthz").status == 200)

        // Meanwhile, other clients are answered, without waiting for the slow ones to be cut off: those are
        // all still open once the 20 answers are in.
        for _ in 0..<20 { #expect(try await server.validate("a.pdf").accept == true) }
        let connections = [silent, halfHead, halfBody, idleKeepAlive]
        let stillOpen = try await offPool { connections.map { !$0.closedByPeer(within: 0.05) } }
        #expect(stillOpen == [true, true, true, true])

        let closed = try await offPool { connections.map { $0.closedByPeer(within: 8 * Slowdown.factor) } }
        #expect(closed == [true, true, true, true])
    }

    @Test("A client that half-closes after a complete request still gets its answer")
    func halfClosedAfterRequest() async throws {
        let server = Shared.embedded
        let connection = try RawConnection(port: server.port)
        try connection.send(
            method: "POST", target: "/validate", headers: [("Content-Type", "application/json")],
            body: Array(#"{"name":"a.pdf"}"#.utf8))
        connection.shutdownWrite()
        #expect(try connection.readResponse().accept == true)
    }

    @Test("A trickling client (one byte every 100 ms) does not hold up others")
    func trickle() async throws {
        let server = try TestService { $0.http.connectionTimeout = Slowdown.seconds(1) }
        defer { server.stop() }
        let request = Array(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"name\":\"a.pdf\"}"
                .utf8)
        let trickling = Flag()  // set when the trickler has sent its 30 bytes (3 s, times the slowdown)
        let trickler = Thread.detached {
            defer { trickling.set() }
            guard let connection = try? RawConnection(port: server.port) else { return }
            for byte in request.prefix(30) {
                if (try? connection.send([byte])) == nil { return }
                Thread.sleep(forTimeInterval: 0.1 * Slowdown.factor)
            }
        }
        for _ in 0..<30 { #expect(try await server.validate("b.pdf").accept == true) }
        #expect(!trickling.isSet, "the other requests waited for the trickling client")
        await trickler.wait()
    }

    @Test("Connections that open and close without a request leave the server answering")
    func abandonedConnections() async throws {
        let server = Shared.embedded
        for _ in 0..<50 {
            let connection = try RawConnection(port: server.port)
            try connection.send("POST /validate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        }
        #expect(try await server.validate("a.pdf").accept == true)
    }
}
