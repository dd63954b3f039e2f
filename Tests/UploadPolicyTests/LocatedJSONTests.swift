import Testing
import UploadPolicy

@Suite("Located JSON and text positions")
struct LocatedJSONTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> LocatedJSONValue {
        try JSONParser.parseLocated(Array(text.utf8))
    }

    @Test func recordsTheBytesOfEveryValueAndKey() throws {
        let value = try Self.parse(#" {"a": [1, true, null], "b": "x", "c": {}} "#)
        #expect(value.range == 1..<42)
        guard case .object(let members) = value.content else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "c"])
        #expect(members.map(\.keyRange) == [2..<5, 24..<27, 34..<37])
        #expect(members.map(\.value.range) == [7..<22, 29..<32, 39..<41])
        guard case .array(let items) = members[0].value.content else {
            Issue.record("not an array")
            return
        }
        #expect(items.map(\.range) == [8..<9, 11..<15, 17..<21])
    }

    @Test func mapsEachScalarOfAStringToItsSource() throws {
        let value = try Self.parse(#""a\\bé\u00e9\ud83d\ude00c""#)
        guard case .string(let text, let offsets) = value.content else {
            Issue.record("not a string")
            return
        }
        #expect(text == "a\\béé😀c")
        #expect(offsets == [1, 2, 4, 5, 7, 13, 25, 26], "each scalar at its escape or first byte; then the quote")
    }

    @Test func refusesWhatParseRefusesWithTheSameError() {
        for text in ["", "{\"a\":1,}", "[1 2]", "{\"a\":\"\\ud800\"}", "{} x"] {
            let plain = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
            let located = #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
            #expect(plain == located)
        }
    }

    @Test func columnsCountScalarsAndLinesEndAtLineFeeds() {
        let positions = TextPositions(Array("ação\r\n{é😀}\n".utf8))
        #expect(positions.position(ofByte: 0) == .init(line: 1, column: 1))
        #expect(positions.position(ofByte: 6) == .init(line: 1, column: 5), "the CR, after four scalars")
        #expect(positions.position(ofByte: 8) == .init(line: 2, column: 1))
        #expect(positions.position(ofByte: 11) == .init(line: 2, column: 3), "after '{' and 'é'")
        #expect(positions.position(ofByte: 15) == .init(line: 2, column: 4), "after the four bytes of '😀'")
        #expect(positions.position(ofByte: 17) == .init(line: 3, column: 1), "the end of the text")
        #expect(positions.position(ofByte: 99) == .init(line: 3, column: 1), "clamped to the end")
    }

    @Test func longLinesAreCountedAcrossSamples() {
        let line = String(repeating: "é", count: 100) + "x"
        let positions = TextPositions(Array(("a\n" + line).utf8))
        #expect(positions.position(ofByte: 202) == .init(line: 2, column: 101))
        #expect(positions.position(ofByte: 203) == .init(line: 2, column: 102))
    }

    @Test func syntaxErrorColumnsCountScalars() {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("{\"ação\": 01}".utf8)) }
        #expect(error?.offset == 11)
        #expect(error?.description == "a number cannot have a leading zero at byte offset 11 (line 1, column 10)")
    }
}
