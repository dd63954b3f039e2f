import Foundation
import Testing

@testable import HTTPServer

/// The request timeout: a client that never falls silent long enough for the idle timeout (slowloris, one byte
/// every few hundred milliseconds) is still cut off once it has taken too long over one request.
@Suite("Request timeout")
struct RequestTimeoutTests {
    private static let request = Array("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello".utf8)

    @Test(
        "A client trickling a request is closed after the request timeout, though never idle", arguments: [false, true])
    func trickler(threadPerConnection: Bool) async throws {
        try await withServer(
            configuration: .forTests {
                $0.connectionTimeout = .seconds(3)
                $0.requestTimeout = .seconds(1)
                if threadPerConnection { $0.threading = .threadPerConnection }
            }
        ) { server, port in
            let connection = try RawConnection(port: port)
            let start = ContinuousClock.now
            var closed = false
            // One byte every 200 ms: well inside the 3 s idle timeout, but the request would take 14 s.
            for byte in Self.request {
                let sent = (try? await connection.send([byte])) != nil
                let gone = await connection.isClosedByPeer(within: .milliseconds(200))
                if !sent || gone {
                    closed = true
                    break
                }
            }
            let elapsed = ContinuousClock.now - start
            #expect(closed, "the trickling client was never cut off")
            #expect(elapsed >= .milliseconds(900), "cut off before the request timeout: \(elapsed)")
            #expect(elapsed < .seconds(3), "cut off only by the idle timeout or later: \(elapsed)")
            #expect(server.requestTimeoutCount == 1)
        }
    }

    @Test("The clock restarts with every response: a keep-alive client is never cut off between requests")
    func keepAliveRestartsTheClock() async throws {
        try await withServer(
            configuration: .forTests {
                $0.connectionTimeout = .seconds(5)
                $0.requestTimeout = .seconds(2)
            }
        ) { server, port in
            let connection = try RawConnection(port: port)
            // Five requests 700 ms apart: 3.5 s on one connection, each request well inside the timeout (with
            // 1.3 s to spare for a loaded machine).
            for index in 0..<5 {
                try await connection.send("GET /\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try await connection.readResponse().header("X-Path") == "/\(index)")
                try await Task.sleep(for: .milliseconds(700))
            }
            #expect(server.requestTimeoutCount == 0)
        }
    }

    @Test("A request sent slowly but within the timeout is answered")
    func slowButInTime() async throws {
        try await withServer(configuration: .forTests { $0.requestTimeout = .seconds(3) }) { _, port in
            let connection = try RawConnection(port: port)
            for piece in [Self.request.prefix(20), Self.request.dropFirst(20).prefix(20), Self.request.dropFirst(40)] {
                try await connection.send(Array(piece))
                try await Task.sleep(for: .milliseconds(300))
            }
            #expect(try await connection.readResponse().text == "hello")
        }
    }

    @Test("A handler running past the request timeout still gets its response out")
    func slowHandler() async throws {
        let handler = HTTPClosureHandler { _ in
            usleep(1_800_000)
            return .text("late but here")
        }
        try await withServer(handler: handler, configuration: .forTests { $0.requestTimeout = .seconds(1) }) {
            _, port in
            let connection = try RawConnection(port: port)
            try await connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await connection.readResponse(timeout: .seconds(5)).text == "late but here")
        }
    }

    @Test("Every connection's clock is released, whether it closed, timed out or was open at shutdown")
    func clocksReleased() async throws {
        // 3 s of request timeout: the three clocks must all be seen running before the first can expire, even
        // on a machine slowed by a sanitizer (with 1 s the idle connection's had sometimes expired already).
        let server = HTTPServer(
            configuration: .forTests { $0.requestTimeout = .seconds(3) }, handler: EchoHandler())
        try server.start()
        let port = try #require(server.port)
        let idle = try RawConnection(port: port)
        let answered = try RawConnection(port: port)
        try await answered.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try await answered.readResponse()
        let partial = try RawConnection(port: port)
        try await partial.send("GET / HTTP/1.1\r\nHo")
        for _ in 0..<100 where server.requestClockCount < 3 {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(server.requestClockCount == 3)
        #expect(await partial.isClosedByPeer(within: .seconds(6)))
        await onDedicatedThread { server.shutdown(gracePeriod: .seconds(1)) }
        #expect(server.requestClockCount == 0)
        #expect(await idle.isClosedByPeer(within: .seconds(1)))
    }

    @Test("A request timeout of zero or over a day is refused")
    func validation() {
        for timeout in [Duration.zero, .seconds(86_401)] {
            let server = HTTPServer(configuration: .forTests { $0.requestTimeout = timeout }, handler: EchoHandler())
            #expect(throws: HTTPServerError.self) { try server.start() }
        }
    }
}
