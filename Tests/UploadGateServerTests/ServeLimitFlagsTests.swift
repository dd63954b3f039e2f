import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The connection flags of `uploadgate serve` (--connection-timeout, --request-timeout, --max-connections,
/// --per-ip-limit) reach the server: each is shown on the startup line and does its job.
@Suite(
    "uploadgate serve: connection limits and timeouts", .serialized,
    .enabled(if: ServeProcess.binary != nil, "needs the built uploadgate binary"))
struct ServeLimitFlagsTests {
    private static let health = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"

    @Test("--per-ip-limit closes connections over it at once; --request-timeout cuts off a trickling client")
    func perIPAndRequestTimeout() async throws {
        let serve = try ServeProcess([
            "--listen", "127.0.0.1:0", "--threads", "1", "--max-connections", "8", "--per-ip-limit", "2",
            "--connection-timeout", "6", "--request-timeout", "1",
        ])
        try await serve.waitUntilListening()
        #expect(
            serve.stderr.contains(
                #"limits="max_connections=8 per_ip=2 connection_timeout=6s request_timeout=1s max_body=16384""#))
        let port = serve.port
        let outcome = try await offPool { () -> (over: Bool, trickler: Double?, again: Int) in
            var open = [try RawConnection(port: port), try RawConnection(port: port)]
            for connection in open { _ = try connection.exchange(method: "GET", target: "/healthz") }
            let over = try RawConnection(port: port)
            let overClosed = over.closedByPeer(within: 2)
            open.removeAll()
            usleep(200_000)
            // A client that sends a byte every 300 ms is never idle for 6 s, but takes too long over its request.
            let trickler = try RawConnection(port: port)
            let start = Date()
            var cutAfter: Double?
            for byte in Array(Self.health.utf8) {
                if (try? trickler.send([byte])) == nil || trickler.closedByPeer(within: 0.3) {
                    cutAfter = Date().timeIntervalSince(start)
                    break
                }
            }
            let again = try RawConnection(port: port).exchange(method: "GET", target: "/healthz").status
            return (overClosed, cutAfter, again)
        }
        #expect(outcome.over, "a third connection from one address was not closed")
        let cutAfter = try #require(outcome.trickler, "the trickling client was never cut off")
        #expect(cutAfter >= 0.8 && cutAfter < 4, "cut off after \(cutAfter) s")
        #expect(outcome.again == 200)
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit() == 0)
    }

    @Test("--max-connections: at the limit a new connection waits unanswered until a slot frees")
    func maxConnections() async throws {
        let serve = try ServeProcess([
            "--listen", "127.0.0.1:0", "--threads", "1", "--max-connections", "2", "--per-ip-limit", "2",
        ])
        try await serve.waitUntilListening()
        let port = serve.port
        let outcome = try await offPool { () -> (waited: Bool, answered: Int?) in
            var open = [try RawConnection(port: port), try RawConnection(port: port)]
            for connection in open { _ = try connection.exchange(method: "GET", target: "/healthz") }
            let waiting = try RawConnection(port: port, timeout: 0.5)
            try waiting.send(Self.health)
            let waited = (try? waiting.readResponse()) == nil
            open.removeFirst()
            waiting.setTimeout(5)
            return (waited, try? waiting.readResponse().status)
        }
        #expect(outcome.waited, "a connection over the limit was answered at once")
        #expect(outcome.answered == 200)
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit() == 0)
    }
}
