import Testing

@testable import UploadPolicy

@Suite("WHATWG MIME type parsing")
struct MediaTypeTests {
    @Test(arguments: [
        ("text/plain", "text/plain"),
        ("TEXT/PLAIN", "text/plain"),
        ("  text/plain ; charset=UTF-8", "text/plain"),
        ("text/plain;charset=UTF-8", "text/plain"),
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ),
        ("image/svg+xml", "image/svg+xml"),
        ("text/html;", "text/html"),
        ("text/html ;;; charset=x", "text/html"),
        ("\ttext/csv\r\n", "text/csv"),
    ])
    func parsesEssence(_ input: String, _ essence: String) {
        #expect(MediaType(parsing: input)?.essence == essence)
    }

    @Test(arguments: [
        "", " ", "pdf", "/pdf", "text/", "text/ ", "te xt/plain", "text/pl ain", "tëxt/plain", "text/plaîn",
        "text/plain/x", "(text)/plain", "text/\"plain\"", "\u{0}/x", "application/pdf\u{0}",
    ])
    func rejectsInvalid(_ input: String) {
        #expect(MediaType(parsing: input) == nil, "\(input.debugDescription) should not parse")
    }

    @Test func parametersFollowTheStandard() throws {
        let type = try #require(MediaType(parsing: "text/plain; Charset=\"UTF-8\"; charset=latin1; bad name=x; q"))
        #expect(type.parameters.map(\.name) == ["charset"])
        #expect(type.parameters.first?.value == "UTF-8")
        let escaped = try #require(MediaType(parsing: #"a/b; x="q\"uoted"; y=plain"#))
        #expect(escaped.parameters.map(\.value) == ["q\"uoted", "plain"])
    }
}

@Suite("Token mask")
struct TokenMaskTests {
    @Test func masksMatchTheTokenCharacters() {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8 {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
        #expect(low == MediaType.tokenMaskLow)
        #expect(high == MediaType.tokenMaskHigh)
    }
}
