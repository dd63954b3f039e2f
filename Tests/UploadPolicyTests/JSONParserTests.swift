import Foundation
import Testing
import UploadPolicy

@Suite("Strict JSON parser")
struct JSONParserTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValueAndKeepsMemberOrder() throws {
        let value = try Self.parse(
            #" {"b": [true, false, null], "a": -12, "c": 1.5e2, "d": "x\u00e9\ud83d\ude00\n", "b": {}} "#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "c", "d", "b"])
        #expect(members[0].value == .array([.bool(true), .bool(false), .null]))
        #expect(members[1].value == .integer(-12))
        #expect(members[2].value == .number(150))
        #expect(members[3].value == .string("xé😀\n"))
    }

    @Test func integersKeepSixtyFourBits() throws {
        #expect(try Self.parse("9223372036854775807") == .integer(.max))
        #expect(try Self.parse("-9223372036854775808") == .integer(.min))
        #expect(try Self.parse("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try Self.parse("-0") == .integer(0))
    }

    @Test(arguments: [
        ("", "the text is empty (line 1, column 1)"),
        ("{\"a\":1,}", "expected a property name in double quotes, found '}' at byte offset 7 (line 1, column 8)"),
        ("[1,]", "expected a value, found ']' at byte offset 3 (line 1, column 4)"),
        ("{\"a\":01}", "a number cannot have a leading zero at byte offset 5 (line 1, column 6)"),
        ("{\"a\":1.}", "malformed number: expected a digit after '.', found '}' at byte offset 7 (line 1, column 8)"),
        ("{\"a\":.5}", "expected a value, found '.' at byte offset 5 (line 1, column 6)"),
        (
            "{\"a\":\"\\ud800\"}",
            "lone surrogate escape \\uD800 at byte offset 6; a high surrogate must be followed by a low one "
                + "(line 1, column 7)"
        ),
        (
            "{\"a\":\"\\udc00\"}",
            "lone surrogate escape \\uDC00 at byte offset 6; a low surrogate must follow a high one (line 1, column 7)"
        ),
        ("{\"a\":\"\\x\"}", "invalid escape '\\x' at byte offset 6 (line 1, column 7)"),
        (
            "{\"a\":\"x\u{1}\"}",
            "control character U+0001 inside a string at byte offset 7; escape it as \\u0001 (line 1, column 8)"
        ),
        ("{\"a\":tru}", "expected a value, found 't' at byte offset 5 (line 1, column 6)"),
        (
            "{\"a\":true}x",
            "expected the end of the text after the JSON value, found 'x' at byte offset 10 (line 1, column 11)"
        ),
        ("{\"a\" 1}", "expected ':' after the property name, found '1' at byte offset 5 (line 1, column 6)"),
        ("{\n  \"a\": [1 2]\n}", "expected ',' or ']', found '2' at byte offset 12 (line 2, column 11)"),
        ("\"abc", "unterminated string starting at byte offset 0 (line 1, column 1)"),
    ])
    func refusesWhatRFC8259Refuses(_ text: String, _ message: String) {
        #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
        do { _ = try Self.parse(text) } catch { #expect(error.description == message) }
    }

    @Test func invalidUTF8AndDepthAreRefused() {
        let invalid = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(invalid) }
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONSyntaxError.self) { try Self.parse(deep) }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try Self.parse(fine) }
    }

    @Test func agreesWithFoundationOnValidDocuments() throws {
        for text in [#"{"name":"a.pdf","length":3}"#, #"[1,"x",{"y":[null]}]"#, #""é""#, "3.25"] {
            #expect(throws: Never.self) { try Self.parse(text) }
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil)
        }
    }

    @Test func withStringReadsInPlaceOrDecodesAndLeavesTheScannerAfterTheString() throws {
        // Without an escape the contents are the input's own bytes; with one they are decoded; either way the
        // scanner ends up just past the closing quote.
        let cases: [(json: String, contents: String, inPlace: Bool)] = [
            (#""plain é 契約""#, "plain é 契約", true), (#""n\u0061me \"q\" \ud83d\ude00""#, "name \"q\" 😀", false),
        ]
        for (json, contents, inPlace) in cases {
            let input = Array((json + ",").utf8)
            try input.withUnsafeBufferPointer { bytes in
                var scanner = JSONScanner(bytes)
                let (read, pointsIntoInput) = try scanner.withString { contents in
                    (String(decoding: contents, as: UTF8.self), contents.baseAddress == bytes.baseAddress! + 1)
                }
                #expect(read == contents)
                #expect(pointsIntoInput == inPlace)
                #expect(scanner.peek() == UInt8(ascii: ","))
            }
        }
        try Array(#""""#.utf8).withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            let count = try scanner.withString { $0.count }
            #expect(count == 0)
        }
        let broken = Array(#""a\x""#.utf8)
        broken.withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            #expect(throws: JSONScanner.SyntaxError.self) { try scanner.withString { $0.count } }
        }
    }
}
