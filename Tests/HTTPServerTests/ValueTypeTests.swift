import Testing

@testable import HTTPServer

@Suite("Value types without a server")
struct ValueTypeTests {
    @Test("HTTPHeaders compares names ASCII-case-insensitively and only letters fold")
    func headerNames() {
        #expect(HTTPHeaders.namesEqual("Content-Type", "content-TYPE"))
        #expect(!HTTPHeaders.namesEqual("Content-Type", "Content-Typ"))
        #expect(!HTTPHeaders.namesEqual("X@", "X`"))  // 0x40 vs 0x60 differ by 0x20 but are not letters
        #expect(!HTTPHeaders.namesEqual("X[", "X{"))
        #expect(!HTTPHeaders.namesEqual("é", "É"))  // non-ASCII is compared exactly
        var headers: HTTPHeaders = ["A": "1", "b": "2", "a": "3"]
        #expect(headers["a"] == "1")
        #expect(headers.values(for: "A") == ["1", "3"])
        headers.set(name: "A", value: "4")
        #expect(headers.values(for: "a") == ["4"])
        #expect(headers.fields.map(\.name) == ["b", "A"])
        headers.remove(name: "B")
        #expect(headers.count == 1 && !headers.contains("b"))
    }

    @Test(
        "Tokens",
        arguments: [
            ("Content-Type", true), ("x!#$%&'*+-.^_`|~9", true), ("", false), ("a b", false),
            ("a:b", false), ("é", false), ("a\u{7F}", false),
        ])
    func tokens(name: String, valid: Bool) {
        #expect(HTTPHeaders.isToken(name) == valid)
    }

    @Test("Every byte is a token byte exactly when RFC 9110 lists it as tchar")
    func tokenBytes() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(HTTPHeaders.isTokenByte(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }

    @Test(
        "Targets split into path and query",
        arguments: [
            ("/", "/", nil), ("/a?b", "/a", "b"), ("/a?", "/a", ""), ("/a?b?c", "/a", "b?c"), ("*", "*", nil),
            ("http://h", "/", nil), ("HTTPS://h:1/p?q", "/p", "q"), ("http://h?q", "/", "q"), ("", "", nil),
        ] as [(String, String, String?)])
    func targets(target: String, path: String, query: String?) {
        let split = RequestTarget.split(target)
        #expect(split.path == path[...])
        #expect(split.query.map(String.init) == query)
    }

    @Test(
        "Percent-decoding is strict for paths and lenient for form-encoded queries",
        arguments: [
            ("/a%20b", false, "/a b"), ("/a+b", false, "/a+b"), ("a+b", true, "a b"), ("%41%4a%4A", false, "AJJ"),
            ("%", false, nil), ("%4", false, nil), ("%g0", false, nil), ("%C3%A9", false, "é"), ("%C3", false, nil),
            ("%ED%A0%80", false, nil),  // an encoded UTF-16 surrogate is not UTF-8
        ] as [(String, Bool, String?)])
    func decoding(input: String, form: Bool, expected: String?) {
        #expect(PercentDecoding.decode(input[...], form: form) == expected)
    }

    @Test("Query items and the public request initializer")
    func queryItems() {
        let request = HTTPRequest(method: .post, target: "/p%2Fq?a=1&b&a=%zz&c=x+y&&=v", remoteAddress: "10.0.0.1")
        #expect(request.path == "/p/q")
        #expect(request.query == "a=1&b&a=%zz&c=x+y&&=v")
        #expect(
            request.queryItems == [
                HTTPQueryItem(name: "a", value: "1"), HTTPQueryItem(name: "b", value: nil),
                HTTPQueryItem(name: "a", value: "%zz"), HTTPQueryItem(name: "c", value: "x y"),
                HTTPQueryItem(name: "", value: "v"),
            ])
        #expect(request.queryValue(for: "a") == "1")
        #expect(request.queryValue(for: "b") == "")
        #expect(request.queryValue(for: "z") == nil)
        #expect(request.remoteAddress == "10.0.0.1")
        #expect(HTTPRequest(target: "/bad%zz").path == "/bad%zz")  // kept raw when malformed
    }

    @Test("Statuses and responses")
    func statusAndResponses() {
        #expect(HTTPStatus.contentTooLarge.description == "413 Content Too Large")
        #expect(HTTPStatus(799).reasonPhrase == "Unknown")
        #expect(HTTPStatus(-5).reasonPhrase == "Unknown")
        #expect(HTTPStatus.ok.isSendable && !HTTPStatus(100).isSendable && !HTTPStatus(600).isSendable)
        let json = HTTPResponse.json(#"{"a":1}"#, status: .accepted, headers: ["X-A": "1"])
        #expect(json.headers.fields.map(\.name) == ["Content-Type", "X-A"])
        #expect(json.headers["content-type"] == "application/json")
        #expect(json.body == Array(#"{"a":1}"#.utf8))
        #expect(HTTPResponse.text("hi").headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(HTTPRequestFailure.bodyTooLarge(limit: 5).defaultResponse.status == .contentTooLarge)
        #expect(HTTPMethod("GET") == .get && HTTPMethod("get") != .get)
    }
}
