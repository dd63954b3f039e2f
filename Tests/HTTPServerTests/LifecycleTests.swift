import Foundation
import Synchronization
import Testing

@testable import HTTPServer

@Suite("Lifecycle: start, errors and shutdown")
struct LifecycleTests {
    @Test("Port 0 binds an ephemeral port that is readable after start and cleared by shutdown")
    func ephemeralPort() throws {
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: EchoHandler())
        #expect(server.port == nil)
        try server.start()
        let port = try #require(server.port)
        #expect(port > 0 && port != 8080)
        #expect(server.isRunning)
        server.shutdown()
        #expect(server.port == nil)
        #expect(!server.isRunning)
        server.shutdown()  // a second call does nothing
    }

    @Test("start() on a port already in use fails with a clear addressInUse error")
    func portInUse() throws {
        let first = HTTPServer(configuration: .init(port: 0), handler: EchoHandler())
        try first.start()
        defer { first.shutdown() }
        let port = try #require(first.port)
        let second = HTTPServer(configuration: .init(host: "127.0.0.1", port: port), handler: EchoHandler())
        let error = try #require(throws: HTTPServerError.self) { try second.start() }
        #expect(error.code == .addressInUse)
        #expect(
            error.message == "Cannot listen on 127.0.0.1:\(port): the address is already in use by another socket "
                + "(Address already in use).")
        #expect("\(error)".hasSuffix("[server.address_in_use]"))
        #expect(!second.isRunning)
    }

    @Test("start() twice fails with alreadyRunning; after shutdown the server starts again")
    func restart() async throws {
        let server = HTTPServer(configuration: .init(port: 0), handler: EchoHandler())
        try server.start()
        #expect(
            throws: HTTPServerError(
                code: .alreadyRunning, message: "The server is already running (or still shutting down).")
        ) {
            try server.start()
        }
        server.shutdown()
        try server.start()
        defer { server.shutdown() }
        let connection = try RawConnection(port: try #require(server.port))
        try await connection.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try await connection.readResponse().header("X-Path") == "/again")
    }

    /// One out-of-range setting and the name its error message must mention.
    struct BadSetting: Sendable, CustomTestStringConvertible {
        let name: String
        let change: @Sendable (inout HTTPServer.Configuration) -> Void
        var testDescription: String { name }

        static let all = [
            BadSetting(name: "port") { $0.port = 70000 },
            BadSetting(name: "thread pool size") { $0.threading = .pool(threads: 0) },
            BadSetting(name: "connectionTimeout") { $0.connectionTimeout = .zero },
            BadSetting(name: "connectionLimit") { $0.connectionLimit = 0 },
            BadSetting(name: "perIPConnectionLimit") { $0.perIPConnectionLimit = 0 },
            BadSetting(name: "perIPConnectionLimit") { $0.perIPConnectionLimit = $0.connectionLimit + 1 },
            BadSetting(name: "connectionMemoryLimit") { $0.connectionMemoryLimit = 100 },
            BadSetting(name: "listenBacklog") { $0.listenBacklog = 0 },
            BadSetting(name: "maxBodySize") { $0.maxBodySize = -1 },
        ]
    }

    @Test("Out-of-range configuration values fail start() and name the value", arguments: BadSetting.all)
    func invalidConfiguration(setting: BadSetting) {
        var configuration = HTTPServer.Configuration(port: 0)
        setting.change(&configuration)
        let error = #expect(throws: HTTPServerError.self) {
            try HTTPServer(configuration: configuration, handler: EchoHandler()).start()
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains(setting.name) == true, "\(String(describing: error))")
    }

    @Test("An unresolvable host fails start() with addressUnresolvable")
    func unresolvableHost() {
        let server = HTTPServer(configuration: .init(host: "no-such-host.invalid", port: 0), handler: EchoHandler())
        let error = #expect(throws: HTTPServerError.self) { try server.start() }
        #expect(error?.code == .addressUnresolvable)
        #expect(error?.message.contains("no-such-host.invalid") == true)
    }

    @Test("IPv6 loopback works when the machine has it", .enabled(if: hasIPv6Loopback()))
    func ipv6() async throws {
        let server = HTTPServer(configuration: .init(host: "::1", port: 0), handler: EchoHandler())
        try server.start()
        defer { server.shutdown() }
        let port = try #require(server.port)
        let connection = try RawConnection(port: port, host: "::1")
        try await connection.send("GET /six HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try await connection.readResponse()
        #expect(response.header("X-Path") == "/six")
        #expect(response.header("X-Remote") == "::1")
    }

    @Test("Shutdown lets in-flight requests finish, closes their connections, and refuses new ones")
    func shutdownDrains() async throws {
        let entered = Atomic<Int>(0)
        let released = Atomic<Bool>(false)
        let handler = HTTPClosureHandler { request in
            entered.add(1, ordering: .relaxed)
            let deadline = ContinuousClock.now + .seconds(5)
            while !released.load(ordering: .relaxed) && ContinuousClock.now < deadline {
                usleep(1_000)
            }
            return .text("finished \(request.path)")
        }
        var configuration = HTTPServer.Configuration(port: 0)
        configuration.threading = .threadPerConnection
        let server = HTTPServer(configuration: configuration, handler: handler)
        try server.start()
        let port = try #require(server.port)
        var connections: [RawConnection] = []
        for index in 0..<5 {
            let connection = try RawConnection(port: port)
            try await connection.send("GET /\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
            connections.append(connection)
        }
        while entered.load(ordering: .relaxed) < 5 {
            try await Task.sleep(for: .milliseconds(5))
        }
        // Shut down while all five handlers are held; release them a little later.
        let stopping = Atomic<Bool>(false)
        async let took: Duration = onDedicatedThread {
            let start = ContinuousClock.now
            stopping.store(true, ordering: .relaxed)
            server.shutdown(gracePeriod: .seconds(5))
            return ContinuousClock.now - start
        }
        while !stopping.load(ordering: .relaxed) {
            try await Task.sleep(for: .milliseconds(5))
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.isRunning)  // still draining
        released.store(true, ordering: .relaxed)
        let duration = await took
        #expect(duration >= .milliseconds(250) && duration < .seconds(4), "shutdown took \(duration)")
        #expect(!server.isRunning)
        for (index, connection) in connections.enumerated() {
            let response = try await connection.readResponse()
            #expect(response.text == "finished /\(index)")
            #expect(response.header("Connection")?.lowercased() == "close")
            #expect(await connection.isClosedByPeer(within: .seconds(1)))
        }
        await #expect(throws: RawConnection.Failure.self) {
            let late = try RawConnection(port: port)
            try await late.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try await late.readResponse(timeout: .seconds(1))
        }
        #expect(server.liveRequestCount == 0)
    }

    @Test("Shutdown does not wait past the grace period for a client that never finishes its request")
    func shutdownGrace() async throws {
        let server = HTTPServer(configuration: .init(port: 0), handler: EchoHandler())
        try server.start()
        let connection = try RawConnection(port: try #require(server.port))
        try await connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nnever finished")
        try await Task.sleep(for: .milliseconds(100))
        let took = await onDedicatedThread {
            let start = ContinuousClock.now
            server.shutdown(gracePeriod: .milliseconds(300))
            return ContinuousClock.now - start
        }
        #expect(took >= .milliseconds(250) && took < .seconds(2), "shutdown took \(took)")
        #expect(await connection.isClosedByPeer(within: .seconds(1)))
        #expect(server.liveRequestCount == 0)
    }

    @Test("A handler may shut down its own server; its response is still sent", arguments: [false, true])
    func shutdownFromHandler(threadPerConnection: Bool) async throws {
        final class Box: Sendable {
            let server = Mutex<HTTPServer?>(nil)
        }
        let box = Box()
        let handler = HTTPClosureHandler { _ in
            box.server.withLock { $0 }?.shutdown()
            return .text("bye")
        }
        var configuration = HTTPServer.Configuration(port: 0)
        if threadPerConnection {
            configuration.threading = .threadPerConnection
        }
        let server = HTTPServer(configuration: configuration, handler: handler)
        box.server.withLock { $0 = server }
        try server.start()
        let connection = try RawConnection(port: try #require(server.port))
        try await connection.send("GET /stop HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try await connection.readResponse()
        #expect(response.text == "bye")
        #expect(response.header("Connection")?.lowercased() == "close")
        let deadline = ContinuousClock.now + .seconds(5)
        while server.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!server.isRunning)
        box.server.withLock { $0 = nil }
    }

    @Test("A handler that drops the last reference to its server stops it without deadlocking")
    func lastReferenceDroppedByHandler() async throws {
        final class Box: Sendable {
            let server = Mutex<HTTPServer?>(nil)
        }
        let box = Box()
        let handler = HTTPClosureHandler { _ in
            box.server.withLock { $0 = nil }  // deinit runs on this request thread
            return .text("dropped")
        }
        let port: Int = try {
            let server = HTTPServer(configuration: .forTests(), handler: handler)
            try server.start()
            box.server.withLock { $0 = server }
            return try #require(server.port)
        }()
        let connection = try RawConnection(port: port)
        try await connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try await connection.readResponse().text == "dropped")
        #expect(await connection.isClosedByPeer(within: .seconds(3)))
        var refused = false
        for _ in 0..<100 where !refused {
            refused = (try? RawConnection(port: port)) == nil
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(refused, "the listening socket should be closed")
    }

    @Test("Messages from libmicrohttpd and the server reach the configured log")
    func log() async throws {
        let lines = LogLines()
        try await withServer(
            configuration: .forTests {
                $0.log = lines.append
                $0.perIPConnectionLimit = 1
            }
        ) { _, port in
            let first = try RawConnection(port: port)
            try await first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try await first.readResponse()
            let second = try RawConnection(port: port)
            #expect(await second.isClosedByPeer(within: .seconds(2)))
        }
        #expect(lines.all.contains { $0.hasPrefix("libmicrohttpd: ") }, "\(lines.all)")
    }
}

/// Whether `::1` can be bound here (containers sometimes lack IPv6).
func hasIPv6Loopback() -> Bool {
    let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in6()
    address.sin6_family = sa_family_t(AF_INET6)
    address.sin6_addr = in6addr_loopback
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0
        }
    }
}
