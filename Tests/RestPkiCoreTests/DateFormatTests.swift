import Foundation
import Testing

@testable import RestPkiCore

@Suite("Lenient ISO-8601 dates")
struct DateFormatTests {
    /// 2024-05-01T12:34:56Z as seconds since 1970.
    static let base: TimeInterval = 1_714_566_896

    static let acceptedCases: [(String, TimeInterval)] = [
        ("2024-05-01T12:34:56Z", base),
        ("2024-05-01T12:34:56z", base),
        ("2024-05-01t12:34:56Z", base),
        ("2024-05-01 12:34:56Z", base),
        ("2024-05-01T12:34:56", base),
        ("2024-05-01T12:34:56+00:00", base),
        ("2024-05-01T09:34:56-03:00", base),
        ("2024-05-01T09:34:56-0300", base),
        ("2024-05-01T09:34:56-03", base),
        ("2024-05-01T18:04:56+05:30", base),
        ("2024-05-01T12:34:56.5Z", base + 0.5),
        ("2024-05-01T12:34:56,25Z", base + 0.25),
        ("2024-05-01T12:34:56.123Z", base + 0.123),
        ("2024-05-01T12:34:56.1234567Z", base + 0.1234567),
        ("2024-05-01T12:34:56.123456789123Z", base + 0.123456789),
        ("2024-05-01T09:34:56.1234567-03:00", base + 0.1234567),
        ("2024-05-01T12:34Z", base - 56),
        ("2024-05-01", base - 45_296),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1),
        ("0001-01-01T00:00:00", -62_135_596_800),
        ("9999-12-31T23:59:59Z", 253_402_300_799),
    ]

    @Test("Accepted forms", arguments: acceptedCases)
    func accepted(text: String, expected: TimeInterval) throws {
        let date = try #require(RestPkiDateFormat.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - expected) < 1e-6, "\(text) → \(date.timeIntervalSince1970)")
    }

    @Test(
        "Rejected forms",
        arguments: [
            "", "yesterday", "2024-05-01T", "2024-5-1T12:34:56Z", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z",
            "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:60:00Z", "2024-05-01T12:34:61Z",
            "2024-05-01T12:34:56.Z", "2024-05-01T12:34:56+25:00", "2024-05-01T12:34:56+03:60", "2024-05-01T12:34:56 Z",
            "2024-05-01T12:34:56Zjunk", "20240501T123456Z", "2024-05-01T12:34:56+3", " 2024-05-01T12:34:56Z",
            "1714566896", "2024-05-01T12:34:56.123+", "２０２４-05-01T12:34:56Z",
        ])
    func rejected(text: String) {
        #expect(RestPkiDateFormat.date(from: text) == nil)
    }

    static let writingCases: [(TimeInterval, String)] = [
        (base, "2024-05-01T12:34:56Z"),
        (base + 0.12, "2024-05-01T12:34:56.120Z"),
        (base + 0.9996, "2024-05-01T12:34:57Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
    ]

    @Test("Writing: UTC with Z, milliseconds only when not zero", arguments: writingCases)
    func writing(seconds: TimeInterval, expected: String) {
        #expect(RestPkiDateFormat.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("Written dates read back")
    func roundTrip() throws {
        for seconds in stride(from: -5_000_000_000.0, through: 5_000_000_000.0, by: 123_456_789.125) {
            let date = Date(timeIntervalSince1970: seconds)
            let back = try #require(RestPkiDateFormat.date(from: RestPkiDateFormat.string(from: date)))
            #expect(abs(back.timeIntervalSince1970 - seconds) < 0.001)
        }
    }

    @Test("Models use the lenient reader even with a decoder configured otherwise")
    func decoderStrategyIsIrrelevant() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let json = "{\"id\":\"\(Samples.documentId)\",\"dateSigned\":\"2024-05-01T09:34:56-03:00\"}"
        let document = try decoder.decode(SignatureSessionDocumentSummary.self, from: Data(json.utf8))
        #expect(document.dateSigned?.timeIntervalSince1970 == Self.base)
    }
}
