import Testing

@testable import HTTPServer

/// Header fields that a proxy in front could read differently from libmicrohttpd 0.9.75 (request smuggling):
/// they are refused before the handler runs, the connection is closed, and the request pipelined after them is
/// never answered.
@Suite("Header fields that two parsers could read differently")
struct FieldSmugglingTests {
    static let body = #"{"name":"a.pdf"}"#
    /// A request that must never be answered when it follows a refused one on the same connection.
    static let follow = "GET /follow HTTP/1.1\r\nHost: x\r\n\r\n"

    static let refused: [(String, String, String)] = [
        (
            "bare CR hiding a second Content-Length",
            "POST /r HTTP/1.1\r\nHost: x\r\nX-A: b\rContent-Length: 40\r\nContent-Length: 16\r\n\r\n\(body)",
            "request.malformed_header"
        ),
        (
            "DEL in a value", "POST /r HTTP/1.1\r\nHost: x\r\nX-A: b\u{7F}c\r\nContent-Length: 16\r\n\r\n\(body)",
            "request.malformed_header"
        ),
        ("a C0 control in a value", "GET /r HTTP/1.1\r\nHost: x\r\nX-A: b\u{1B}c\r\n\r\n", "request.malformed_header"),
        (
            "Transfer-Encoding folded over two lines",
            "POST /r HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n",
            "request.ambiguous_framing"
        ),
        (
            "Transfer-Encoding with a folded continuation",
            "POST /r HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n x\r\nContent-Length: 16\r\n\r\n\(body)",
            "request.ambiguous_framing"
        ),
        (
            "Content-Length folded over two lines",
            "POST /r HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n 16\r\n\r\n\(body)", "request.ambiguous_framing"
        ),
        (
            // libmicrohttpd 0.9.75 keeps the trailing space and so does not read the body as chunked (it waits
            // for the connection to close), while a proxy that trims it does.
            "Transfer-Encoding with white space after chunked",
            "POST /r HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked \r\n\r\n10\r\n\(body)\r\n0\r\n\r\n",
            "request.ambiguous_framing"
        ),
        (
            "Transfer-Encoding with a tab after chunked",
            "POST /r HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\t\r\n\r\n10\r\n\(body)\r\n0\r\n\r\n",
            "request.ambiguous_framing"
        ),
        (
            "a field named Content-Length with more after it",
            "POST /r HTTP/1.1\r\nHost: x\r\nContent-Lengthy: 3\r\nContent-Length: 16\r\n\r\n\(body)",
            "request.ambiguous_framing"
        ),
    ]

    @Test("Refused with 400, the connection closed, nothing pipelined after it answered", arguments: refused)
    func refusedShapes(_ name: String, _ request: String, _ code: String) async throws {
        try await withServer(handler: JSONFailureHandler()) { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send(request + Self.follow)
            let response = try await connection.readResponse()
            #expect(response.status == 400, "\(name)")
            #expect(response.text.contains(code), "\(name): \(response.text)")
            #expect(response.header("Connection")?.lowercased() == "close")
            #expect(text(await connection.readToEnd(timeout: .seconds(2))).isEmpty, "\(name): more was answered")
        }
    }

    @Test("A tab inside a value, and a field whose name only starts like a framing field, are fine")
    func legalNeighbours() async throws {
        try await withServer { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send("GET /tab HTTP/1.1\r\nHost: x\r\nX-Echo: a\tb\r\nContent-Language: en\r\n\r\n")
            let response = try await connection.readResponse()
            #expect(response.status == 200)
            #expect(response.header("X-Echo") == "a\tb")
        }
    }

    @Test("White space after a value is not part of it (RFC 9110 §5.5), whatever the field")
    func trailingWhitespaceIsNotPartOfTheValue() async throws {
        let handler = HTTPClosureHandler { request in
            .text(request.headers.values(for: "X-Value").map { "[\($0)]" }.joined())
        }
        try await withServer(handler: handler) { _, port in
            let connection = try RawConnection(port: port)
            try await connection.send(
                "GET /ows HTTP/1.1\r\nHost: x\r\nX-Value: a b \t \r\nX-Value:\t c\t\r\nX-Value: \r\nX-Value: e\u{301} \r\n\r\n")
            let response = try await connection.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "[a b][c][][e\u{301}]")
        }
    }

    @Test("libmicrohttpd 0.9.75 glues a folded line onto the field name and cuts a value at NUL")
    func pinnedQuirks() async throws {
        // Pins two libmicrohttpd quirks (see docs/http-server.md) so that an upgrade that changes them is noticed.
        // Neither can move a body boundary any more: folded framing fields are refused above, and nginx, the
        // documented proxy, refuses both shapes before they reach the server.
        try await withServer { _, port in
            let folded = try RawConnection(port: port)
            try await folded.send("GET /fold HTTP/1.1\r\nHost: x\r\nX-Echo: a\r\n folded\r\n\r\n")
            let foldedResponse = try await folded.readResponse()
            #expect(foldedResponse.status == 200)
            #expect(foldedResponse.header("X-Echo") == nil)

            let nul = try RawConnection(port: port)
            try await nul.send("GET /nul HTTP/1.1\r\nHost: x\r\nX-Echo: b\u{0}c\r\n\r\n")
            let nulResponse = try await nul.readResponse()
            #expect(nulResponse.status == 200)
            #expect(nulResponse.header("X-Echo") == "b")
        }
    }
}
