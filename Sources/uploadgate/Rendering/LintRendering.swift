import CommandLineKit
import PolicyLint

/// The three shapes of a lint report: text for people, JSON for scripts, SARIF for code-scanning tools.
enum LintRendering {
    /// One finding per block, compiler style, then a summary line; nothing at all for a clean report.
    ///
    /// ```
    /// Policies/bad.json:5:37: error: accept[0].name: '(\w+\s?)*' repeats … [pattern.catastrophic]
    ///     (\w+\s?)*\.pdf$
    ///     ^^^^^^^^^
    ///   fix: let each character match one way: …
    /// ```
    static func text(_ report: LintReport, filesLinted: Int, width: Int, style: OutputStyle) -> String {
        guard !report.findings.isEmpty else { return "" }
        var output = report.findings.map { block($0, width: width, style: style) }.joined()
        var counts = LintFinding.Severity.allCases.compactMap { severity -> String? in
            let count = report.count(severity)
            guard count > 0 else { return nil }
            return Display.count(count, severity == .info ? "note" : severity.rawValue)
        }
        if counts.isEmpty { counts = ["no findings"] }
        let stopped = report.isStopped ? " (stopped early)" : ""
        output += counts.joined(separator: ", ") + " in " + Display.count(filesLinted, "file") + " linted\(stopped)\n"
        return output
    }

    /// One finding: the located message line, the excerpt with carets if any, and the fix.
    static func block(_ finding: LintFinding, width: Int, style: OutputStyle) -> String {
        var head = Display.visible(finding.file)
        if let location = finding.location { head += ":\(location.line):\(location.column)" }
        let subject = finding.path.isEmpty ? "" : Display.visible(finding.path) + ": "
        var output =
            (head.isEmpty ? "" : style.bold(head + ":") + " ") + severity(finding.severity, style) + " " + subject
            + Display.visible(finding.message) + " " + style.dim("[\(finding.id)]") + "\n"
        if let excerpt = finding.excerpt { output += caret(excerpt, width: width, style: style) }
        return output + "  " + style.dim("fix:") + " " + Display.visible(finding.hint) + "\n"
    }

    private static func severity(_ severity: LintFinding.Severity, _ style: OutputStyle) -> String {
        switch severity {
        case .error: style.error("error:")
        case .warning: style.warning("warning:")
        case .info: style.color(.cyan, "note:")
        }
    }

    /// The pattern on its own line with carets under the highlighted part, aligned by display width (wide
    /// characters take two columns) after escaping whatever a terminal would not show. A pattern wider than
    /// the line is cut to a window around the highlight, marked with `…` at the cut ends.
    static func caret(_ excerpt: Excerpt, width: Int, style: OutputStyle) -> String {
        let scalars = Array(excerpt.text.unicodeScalars)
        func shown(_ range: Range<Int>) -> String {
            let clamped = max(0, min(range.lowerBound, scalars.count))..<max(0, min(range.upperBound, scalars.count))
            return Display.visible(String(String.UnicodeScalarView(scalars[clamped])))
        }
        let budget = max(width - 6, 40)
        let lower = min(max(excerpt.highlight.lowerBound, 0), scalars.count)
        var start = 0
        var end = scalars.count
        if TextLayout.displayWidth(shown(0..<end)) > budget {
            start = max(0, lower - budget / 3)
            end = start
            while end < scalars.count, TextLayout.displayWidth(shown(start..<(end + 1))) <= budget - 2 { end += 1 }
        }
        let lead = start > 0 ? "…" : ""
        let tail = end < scalars.count ? "…" : ""
        let before = TextLayout.displayWidth(lead + shown(start..<lower))
        let visibleEnd = min(max(excerpt.highlight.upperBound, lower), end)
        let marked = max(1, TextLayout.displayWidth(shown(lower..<visibleEnd)))
        return "    " + lead + shown(start..<end) + tail + "\n"
            + "    " + String(repeating: " ", count: before)
            + style.color(.green, String(repeating: "^", count: marked))
            + "\n"
    }
}
