import CommandLineKit
import Foundation
import FoundationXML
import Testing

@Suite struct JUnitReportTests {
    static let trickyName = "a \"quoted\" <name> & 'x'\ttab\nline\u{0}nul\u{1B}esc \u{202E}fdp.exe 👩‍💻"

    let report = JUnitReport(
        name: "uploadgate test",
        suites: [
            .init(
                name: "Policies/documents.json",
                cases: [
                    .init(name: "Contrato.pdf", className: "documents", seconds: 0.0015, outcome: .passed),
                    .init(
                        name: trickyName, className: "documents",
                        outcome: .failed(message: "expected reject, got accept <accepted>", details: "a & b\n]]>")),
                    .init(name: "skipped.pdf", className: "documents", outcome: .skipped(message: nil)),
                ]),
            .init(
                name: "Policies/broken.json",
                cases: [.init(name: "load", className: "broken", outcome: .errored(message: "bad JSON", details: nil))]),
        ])

    @Test func parsesBackWithTheRightStructureAndCounts() throws {
        let document = try XMLDocument(data: Data(report.xml().utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        #expect(root.attribute(forName: "skipped")?.stringValue == "1")
        #expect(root.attribute(forName: "time")?.stringValue == "0.002")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 2)
        #expect(suites[0].attribute(forName: "name")?.stringValue == "Policies/documents.json")
        let cases = suites[0].elements(forName: "testcase")
        #expect(cases.count == 3)
        #expect(cases[0].childCount == 0)
        let failure = try #require(cases[1].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "expected reject, got accept <accepted>")
        #expect(failure.stringValue == "a & b\n]]>")
        #expect(cases[2].elements(forName: "skipped").count == 1)
        #expect(suites[1].elements(forName: "testcase").first?.elements(forName: "error").count == 1)
    }

    @Test func attributeValuesSurviveEscaping() throws {
        let document = try XMLDocument(data: Data(report.xml().utf8), options: [])
        let name = try document.nodes(forXPath: "//testcase[2]/@name").first?.stringValue
        // Everything XML can carry comes back exactly; NUL and ESC, which XML 1.0 cannot carry, come back visible.
        let expected = Self.trickyName.replacingOccurrences(of: "\u{0}", with: "\\u{0000}")
            .replacingOccurrences(of: "\u{1B}", with: "\\u{001B}")
        #expect(name == expected)
    }

    @Test func emptyReportIsStillWellFormed() throws {
        let xml = JUnitReport(name: "none", suites: []).xml()
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        #expect(document.rootElement()?.attribute(forName: "tests")?.stringValue == "0")
    }

    @Test func escapingRules() {
        #expect(XMLEscaping.text("a<b>&c\"'") == "a&lt;b&gt;&amp;c\"'")
        #expect(XMLEscaping.attribute("\"'\t\n\r") == "&quot;&apos;&#9;&#10;&#13;")
        #expect(XMLEscaping.text("\u{FFFE}\u{7}") == "\\u{FFFE}\\u{0007}")
        #expect(XMLEscaping.text("é\u{301}👩‍💻") == "é\u{301}👩‍💻")
    }
}

@Suite struct SARIFLogTests {
    let log = SARIFLog(
        toolName: "uploadgate", toolVersion: "0.1.0", informationURI: "https://example.invalid/uploadgate",
        rules: [
            .init(
                id: "policy.pattern_invalid", shortDescription: "The pattern does not compile.", defaultLevel: .error),
            .init(id: "lint.unanchored", shortDescription: "An accept pattern has no end anchor."),
        ],
        results: [
            .init(
                ruleID: "lint.unanchored", level: .warning, message: "'\\.pdf' has no end anchor",
                locations: [
                    .init(path: "Policies/my docs/relatório.json", line: 3, column: 14, logicalName: "accept[0].name")
                ]),
            .init(
                ruleID: "policy.pattern_invalid", level: .error, message: "missing terminating ]",
                locations: [.init(path: "/etc/uploadgate/a b.json")]),
            .init(ruleID: "undeclared.rule", level: .note, message: "no location"),
        ])

    @Test func hasEveryRequiredField() throws {
        let text = try log.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        #expect(object["$schema"] as? String == SARIFLog.schemaURI)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "uploadgate")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["policy.pattern_invalid", "lint.unanchored"])
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            #expect((result["message"] as? [String: Any])?["text"] is String)
            #expect(["none", "note", "warning", "error"].contains(result["level"] as? String ?? ""))
            #expect(result["ruleId"] is String)
        }
        #expect(results[0]["ruleIndex"] as? Int == 1)
        #expect(results[1]["ruleIndex"] as? Int == 0)
        #expect(results[2]["ruleIndex"] == nil)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect(
            (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
                == "Policies/my%20docs/relat%C3%B3rio.json")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 3)
        #expect(region["startColumn"] as? Int == 14)
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["fullyQualifiedName"] as? String == "accept[0].name")
        let second = try #require(
            (results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(
            (second["artifactLocation"] as? [String: Any])?["uri"] as? String == "file:///etc/uploadgate/a%20b.json")
        #expect(second["region"] == nil)
    }

    @Test func uriEncoding() {
        #expect(SARIFLog.uri(forPath: "a/b-c_d.e~f") == "a/b-c_d.e~f")
        #expect(SARIFLog.uri(forPath: "x#y?z%") == "x%23y%3Fz%25")
        #expect(SARIFLog.uri(forPath: "/abs") == "file:///abs")
    }
}
