import Foundation
import Testing

/// Every status the endpoint promises, each with its JSON error body, sent as exact bytes.
@Suite("Statuses and bad input")
struct StatusTests {
    static let malformed: [(String, String)] = [
        (#"{"name":"a.pdf""#, "expected ',' or '}', but the text ends at byte offset 15"),
        (#"{"name":"a.pdf",}"#, "expected a property name in double quotes, found '}' at byte offset 16"),
        (#"{'name':'a.pdf'}"#, #"expected a property name in double quotes, found "'" at byte offset 1"#),
        (
            #"{"name":"a.pdf"} trailing"#,
            "expected the end of the text after the JSON value, found 't' at byte offset 17"
        ),
        (#"{"name":"a.pdf","x":01}"#, "a number cannot have a leading zero at byte offset 20"),
        (#"{"name":"a.pdf","x":tru}"#, "expected a value, found 't' at byte offset 20"),
        (#"{"name":"a\u12"}"#, #"invalid \u escape at byte offset 10: four hex digits expected"#),
        (#"{"name":"a\x"}"#, #"invalid escape '\x' at byte offset 10"#),
        (
            #"{"name":"\ud800.pdf"}"#,
            #"lone surrogate escape \uD800 at byte offset 9; a high surrogate must be followed by a low one"#
        ),
        (
            #"{"name":"\udc00.pdf"}"#,
            #"lone surrogate escape \uDC00 at byte offset 9; a low surrogate must follow a high one"#
        ),
        (
            #"{"name":"\ud800\u0041.pdf"}"#,
            #"lone surrogate escape \uD800 at byte offset 9; a high surrogate must be followed by a low one"#
        ),
        ("{\"name\":\"a\n.pdf\"}", #"control character U+000A inside a string at byte offset 10; escape it as \u000A"#),
        (#"{"name":"a.pdf"#, "unterminated string starting at byte offset 8"),
        (#"{"name" "a.pdf"}"#, "expected ':' after the property name, found '\"' at byte offset 8"),
        (#"{"name":-}"#, "malformed number: expected a digit, found '}' at byte offset 9"),
        ("", ""),
    ]

    @Test("Malformed JSON gets 400 malformed_json saying what and where", arguments: malformed)
    func malformedJSON(_ json: String, _ detail: String) async throws {
        let response = try await Shared.embedded.exchange(json: json)
        #expect(response.status == 400)
        #expect(response.errorCode == "request.malformed_json")
        if detail.isEmpty {
            #expect(response.errorMessage == #"The body is empty; send a JSON object such as {"name": "file.pdf"}."#)
        } else {
            #expect(response.errorMessage == "The body is not valid JSON: \(detail).")
        }
    }

    @Test(
        "Invalid UTF-8 inside strings is named with its offset",
        arguments: [
            ([0xFF], 0xFF), ([0xC0, 0xAF], 0xC0), ([0xED, 0xA0, 0x80], 0xED), ([0xF4, 0x90, 0x80, 0x80], 0xF4),
            ([0xE2, 0x82], 0xE2),
        ] as [([UInt8], UInt8)])
    func invalidUTF8(_ bytes: [UInt8], _ first: UInt8) async throws {
        let body = Array(#"{"name":"a"#.utf8) + bytes + Array(#".pdf"}"#.utf8)
        let response = try await Shared.embedded.exchange(body: body)
        #expect(response.status == 400)
        #expect(response.errorCode == "request.malformed_json")
        #expect(
            response.errorMessage
                == "The body is not valid JSON: invalid UTF-8 (byte 0x\(String(first, radix: 16, uppercase: true))) at byte offset 10."
        )
    }

    @Test("A UTF-8 byte order mark and surrounding white space are tolerated")
    func byteOrderMark() async throws {
        let response = try await Shared.embedded.exchange(
            body: [0xEF, 0xBB, 0xBF] + Array(" \r\n\t{\"name\":\"a.pdf\"} \n".utf8))
        #expect(response.status == 200 && response.accept == true)
    }

    @Test("Nesting is bounded: 64 levels pass, 65 get 400")
    func nesting() async throws {
        let ok = #"{"name":"a.pdf","x":"# + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "}"
        #expect(try await Shared.embedded.exchange(json: ok).status == 200)
        let deep =
            #"{"name":"a.pdf","x":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
        let response = try await Shared.embedded.exchange(json: deep)
        #expect(response.status == 400)
        #expect(response.errorMessage?.contains("nesting deeper than 64 levels") == true)
        let bomb = String(repeating: "[", count: 16_000)
        #expect(try await Shared.embedded.exchange(json: bomb).status == 400)
    }

    static let notObjects: [(String, String)] = [
        ("[]", "an array"), (#""a.pdf""#, "a string"), ("null", "null"), ("42", "a number"), ("true", "a boolean"),
    ]

    @Test("A body that is not an object gets 400 not_an_object", arguments: notObjects)
    func notAnObject(_ json: String, _ kind: String) async throws {
        let response = try await Shared.embedded.exchange(json: json)
        #expect(response.status == 400)
        #expect(response.errorCode == "request.not_an_object")
        #expect(response.errorMessage == #"The body must be a JSON object such as {"name": "file.pdf"}, not \#(kind)."#)
    }

    @Test(
        "A missing name gets 400 missing_name",
        arguments: ["{}", #"{"contentType":"application/pdf","length":1}"#, #"{"nome":"a.pdf"}"#])
    func missingName(_ json: String) async throws {
        let response = try await Shared.embedded.exchange(json: json)
        #expect(response.status == 400)
        #expect(response.errorCode == "request.missing_name")
    }

    @Test("404 for unknown routes and unknown policies, with the known policies listed")
    func notFound() async throws {
        let server = Shared.standard
        let route = try await server.exchange("/nope", json: "{}")
        #expect(route.status == 404)
        #expect(route.errorCode == "route.not_found")
        let policy = try await server.exchange("/validate/nope", json: #"{"name":"a.pdf"}"#)
        #expect(policy.status == 404)
        #expect(policy.errorCode == "policy.not_found")
        #expect(policy.errorMessage == "There is no policy 'nope'. Policies: default, images, pdf-only, slow.")
    }

    static let wrongMethods: [(String, String, String)] = [
        ("GET", "/validate", "POST"), ("PUT", "/validate", "POST"), ("DELETE", "/validate/pdf-only", "POST"),
        ("PATCH", "/validate", "POST"), ("OPTIONS", "/validate", "POST"), ("POST", "/healthz", "GET, HEAD"),
        ("DELETE", "/metrics", "GET, HEAD"), ("PUT", "/policies", "GET, HEAD"), ("POST", "/readyz", "GET, HEAD"),
        ("BREW", "/validate", "POST"),
    ]

    @Test("405 with Allow for a known route and the wrong method", arguments: wrongMethods)
    func methodNotAllowed(_ method: String, _ path: String, _ allow: String) async throws {
        let response = try await Shared.standard.exchange(method: method, path, json: #"{"name":"a.pdf"}"#)
        #expect(response.status == 405)
        #expect(response.header("Allow") == allow)
        #expect(response.errorCode == "request.method_not_allowed")
    }

    @Test("413 for a declared body over 16 KiB, before it is read")
    func declaredTooLarge() async throws {
        let connection = try RawConnection(port: Shared.embedded.port)
        try connection.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 16385\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(response.errorCode == "request.body_too_large")
        #expect(response.errorMessage == "The body is larger than 16384 bytes.")
    }

    @Test("A body of exactly 16 KiB is read; one byte more is 413")
    func boundary() async throws {
        func body(_ size: Int) -> [UInt8] {
            let prefix = #"{"name":"a.pdf","pad":""#
            return Array((prefix + String(repeating: "x", count: size - prefix.utf8.count - 2) + #""}"#).utf8)
        }
        #expect(body(16384).count == 16384)
        #expect(try await Shared.embedded.exchange(body: body(16384)).status == 200)
        #expect(try await Shared.embedded.exchange(body: body(16385)).status == 413)
    }

    @Test("413 for a chunked body that grows over the cap")
    func chunkedTooLarge() async throws {
        let connection = try RawConnection(port: Shared.embedded.port)
        try connection.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        let chunk = String(repeating: "x", count: 4096)
        var response: RawResponse?
        for _ in 0..<8 {
            do {
                try connection.send("1000\r\n\(chunk)\r\n")
            } catch {
                break  // the server may close as soon as it has answered
            }
        }
        try? connection.send("0\r\n\r\n")
        response = try connection.readResponse()
        #expect(response?.status == 413)
        #expect(response?.errorCode == "request.body_too_large")
    }

    @Test("A chunked body under the cap is decided")
    func chunkedOK() async throws {
        let connection = try RawConnection(port: Shared.embedded.port)
        try connection.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"nam\r\n" + "b\r\ne\":\"a.pdf\"}\r\n0\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 200 && response.accept == true)
    }

    @Test("Ambiguous framing is refused with a JSON 400")
    func ambiguousFraming() async throws {
        let connection = try RawConnection(port: Shared.embedded.port)
        try connection.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 16\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n{\"name\":\"a.pdf\"}")
        let response = try connection.readResponse()
        #expect(response.status == 400)
        #expect(response.errorCode == "request.ambiguous_framing")
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
    }

    @Test(
        "HEAD on GET routes: the GET head without a body, Content-Length kept",
        arguments: ["/healthz", "/readyz", "/metrics", "/policies"])
    func head(_ path: String) async throws {
        let connection = try RawConnection(port: Shared.standard.port)
        let get = try connection.exchange(method: "GET", target: path)
        let head = try connection.exchange(method: "HEAD", target: path)
        #expect(get.status == 200 && head.status == 200)
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        if path != "/metrics" {  // the metrics body changes between the two calls
            #expect(head.header("Content-Length") == get.header("Content-Length"))
        }
        // The connection is still in sync: no body bytes followed the HEAD response.
        #expect(try connection.exchange(method: "GET", target: "/healthz").status == 200)
    }

    static let pathTricks: [(String, Int, String?)] = [
        ("/validate/../metrics", 404, "route.not_found"),
        ("/validate/%2e%2e", 404, "route.not_found"),
        ("/validate/%2E%2E/metrics", 404, "route.not_found"),
        ("/validate/..", 404, "route.not_found"),
        ("/validate/.", 404, "route.not_found"),
        ("/validate/%2fpdf-only", 404, "route.not_found"),
        ("/validate/pdf-only%2f", 200, nil),
        ("/validate/pdf-only/", 200, nil),
        ("/validate//pdf-only", 404, "route.not_found"),
        ("/validate/pdf-only/x", 404, "route.not_found"),
        ("/validate/PDF-ONLY", 404, "route.not_found"),
        ("/validate/pdf-only%00", 404, "route.not_found"),
        ("/validate/pdf-only%20", 404, "route.not_found"),
        ("/VALIDATE", 404, "route.not_found"),
        ("//validate", 404, "route.not_found"),
        ("/validate;x", 404, "route.not_found"),
        ("/./validate", 404, "route.not_found"),
        ("/%76alidate", 200, nil),
        ("/validate?policy=pdf-only", 200, nil),
        ("/validate/", 200, nil),
        ("/validate/%zz", 400, "request.malformed_target"),
        ("/validate/%C3%28", 400, "request.malformed_target"),
        ("http://127.0.0.1/validate/pdf-only", 200, nil),
    ]

    @Test("Path tricks never reach another handler or policy", arguments: pathTricks)
    func pathTrick(_ target: String, _ status: Int, _ code: String?) async throws {
        // A .docx is accepted by the default policy and refused by pdf-only: the answer tells which one decided.
        let response = try await Shared.standard.exchange(target, json: #"{"name":"a.docx"}"#)
        #expect(response.status == status)
        #expect(response.errorCode == code)
        if status == 200 {
            let expected = target.contains("/validate/pdf-only") ? "pdf-only" : "default"
            #expect(response.header("X-UploadGate-Policy") == expected)
        }
        #expect(!response.text.contains("uploadgate_"))  // never the metrics body
    }

    @Test("Odd but legal requests: query strings, pipelining, Expect: 100-continue, HTTP/1.0")
    func oddRequests() async throws {
        let connection = try RawConnection(port: Shared.embedded.port)
        let body = #"{"name":"a.pdf"}"#
        let one =
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        try connection.send(one + one + one)
        for _ in 0..<3 { #expect(try connection.readResponse().accept == true) }

        let expecting = try RawConnection(port: Shared.embedded.port)
        try expecting.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        )
        let interim = try expecting.readResponse()
        #expect(interim.status == 100)
        try expecting.send(body)
        #expect(try expecting.readResponse().accept == true)

        let old = try RawConnection(port: Shared.embedded.port)
        try old.send(
            "POST /validate HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        )
        #expect(try old.readResponse().accept == true)
    }
}
