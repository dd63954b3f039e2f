/// A JUnit XML report (the dialect Jenkins, GitLab and GitHub test reporters read), for `test --format junit`.
///
/// ```swift
/// let report = JUnitReport(name: "uploadgate test", suites: [
///     .init(name: "Policies/documents.json", cases: [
///         .init(name: "Contrato.pdf", className: "documents", outcome: .passed),
///         .init(name: "x.exe.pdf", className: "documents",
///               outcome: .failed(message: "expected reject, got accept", details: nil)),
///     ]),
/// ])
/// output.write(report.xml())
/// ```
public struct JUnitReport: Sendable, Equatable {
    /// How one test case ended.
    public enum Outcome: Sendable, Equatable {
        case passed
        /// The test ran and its expectation did not hold.
        case failed(message: String, details: String?)
        /// The test could not run (its input was broken).
        case errored(message: String, details: String?)
        case skipped(message: String?)
    }

    /// One test case.
    public struct TestCase: Sendable, Equatable {
        public var name: String
        /// The group within the suite; shown by most viewers as the test's class.
        public var className: String
        /// Seconds the case took, when measured.
        public var seconds: Double?
        public var outcome: Outcome

        public init(name: String, className: String, seconds: Double? = nil, outcome: Outcome) {
            self.name = name
            self.className = className
            self.seconds = seconds
            self.outcome = outcome
        }
    }

    /// A group of cases, e.g. one policy file's examples.
    public struct Suite: Sendable, Equatable {
        public var name: String
        public var cases: [TestCase]

        public init(name: String, cases: [TestCase]) {
            self.name = name
            self.cases = cases
        }

        fileprivate var counts: (tests: Int, failures: Int, errors: Int, skipped: Int, seconds: Double) {
            var counts = (tests: cases.count, failures: 0, errors: 0, skipped: 0, seconds: 0.0)
            for testCase in cases {
                counts.seconds += testCase.seconds ?? 0
                switch testCase.outcome {
                case .passed: break
                case .failed: counts.failures += 1
                case .errored: counts.errors += 1
                case .skipped: counts.skipped += 1
                }
            }
            return counts
        }
    }

    /// The report's name (the `<testsuites name>`).
    public var name: String
    public var suites: [Suite]

    public init(name: String, suites: [Suite]) {
        self.name = name
        self.suites = suites
    }

    /// The report as an XML document, UTF-8, ending in a newline.
    public func xml() -> String {
        let all = suites.map(\.counts)
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        lines.append(
            "<testsuites"
                + attributes([
                    ("name", name), ("tests", "\(all.reduce(0) { $0 + $1.tests })"),
                    ("failures", "\(all.reduce(0) { $0 + $1.failures })"),
                    ("errors", "\(all.reduce(0) { $0 + $1.errors })"),
                    ("skipped", "\(all.reduce(0) { $0 + $1.skipped })"),
                    ("time", Self.seconds(all.reduce(0) { $0 + $1.seconds })),
                ]) + ">")
        for suite in suites {
            let counts = suite.counts
            lines.append(
                "  <testsuite"
                    + attributes([
                        ("name", suite.name), ("tests", "\(counts.tests)"), ("failures", "\(counts.failures)"),
                        ("errors", "\(counts.errors)"), ("skipped", "\(counts.skipped)"),
                        ("time", Self.seconds(counts.seconds)),
                    ]) + ">")
            for testCase in suite.cases { lines += element(for: testCase) }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func element(for testCase: TestCase) -> [String] {
        let open =
            "    <testcase"
            + attributes([
                ("name", testCase.name), ("classname", testCase.className),
                ("time", Self.seconds(testCase.seconds ?? 0)),
            ])
        switch testCase.outcome {
        case .passed:
            return [open + "/>"]
        case .failed(let message, let details):
            return [open + ">", child("failure", message: message, details: details), "    </testcase>"]
        case .errored(let message, let details):
            return [open + ">", child("error", message: message, details: details), "    </testcase>"]
        case .skipped(let message):
            let skipped = "      <skipped" + attributes(message.map { [("message", $0)] } ?? []) + "/>"
            return [open + ">", skipped, "    </testcase>"]
        }
    }

    private func child(_ tag: String, message: String, details: String?) -> String {
        let head = "      <\(tag)" + attributes([("message", message)])
        guard let details, !details.isEmpty else { return head + "/>" }
        return head + ">" + XMLEscaping.text(details) + "</\(tag)>"
    }

    private func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined()
    }

    /// Seconds with millisecond precision and a dot, whatever the locale: "0.012".
    static func seconds(_ value: Double) -> String {
        let milliseconds = Int((max(value, 0) * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
