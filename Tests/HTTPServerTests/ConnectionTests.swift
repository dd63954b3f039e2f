import Foundation
import Testing

@testable import HTTPServer

@Suite("Connections: timeouts, limits and load")
struct ConnectionTests {
    @Test("A client that sends half a request is disconnected after the timeout", arguments: [false, true])
    func slowClient(threadPerConnection: Bool) async throws {
        try await withServer(
            configuration: .forTests {
                $0.connectionTimeout = .seconds(1)
                if threadPerConnection { $0.threading = .threadPerConnection }
            }
        ) { server, port in
            let connection = try RawConnection(port: port)
            try await connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf")
            let start = ContinuousClock.now
            #expect(await connection.isClosedByPeer(within: .seconds(5)))
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(700), "closed too early: \(elapsed)")
            #expect(elapsed < .seconds(4), "closed too late: \(elapsed)")
        }
    }

    @Test("A handler running longer than the idle timeout still gets its response out", arguments: [false, true])
    func slowHandler(threadPerConnection: Bool) async throws {
        let handler = HTTPClosureHandler { _ in
            usleep(2_200_000)
            return .text("late but here")
        }
        try await withServer(
            handler: handler,
            configuration: .forTests {
                $0.connectionTimeout = .seconds(1)
                if threadPerConnection { $0.threading = .threadPerConnection }
            }
        ) { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await connection.readResponse(timeout: .seconds(5)).text == "late but here")
        }
    }

    @Test("The per-IP connection limit turns away connections over it")
    func perIPLimit() async throws {
        try await withServer(configuration: .forTests { $0.perIPConnectionLimit = 3 }) { server, port in
            var open: [RawConnection] = []
            for index in 0..<3 {
                let connection = try RawConnection(port: port)
                try await connection.send("GET /\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try await connection.readResponse().status == 200)
                open.append(connection)
            }
            let refused = try RawConnection(port: port)  // the kernel accepts; libmicrohttpd closes at once
            try? await refused.send("GET /over HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await refused.isClosedByPeer(within: .seconds(2)))
            #expect(server.openConnectionCount == 3)
            open.removeFirst()  // closes it; a new connection fits again
            try await Task.sleep(for: .milliseconds(200))
            let again = try RawConnection(port: port)
            try await again.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await again.readResponse().header("X-Path") == "/again")
        }
    }

    @Test("At the total connection limit new connections wait unaccepted until a slot frees")
    func totalLimit() async throws {
        try await withServer(
            configuration: .forTests {
                $0.connectionLimit = 2
                $0.perIPConnectionLimit = 2
                $0.threading = .pool(threads: 1)
            }
        ) { server, port in
            var open = [try RawConnection(port: port), try RawConnection(port: port)]
            for connection in open {
                try await connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try await connection.readResponse().status == 200)
            }
            let waiting = try RawConnection(port: port)  // completes in the kernel's backlog only
            try await waiting.send("GET /waiting HTTP/1.1\r\nHost: x\r\n\r\n")
            await #expect(throws: RawConnection.Failure.self) {
                try await waiting.readResponse(timeout: .milliseconds(500))
            }
            #expect(server.openConnectionCount == 2)
            open.removeFirst()
            #expect(try await waiting.readResponse(timeout: .seconds(3)).header("X-Path") == "/waiting")
        }
    }

    @Test("32 concurrent keep-alive clients × 50 requests are all answered correctly")
    func concurrentClients() async throws {
        let clients = 32
        let requests = 50
        try await withServer(configuration: .forTests { $0.perIPConnectionLimit = 64 }) { server, port in
            let failures = Failures()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<clients {
                    group.addTask {
                        let connection = try RawConnection(port: port)
                        for index in 0..<requests {
                            let body = "client \(client) request \(index)"
                            let head = "POST /c/\(client)/\(index) HTTP/1.1\r\nHost: x\r\n"
                            try await connection.send(head + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
                            let response = try await connection.readResponse()
                            if response.status != 200 || response.text != body
                                || response.header("X-Path") != "/c/\(client)/\(index)"
                            {
                                failures.add("client \(client) #\(index): \(response.status) \(response.text)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(server.openConnectionCount <= clients)
            #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
        }
    }

    @Test("500 idle connections neither stop service nor outlive the timeout")
    func manyIdleConnections() async throws {
        raiseFileLimit(to: 4096)
        try await withServer(
            configuration: .forTests {
                $0.connectionTimeout = Slowdown.seconds(2)
                $0.perIPConnectionLimit = 1024
            }
        ) { server, port in
            var idle: [RawConnection] = []
            for _ in 0..<500 {
                idle.append(try RawConnection(port: port))
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(server.openConnectionCount >= 490)
            let active = try RawConnection(port: port)
            try await active.send("GET /busy HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await active.readResponse().header("X-Path") == "/busy")
            // All idle ones are closed by the server after the timeout.
            let deadline = ContinuousClock.now + Slowdown.seconds(5)
            while server.openConnectionCount > 0 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(server.openConnectionCount == 0)
            for connection in idle {
                #expect(await connection.isClosedByPeer(within: .milliseconds(200)))
            }
        }
    }

    @Test("Connections dropped mid-request leave nothing behind once the idle timeout has passed")
    func halfOpenConnections() async throws {
        // libmicrohttpd 0.9.75 in epoll mode does not always notice a peer's FIN that arrives together with an
        // incomplete request; such connections sit in CLOSE_WAIT until the idle timeout closes them.
        try await withServer(configuration: .forTests { $0.connectionTimeout = .seconds(1) }) { server, port in
            for index in 0..<200 {
                let connection = try RawConnection(port: port)
                switch index % 4 {
                case 0: try await connection.send("GET / HTTP/1.1\r\nHost")
                case 1: try await connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
                case 2:
                    try await connection.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")
                default: shutdown(connection.descriptor, Int32(SHUT_WR))  // half-close without a request
                }
            }
            let deadline = ContinuousClock.now + .seconds(4)
            while (server.openConnectionCount > 0 || server.liveRequestCount > 0) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(server.openConnectionCount == 0)
            #expect(server.liveRequestCount == 0)
        }
    }
}

/// Collects failure descriptions from client threads.
final class Failures: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) {
        lock.withLock { items.append(item) }
    }

    var all: [String] { lock.withLock { items } }
}

/// Raises the soft open-file limit so a test can hold hundreds of sockets on both ends.
func raiseFileLimit(to wanted: rlim_t) {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_cur < wanted {
        limit.rlim_cur = min(wanted, limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
