import Foundation
import Testing

/// The Rest PKI Core contract (reference/restpki-api.md §3) over real HTTP: the request as ASP.NET Core would
/// bind it, the response Rest PKI Core reads, the decision headers and the reason language.
@Suite("Wire contract")
struct WireContractTests {
    @Test("The documented example is accepted, through URLSession, with the exact body and headers")
    func documentedExample() async throws {
        let server = Shared.embedded
        let response = try await URLSessionClient.validate(
            port: server.port, json: #"{"name":"P123456.pdf","contentType":"application/pdf","length":2476032}"#)
        #expect(response.status == 200)
        #expect(response.text == #"{"accept":true,"rejectReason":null}"#)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("X-UploadGate-Decision") == "accepted")
        #expect(response.header("X-UploadGate-Rule") == "accept[0]")
        #expect(response.header("X-UploadGate-Policy") == "default")
        #expect(response.header("X-UploadGate-Decision-Id")?.wholeMatch(of: /[0-9a-f]{8}-[0-9]{12}/) != nil)
        #expect(response.header("Content-Language") == "en")
    }

    @Test("A rejection carries the reason in the body and the code and rule in headers only")
    func rejection() async throws {
        let server = Shared.embedded
        let response = try await URLSessionClient.validate(
            port: server.port, json: #"{"name":"invoice.exe.pdf","contentType":"application/pdf","length":10}"#)
        #expect(response.status == 200)
        let json = try #require(response.json)
        #expect(json.keys.sorted() == ["accept", "rejectReason"])
        #expect(json["accept"] as? Bool == false)
        #expect((json["rejectReason"] as? String)?.isEmpty == false)
        #expect(response.header("X-UploadGate-Decision") == "name.hidden_executable")
        #expect(response.header("X-UploadGate-Rule") == "options.checks.hiddenExecutables")
        #expect(!response.text.contains("hidden_executable"))
    }

    static let casings: [String] = [
        #"{"name":"a.pdf","contentType":"application/pdf","length":5}"#,
        #"{"Name":"a.pdf","ContentType":"application/pdf","Length":5}"#,
        #"{"NAME":"a.pdf","CONTENTTYPE":"application/pdf","LENGTH":5}"#,
        #"{"nAmE":"a.pdf","contenttype":"application/pdf","lEnGtH":5}"#,
        #"{"n\u0061me":"a.pdf","content\u0054ype":"application/pdf","length":5}"#,
    ]

    @Test("Property names are case-insensitive (camelCase, PascalCase, mixed, escaped)", arguments: casings)
    func casing(_ json: String) async throws {
        let server = Shared.embedded
        // A type that does not fit proves contentType was read; a length under minSize proves length was.
        let mismatch = try await server.exchange(
            json: json.replacingOccurrences(of: "application/pdf", with: "image/png"))
        #expect(mismatch.decisionCode == "type.mismatch")
        let small = try await server.exchange(json: json.replacingOccurrences(of: "5}", with: "0}"))
        #expect(small.decisionCode == "size.too_small")
        let ok = try await server.exchange(json: json)
        #expect(ok.status == 200 && ok.accept == true)
    }

    @Test("Unknown properties of any shape are ignored")
    func unknownProperties() async throws {
        let server = Shared.embedded
        let response = try await server.exchange(
            json: #"""
                {"id": 7, "name": "a.pdf", "extra": {"deep": [1, 2.5e3, {"x": null}], "t": true}, "names": ["x.exe"],
                 "contentType": "application/pdf", "lengthInBytes": "huge", "": false}
                """#)
        #expect(response.status == 200)
        #expect(response.accept == true)
    }

    static let nullAndAbsent: [(String, String)] = [
        (#"{"name":"a.pdf"}"#, "accepted"),
        (#"{"name":"a.pdf","contentType":null,"length":null}"#, "accepted"),
        (#"{"name":"a.pdf","contentType":null}"#, "accepted"),
        (#"{"name":"a.pdf","length":null}"#, "accepted"),
        (#"{"name":"a.pdf","contentType":""}"#, "accepted"),
        (#"{"name":"a.pdf","length":"2476032"}"#, "accepted"),
        (#"{"name":"a.pdf","length":2.476032e6}"#, "accepted"),
        (#"{"name":"a.pdf","length":"0"}"#, "size.too_small"),
        (#"{"name":"a.pdf","length":-1}"#, "size.invalid"),
    ]

    @Test("contentType and length may be null or absent; length may be a numeric string", arguments: nullAndAbsent)
    func optionalFields(_ json: String, _ code: String) async throws {
        let server = Shared.embedded
        let response = try await server.exchange(json: json)
        #expect(response.status == 200)
        #expect(response.decisionCode == code)
    }

    /// A length written with a fraction or an exponent is read exactly, never through a `Double`: a whole value
    /// is that value to the byte, anything else is refused, however small its fraction.
    static let exactLengths: [(String, Int64?)] = [
        ("2476032.0", 2_476_032), ("2.476032e6", 2_476_032), ("100e-2", 1), ("0.0e-0", 0), ("-0.0", 0),
        ("1.00000000000000000000000000000e1", 10), ("9007199254740993.0", 9_007_199_254_740_993),
        ("9.223372036854775807e18", Int64.max), ("-9.223372036854775808e18", Int64.min),
        ("\"9007199254740993.0\"", 9_007_199_254_740_993), ("0e99999999999999999999", 0),
        ("1.0000000000000000001", nil), ("1e-400", nil), ("-1e-400", nil), ("\"1e-400\"", nil),
        ("9.223372036854775808e18", nil), ("12345678901234567.5", nil), ("1e99999999999999999999", nil),
        ("1e-99999999999999999999", nil),
        // More integer digits than 64 bits hold, brought back into range by the exponent.
        ("10000000000000000000e-1", 1_000_000_000_000_000_000), ("92233720368547758070e-1", Int64.max),
        ("-92233720368547758080e-1", Int64.min), ("100000000000000000000.0e-2", 1_000_000_000_000_000_000),
        ("\"10000000000000000000e-1\"", 1_000_000_000_000_000_000), ("92233720368547758080e-1", nil),
        ("10000000000000000000", nil), ("10000000000000000000.5e-1", nil),
    ]

    @Test("A length with a fraction or an exponent is read exactly", arguments: exactLengths)
    func exactLength(_ text: String, _ expected: Int64?) async throws {
        let server = try TestService()
        defer { server.stop() }
        let response = try await server.exchange(json: #"{"name":"a.pdf","length":"# + text + "}")
        guard let expected else {
            #expect(response.status == 400, "\(text)")
            #expect(response.errorCode == "request.invalid_field", "\(text)")
            return
        }
        #expect(response.status == 200, "\(text)")
        let logged = server.decisions.first?["length"] as? NSNumber
        #expect(logged?.int64Value == expected, "\(text)")
    }

    static let illTyped: [(String, String)] = [
        (#"{"name":1}"#, "Property 'name' must be a string, not a number."),
        (#"{"name":null}"#, "Property 'name' must be a string, not null."),
        (#"{"name":["a.pdf"]}"#, "Property 'name' must be a string, not an array."),
        (#"{"Name":{"x":1}}"#, "Property 'Name' must be a string, not an object."),
        (#"{"name":true}"#, "Property 'name' must be a string, not a boolean."),
        (
            #"{"name":"a.pdf","length":"12kB"}"#,
            "Property 'length' must be a whole number of bytes; the string given does not hold one."
        ),
        (#"{"name":"a.pdf","length":1.5}"#, "Property 'length' must be a whole number of bytes that fits in 64 bits."),
        (
            #"{"name":"a.pdf","LENGTH":99999999999999999999}"#,
            "Property 'LENGTH' must be a whole number of bytes that fits in 64 bits."
        ),
        (
            #"{"name":"a.pdf","length":false}"#,
            "Property 'length' must be a whole number of bytes or null, not a boolean."
        ),
        (#"{"name":"a.pdf","contentType":5}"#, "Property 'contentType' must be a string or null, not a number."),
        (
            #"{"name":"a.pdf","contentType":["application/pdf"]}"#,
            "Property 'contentType' must be a string or null, not an array."
        ),
        (#"{"name":"a.pdf","name":"b.exe"}"#, "Property 'name' is given twice (as 'name' and 'name'); send it once."),
        (#"{"name":"a.pdf","Name":"b.exe"}"#, "Property 'Name' is given twice (as 'name' and 'Name'); send it once."),
        (
            #"{"length":1,"name":"a.pdf","Length":2}"#,
            "Property 'Length' is given twice (as 'length' and 'Length'); send it once."
        ),
    ]

    @Test("Ill-typed or repeated properties get 400 invalid_field naming the property", arguments: illTyped)
    func illTypedFields(_ json: String, _ message: String) async throws {
        let server = Shared.embedded
        let response = try await server.exchange(json: json)
        #expect(response.status == 400)
        #expect(response.errorCode == "request.invalid_field")
        #expect(response.errorMessage == message)
    }

    @Test("A refused request makes no decision and logs no decision line")
    func noDecisionForBadRequests() async throws {
        let server = try TestService()
        defer { server.stop() }
        for json in Self.illTyped.map(\.0) + [#"{"name":"#, "[]"] {
            #expect(try await server.exchange(json: json).status == 400)
        }
        #expect(try await server.exchange(json: #"{"name":"a.pdf"}"#, contentType: "text/plain").status == 415)
        #expect(server.decisionLines.isEmpty)
        #expect(try await server.metrics().sum("uploadgate_decisions_total", where: [:]) == 0)
    }

    static let acceptedMediaTypes = [
        "application/json", "application/json; charset=utf-8", "Application/JSON;Charset=UTF-8", "text/json",
        "application/problem+json", "application/json-patch+json", "application/vnd.api+json", "application/json; v=2",
        "application/json;charset=\"utf-8\"", "APPLICATION/JSON; CHARSET=UTF-8",
    ]

    @Test("Every JSON media type ASP.NET accepts is accepted", arguments: acceptedMediaTypes)
    func acceptedMediaType(_ type: String) async throws {
        let server = Shared.embedded
        let response = try await server.exchange(json: #"{"name":"a.pdf"}"#, contentType: type)
        #expect(response.status == 200)
        #expect(response.accept == true)
    }

    static let refusedMediaTypes: [(String?, String)] = [
        (nil, "request.unsupported_media_type"), ("text/plain", "request.unsupported_media_type"),
        ("application/x-www-form-urlencoded", "request.unsupported_media_type"),
        ("multipart/form-data; boundary=x", "request.unsupported_media_type"),
        ("application/jsonx", "request.unsupported_media_type"), ("json", "request.unsupported_media_type"),
        ("text/javascript", "request.unsupported_media_type"), ("", "request.unsupported_media_type"),
        ("application/xml+json-no", "request.unsupported_media_type"),
        ("application/json; charset=utf-16", "request.unsupported_charset"),
        ("application/json; charset=latin1", "request.unsupported_charset"),
        ("application/json; charset=utf-88", "request.unsupported_charset"),
    ]

    @Test("Other media types and charsets get 415 saying what was received", arguments: refusedMediaTypes)
    func refusedMediaType(_ type: String?, _ code: String) async throws {
        let server = Shared.embedded
        let connection = try RawConnection(port: server.port)
        var headers: [(String, String)] = []
        if let type { headers.append(("Content-Type", type)) }
        let response = try connection.exchange(
            target: "/validate", headers: headers, body: Array(#"{"name":"a.pdf"}"#.utf8))
        #expect(response.status == 415)
        #expect(response.errorCode == code)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
    }

    static let languages: [(String?, String)] = [
        (nil, "en"), ("pt-BR", "pt-BR"), ("pt", "pt-BR"), ("pt-br", "pt-BR"), ("pt-PT;q=0.9, en;q=0.8", "pt-BR"),
        ("en-US,en;q=0.9,pt-BR;q=0.8", "en"), ("fr", "en"), ("fr-CA, pt;q=0.5", "pt-BR"), ("*", "en"),
        ("de;q=0, pt;q=0", "en"), ("%%%garbage;;;q=x,,", "en"), ("pt;q=abc", "pt-BR"), ("", "en"),
        // '*' stands for the languages no other range names (RFC 9110 §12.5.4), so q=0 keeps English out.
        ("en;q=0, *", "pt-BR"), ("pt;q=0, *", "en"), ("en;q=0.1, *", "pt-BR"), ("*;q=0.5, en;q=0.4", "pt-BR"),
        // A q that is not a qvalue (0 to 1, three decimals at most) is ignored, as 'abc' is: no 'inf' beats 1.
        ("pt;q=nan", "pt-BR"), ("en, pt;q=inf", "en"), ("en, pt;q=1e400", "en"), ("en, pt;q=2", "en"),
        ("pt;q=-1", "pt-BR"), ("en;q=0.5, pt;q=0x1p-2", "pt-BR"), ("en;q=0.5, pt;q=0.4", "en"),
    ]

    @Test("Accept-Language picks en or pt-BR reasons", arguments: languages)
    func acceptLanguage(_ header: String?, _ language: String) async throws {
        let server = Shared.embedded
        let headers = header.map { [("Accept-Language", $0)] } ?? []
        let response = try await server.validate("setup.exe", type: "application/x-msdownload", headers: headers)
        #expect(response.status == 200)
        #expect(response.header("Content-Language") == language)
        let reason = try #require(response.rejectReason)
        if language == "pt-BR" {
            #expect(reason.contains("não é aceito"))
        } else {
            #expect(reason.contains("not accepted"))
        }
    }

    @Test("Reasons with quotes, backslashes and non-ASCII survive JSON encoding", arguments: ["pt-BR", "en"])
    func reasonEncoding(_ language: String) async throws {
        let server = Shared.embedded
        let response = try await server.validate(
            "~$Contrato \"x\" ç.docx", headers: [("Accept-Language", language)])
        #expect(response.decisionCode == "rule.rejected")
        #expect(response.rejectReason?.contains("~$") == true)
    }
}
