import Testing

@testable import PolicyLint

@Suite("JSON locator")
struct JSONSourceMapTests {
    static func map(_ text: String) throws -> JSONSourceMap { try JSONSourceMap(bytes: Array(text.utf8)) }

    @Test func locatesValuesAndKeysByPath() throws {
        let map = try Self.map(
            """
            {
              "id": "x",
              "accept": [
                { "label": "PDF", "name": "\\\\.pdf$" },
                { "label": "Word", "types": ["a/b", "c/d"] }
              ],
              "reasons": { "name.not_accepted": { "en": "No." } }
            }
            """)
        let name = map.resolve("accept[0].name")
        #expect(name.isExact)
        #expect(name.node.start == .init(line: 4, column: 31))
        #expect(name.member?.keyStart == .init(line: 4, column: 23))
        #expect(map.resolve("accept[1].types[1]").node.start == .init(line: 5, column: 41))
        #expect(map.resolve("reasons.name.not_accepted.en").node.start == .init(line: 7, column: 45))
        let missing = map.resolve("accept[1].name")
        #expect(!missing.isExact)
        #expect(missing.node.start == .init(line: 5, column: 5), "the deepest node that exists")
        #expect(map.resolve("").node.start == .init(line: 1, column: 1))
    }

    @Test func mapsDecodedOffsetsBackThroughEscapes() throws {
        let map = try Self.map(#"{"name": "a\\b\u00e9\ud83d\ude00c"}"#)
        guard case .string(let text) = map.resolve("name").node.value else {
            Issue.record("not a string")
            return
        }
        #expect(text.text == "a\\bé😀c")
        #expect(text.columns == [11, 12, 14, 15, 21, 33, 34], "each scalar at its escape; then the closing quote")
    }

    @Test func countsColumnsInScalars() throws {
        let map = try Self.map("{\"ação\": \"契約\", \"x\": 1}")
        #expect(map.resolve("x").node.start == .init(line: 1, column: 21))
        #expect(map.integer(at: "x") == .some(1))
    }

    @Test func toleratesWhatTheEngineTolerates() throws {
        let map = try Self.map(#"{"a": [1, 2,], "b": {"c": true,},}"#)
        #expect(map.count(at: "a") == 2)
        #expect(map.bool(at: "b.c") == true)
    }

    @Test func aRepeatedKeyIsLocatedAtItsFirstOccurrence() throws {
        let map = try Self.map(#"{"id": "first", "accept": [{"name": "a", "name": "b"}], "id": "second"}"#)
        #expect(map.string(at: "id") == "first")
        #expect(map.string(at: "accept[0].name") == "a")
    }

    @Test(arguments: [
        ("{\"a\": }", "unexpected character '}'; a value was expected", 1, 7),
        ("{\"a\" 1}", "expected ':' after the key", 1, 6),
        ("{\"a\": \"b\n\"}", "control character U+000A inside a string", 1, 9),
        ("{\"a\": \"\\ud800\"}", "'\\uD800' is half of a surrogate pair; a string cannot hold it alone", 1, 14),
        ("{\"a\": tru}", "unexpected characters; did you mean 'true'?", 1, 10),
        ("{\"a\": 01}", "expected ',' or '}' after an object member", 1, 8),
        ("{} x", "unexpected text after the JSON value", 1, 4),
        ("", "unexpected end of text; a value was expected", 1, 1),
    ])
    func reportsSyntaxErrorsWithPositions(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        let error = #expect(throws: JSONSourceMap.SyntaxError.self) { try Self.map(text) }
        #expect(error?.message == message)
        #expect(error?.position == JSONSourceMap.Position(line: line, column: column))
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSourceMap.SyntaxError.self) { try JSONSourceMap(bytes: [0x7B, 0xFF, 0x7D]) }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = #expect(throws: JSONSourceMap.SyntaxError.self) { try Self.map(deep) }
        #expect(error?.message == "nested more than 512 levels deep")
    }
}
