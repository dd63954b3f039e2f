import CommandLineKit
import PolicyLint

extension LintRendering {
    /// `{"findings": [...]}`; `{"findings": []}` when clean.
    static func json(_ report: LintReport) throws -> String {
        try JSONOutput.encode(JSONReport(findings: report.findings.map(JSONFinding.init)))
    }

    /// A SARIF 2.1.0 log: every finding id as a rule, every finding as a result located by line and column,
    /// with its JSON path as the logical location.
    static func sarif(_ report: LintReport, version: String) throws -> String {
        let rules = FindingID.all.map { id in
            SARIFLog.Rule(
                id: id.rawValue, shortDescription: id.summary, fullDescription: "\(id.summary) Fix: \(id.hint).",
                defaultLevel: level(id.defaultSeverity))
        }
        let results = report.findings.map { finding in
            SARIFLog.Result(
                ruleID: finding.id.rawValue, level: level(finding.severity),
                message: "\(finding.message). Fix: \(finding.hint).",
                locations: finding.file.isEmpty
                    ? []
                    : [
                        SARIFLog.Location(
                            path: finding.file, line: finding.location?.line, column: finding.location?.column,
                            endLine: finding.location?.endLine, endColumn: finding.location?.endColumn,
                            logicalName: finding.path.isEmpty ? nil : finding.path)
                    ])
        }
        return try SARIFLog(
            toolName: "uploadgate", toolVersion: version, rules: rules, results: results
        ).json()
    }

    private static func level(_ severity: LintFinding.Severity) -> SARIFLog.Level {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .note
        }
    }

    private struct JSONReport: Encodable {
        let findings: [JSONFinding]
    }

    /// A finding as JSON; `test` reports load errors in the same shape.
    struct JSONFinding: Encodable {
        struct Excerpt: Encodable {
            let text: String
            let start: Int
            let end: Int
        }

        let id: String
        let severity: String
        let file: String
        let path: String
        let line: Int?
        let column: Int?
        let endLine: Int?
        let endColumn: Int?
        let message: String
        let hint: String
        let excerpt: Excerpt?

        init(_ finding: LintFinding) {
            id = finding.id.rawValue
            severity = finding.severity.rawValue
            file = finding.file
            path = finding.path
            line = finding.location?.line
            column = finding.location?.column
            endLine = finding.location?.endLine
            endColumn = finding.location?.endColumn
            message = finding.message
            hint = finding.hint
            excerpt = finding.excerpt.map {
                Excerpt(text: $0.text, start: $0.highlight.lowerBound, end: $0.highlight.upperBound)
            }
        }
    }
}
