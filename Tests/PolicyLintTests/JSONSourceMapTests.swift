import Foundation
import Testing
import UploadPolicy

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

    @Test func countsAByteOrderMarkAsTheFirstColumn() throws {
        let map = try Self.map("\u{FEFF}{\"a\": 1}")
        #expect(map.resolve("").node.start == .init(line: 1, column: 2))
        #expect(map.resolve("a").node.start == .init(line: 1, column: 8))
    }

    @Test func endsAreJustPastTheValue() throws {
        let map = try Self.map("{\n  \"a\": [1, \"é\"],\n  \"b\": null\n}")
        #expect(map.resolve("a").node.end == .init(line: 2, column: 16))
        #expect(map.resolve("a[1]").node.end == .init(line: 2, column: 15))
        #expect(map.resolve("").node.end == .init(line: 4, column: 2))
        #expect(map.integer(at: "b") == .some(nil))
    }

    @Test func aRepeatedKeyIsLocatedAtItsFirstOccurrence() throws {
        let map = try Self.map(#"{"id": "first", "accept": [{"name": "a", "name": "b"}], "id": "second"}"#)
        #expect(map.string(at: "id") == "first")
        #expect(map.string(at: "accept[0].name") == "a")
    }

    @Test(arguments: [
        ("{\"a\": }", "expected a value, found '}' at byte offset 6", 1, 7),
        ("{\"a\" 1}", "expected ':' after the property name, found '1' at byte offset 5", 1, 6),
        (
            "{\"a\": \"b\n\"}", "control character U+000A inside a string at byte offset 8; escape it as \\u000A",
            1, 9
        ),
        (
            "{\"a\": \"\\ud800\"}",
            "lone surrogate escape \\uD800 at byte offset 7; a high surrogate must be followed by a low one", 1, 8
        ),
        ("{\"a\": tru}", "expected a value, found 't' at byte offset 6", 1, 7),
        ("{\"a\": 01}", "a number cannot have a leading zero at byte offset 6", 1, 7),
        ("{\"ação\": 01}", "a number cannot have a leading zero at byte offset 11", 1, 10),
        ("{\"a\": [1, 2,]}", "expected a value, found ']' at byte offset 12", 1, 13),
        ("{\"a\": 1,}", "expected a property name in double quotes, found '}' at byte offset 8", 1, 9),
        ("{\n  \"a\": [1 2]\n}", "expected ',' or ']', found '2' at byte offset 12", 2, 11),
        ("{} x", "expected the end of the text after the JSON value, found 'x' at byte offset 3", 1, 4),
        ("", "the text is empty", 1, 1),
    ])
    func reportsTheEnginesSyntaxErrors(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        let error = #expect(throws: JSONSyntaxError.self) { try Self.map(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        let outside = #expect(throws: JSONSyntaxError.self) { try JSONSourceMap(bytes: [0x7B, 0xFF, 0x7D]) }
        #expect(outside?.message == "expected a property name in double quotes, found byte 0xFF at byte offset 1")
        let inside = #expect(throws: JSONSyntaxError.self) {
            try JSONSourceMap(bytes: Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        }
        #expect(inside?.message == "invalid UTF-8 (byte 0xC3) at byte offset 7")
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = #expect(throws: JSONSyntaxError.self) { try Self.map(deep) }
        #expect(error?.message == "nesting deeper than 64 levels at byte offset 64")
    }

    @Test func lintAndTheLoaderSayTheSameAboutBrokenJSON() throws {
        let text = "{\"id\": \"a\tb\"}"
        var loader = PolicyLoader(mimeDatabase: Fixtures.mime)
        #expect(loader.load(data: Data(text.utf8), source: "policy.json") == nil)
        let finding = try #require(Fixtures.lint(text).first)
        #expect(
            finding.message
                == #"not valid JSON: control character U+0009 inside a string at byte offset 9; escape it as \u0009"#)
        #expect(finding.location == TextLocation(line: 1, column: 10))
        #expect(loader.errors.map(\.message) == [finding.message + " (line 1, column 10)"])
    }
}
