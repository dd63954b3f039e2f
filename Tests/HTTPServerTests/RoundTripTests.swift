import Foundation
import Testing

@testable import HTTPServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Round trips")
struct RoundTripTests {
    private func session() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        return URLSession(configuration: configuration)
    }

    @Test("GET through URLSession reaches the handler and comes back")
    func getRoundTrip() async throws {
        try await withServer { _, port in
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/hello/w%C3%B6rld?x=1")!)
            request.setValue("echo me", forHTTPHeaderField: "X-Echo")
            let (data, response) = try await session().data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "X-Method") == "GET")
            #expect(http.value(forHTTPHeaderField: "X-Path") == "/hello/w?rld")  // non-ASCII shown as ?
            #expect(http.value(forHTTPHeaderField: "X-Target") == "/hello/w%C3%B6rld?x=1")
            #expect(http.value(forHTTPHeaderField: "X-Echo") == "echo me")
            #expect(http.value(forHTTPHeaderField: "X-Remote") == "127.0.0.1")
            #expect(data.isEmpty)
        }
    }

    @Test("POST with a JSON body through URLSession")
    func postRoundTrip() async throws {
        let handler = HTTPClosureHandler { request in
            #expect(request.headers["content-type"] == "application/json")
            return .json(#"{"received":\#(request.body.count),"method":"\#(request.method)"}"#, status: .created)
        }
        try await withServer(handler: handler) { _, port in
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/validate")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"name":"Contrato.pdf","length":1234}"#.utf8)
            let (data, response) = try await session().data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 201)
            #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")
            #expect(String(decoding: data, as: UTF8.self) == #"{"received":37,"method":"POST"}"#)
        }
    }

    @Test("Header lookup ignores case; repeated fields keep their order")
    func headersCaseInsensitive() async throws {
        let handler = HTTPClosureHandler { request in
            let values = [
                request.headers["X-MiXeD-CaSe"] ?? "-", request.headers["x-mixed-case"] ?? "-",
                request.headers["X-MIXED-CASE"] ?? "-", request.headers.values(for: "x-twice").joined(separator: ","),
                request.headers["x-mixed-casf"] ?? "absent",
            ]
            return .text(values.joined(separator: "|"))
        }
        try await withServer(handler: handler) { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send(
                "GET / HTTP/1.1\r\nHost: x\r\nx-MIXED-case: v1\r\nX-Twice: a\r\nx-twice: b\r\n\r\n")
            let response = try await connection.readResponse()
            #expect(response.text == "v1|v1|v1|a,b|absent")
        }
    }

    @Test("Several requests on one keep-alive connection, then pipelined ones")
    func keepAliveAndPipelining() async throws {
        try await withServer { server, port in
            let connection = try RawConnection(port: port)
            for index in 0..<5 {
                try await connection.send("POST /n/\(index) HTTP/1.1\r\nHost: x\r\nContent-Length: \(index)\r\n\r\n")
                try await connection.send(String(repeating: "z", count: index))
                let response = try await connection.readResponse()
                #expect(response.status == 200)
                #expect(response.header("X-Path") == "/n/\(index)")
                #expect(response.body.count == index)
                #expect(response.header("Connection")?.lowercased() != "close")
            }
            #expect(server.openConnectionCount == 1)
            // Pipelined: three requests in one write; three answers in order.
            try await connection.send(
                "GET /p/1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /p/2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET /p/3 HTTP/1.1\r\nHost: x\r\n\r\n")
            for index in 1...3 {
                let response = try await connection.readResponse()
                #expect(response.header("X-Path") == "/p/\(index)")
            }
        }
    }

    @Test("500 pipelined requests in one write are all answered, in order")
    func manyPipelined() async throws {
        try await withServer { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send((0..<500).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for index in 0..<500 {
                #expect(try await connection.readResponse().header("X-Path") == "/\(index)")
            }
        }
    }

    @Test("HEAD gets the headers of the handler's response and no body")
    func head() async throws {
        let handler = HTTPClosureHandler { _ in .text("a body that must not be sent") }
        try await withServer(handler: handler) { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try await connection.readResponse(bodyExpected: false)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "28")
            let get = try await connection.readResponse()
            #expect(get.text == "a body that must not be sent")
        }
    }

    @Test("Expect: 100-continue gets its interim response, then the answer")
    func expectContinue() async throws {
        try await withServer { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try await connection.readResponse(bodyExpected: false)
            #expect(interim.status == 100)
            try await connection.send("body")
            let response = try await connection.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "body")
        }
    }

    @Test("A huge response body is sent whole")
    func hugeResponse() async throws {
        let size = 16 << 20
        let handler = HTTPClosureHandler { _ in HTTPResponse(body: [UInt8](repeating: 0x61, count: size)) }
        try await withServer(handler: handler) { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try await connection.readResponse(timeout: .seconds(20))
            #expect(response.body.count == size)
            #expect(response.body.allSatisfy { $0 == 0x61 })
        }
    }
}
