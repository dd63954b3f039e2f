import CommandLineKit
import UploadPolicy

/// The shapes of a `check` report.
enum CheckRendering {
    /// Everything `check` found, gathered once for both formats.
    struct Report {
        let policy: Policy
        let reports: [FileReport]
        let skipped: [FileWalk.Skipped]
        let unreadable: [FileProblem]

        var accepted: Int { reports.filter(\.decision.isAccepted).count }
        var rejected: Int { reports.count - accepted }
        var disagreeing: Int {
            reports.filter { if case .disagree = $0.comparison { true } else { false } }.count
        }

        /// Rejections by decision code, most frequent first.
        var rejectionsByCode: [(code: String, count: Int)] {
            let codes = Dictionary(grouping: reports.filter { !$0.decision.isAccepted }, by: \.decision.code.rawValue)
            return codes.map { ($0.key, $0.value.count) }.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
        }
    }

    static func text(_ report: Report, style: OutputStyle) -> String {
        var output = ""
        for file in report.reports {
            let verdict = TraceRendering.verdict(file.decision)
            output +=
                style.bold(Display.visible(file.file.path)) + ": "
                + (file.decision.isAccepted ? style.success(verdict) : style.error(verdict)) + "\n"
            var types = "  browser type " + (file.browserType ?? "none") + " · libmagic " + file.contentType
            if case .notCompared(let why) = file.comparison { types += style.dim(" (\(why))") }
            output += types + "\n"
            if case .disagree(let what) = file.comparison {
                output += "  " + style.warning("warning:") + " name and content disagree: \(what)\n"
            }
        }
        for entry in report.skipped {
            output += style.bold(Display.visible(entry.path)) + ": " + style.dim("skipped: \(entry.reason)") + "\n"
        }
        for problem in report.unreadable {
            output +=
                style.bold(Display.visible(problem.path)) + ": " + style.error("error:") + " "
                + Display.visible(problem.message) + "\n"
        }
        return output + "\n" + summary(report, style: style)
    }

    private static func summary(_ report: Report, style: OutputStyle) -> String {
        var rows: [(String, Int)] = [("files checked", report.reports.count), ("  accepted", report.accepted)]
        rows.append(("  rejected", report.rejected))
        rows += report.rejectionsByCode.map { ("    " + $0.code, $0.count) }
        rows += [
            ("name and content disagree", report.disagreeing), ("skipped", report.skipped.count),
            ("unreadable", report.unreadable.count),
        ]
        let labelWidth = rows.map { TextLayout.displayWidth($0.0) }.max() ?? 0
        let numberWidth = rows.map { String($0.1).count }.max() ?? 1
        var output = style.bold("SUMMARY") + " (policy \(report.policy.id))\n"
        for (label, count) in rows {
            let number = String(count)
            output +=
                "  " + TextLayout.pad(label, to: labelWidth) + "  "
                + String(repeating: " ", count: numberWidth - number.count) + number + "\n"
        }
        return output
    }

    static func json(_ report: Report) throws -> String {
        let files = report.reports.map(JSONFile.init)
        let summary = JSONSummary(
            checked: report.reports.count, accepted: report.accepted, rejected: report.rejected,
            disagreeing: report.disagreeing, skipped: report.skipped.count, unreadable: report.unreadable.count,
            rejectionsByCode: Dictionary(uniqueKeysWithValues: report.rejectionsByCode.map { ($0.code, $0.count) }))
        return try JSONOutput.encode(
            JSONDocument(
                policy: JSONPolicy(id: report.policy.id, file: report.policy.source), files: files,
                skipped: report.skipped.map { JSONEntry(path: $0.path, message: $0.reason) },
                errors: report.unreadable.map { JSONEntry(path: $0.path, message: $0.message) }, summary: summary))
    }

    private struct JSONDocument: Encodable {
        let policy: JSONPolicy
        let files: [JSONFile]
        let skipped: [JSONEntry]
        let errors: [JSONEntry]
        let summary: JSONSummary
    }

    private struct JSONPolicy: Encodable {
        let id: String
        let file: String
    }

    private struct JSONEntry: Encodable {
        let path: String
        let message: String
    }

    private struct JSONSummary: Encodable {
        let checked: Int
        let accepted: Int
        let rejected: Int
        let disagreeing: Int
        let skipped: Int
        let unreadable: Int
        let rejectionsByCode: [String: Int]
    }

    private struct JSONFile: Encodable {
        let path: String
        let name: String
        let size: Int64
        let browserType: String?
        let contentType: String
        let decision: ExplainRendering.JSONDecision
        /// `agree`, `disagree` or `not-compared`.
        let comparison: String
        let comparisonDetail: String?

        init(_ report: FileReport) {
            path = report.file.path
            name = report.file.name
            size = report.file.size
            browserType = report.browserType
            contentType = report.contentType
            decision = ExplainRendering.JSONDecision(report.decision)
            switch report.comparison {
            case .agree: (comparison, comparisonDetail) = ("agree", nil)
            case .disagree(let detail): (comparison, comparisonDetail) = ("disagree", detail)
            case .notCompared(let detail): (comparison, comparisonDetail) = ("not-compared", detail)
            }
        }
    }
}
