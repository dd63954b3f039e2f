/// The findings of a lint run, in the order files were linted, with the `--max-errors` limit applied.
public struct LintReport: Sendable {
    /// The findings kept.
    public private(set) var findings: [LintFinding] = []
    /// Stop after this many errors; 0 means never.
    public let maximumErrors: Int
    /// Whether the limit was reached (later findings were not kept and later files should not be linted).
    public private(set) var isStopped = false
    private var errorCount = 0
    /// Policy ids seen so far, with the file that used each first.
    private var seenIDs: [String: String] = [:]

    public init(maximumErrors: Int) {
        self.maximumErrors = max(maximumErrors, 0)
    }

    /// Adds one linted file's findings, with `policy.duplicate_id` when an earlier file had the same id.
    /// - Returns: false once the limit is reached.
    @discardableResult
    public mutating func add(_ file: LintedFile) -> Bool {
        var findings = file.findings
        if let id = file.policyID {
            if let first = seenIDs[id] {
                findings.append(file.idFinding("id '\(id)' is already used by \(first)"))
                findings.sort(by: PolicyLinter.order)
            } else {
                seenIDs[id] = file.file
            }
        }
        return add(findings)
    }

    /// Adds findings, up to and including the error that reaches the limit.
    /// - Returns: false once the limit is reached.
    @discardableResult
    public mutating func add(_ newFindings: [LintFinding]) -> Bool {
        for finding in newFindings {
            guard !isStopped else { break }
            findings.append(finding)
            if finding.severity == .error {
                errorCount += 1
                if maximumErrors > 0, errorCount >= maximumErrors { isStopped = true }
            }
        }
        return !isStopped
    }

    /// Records that lint stopped early, naming what was left out.
    /// - Parameter filesLeft: How many files were not linted.
    public mutating func noteStopped(filesLeft: Int) {
        guard isStopped else { return }
        let rest = filesLeft > 0 ? "; \(filesLeft) more file\(filesLeft == 1 ? " was" : "s were") not linted" : ""
        findings.append(
            LintFinding(
                id: .tooManyErrors, file: "", path: "",
                message: "stopped after \(maximumErrors) error\(maximumErrors == 1 ? "" : "s") (--max-errors)\(rest)"))
    }

    /// Whether lint should exit 1: any error or warning (notes alone do not fail).
    public var hasFailures: Bool { findings.contains { $0.severity != .info } }

    /// How many findings of each severity were kept (the note that lint stopped early not counted).
    public func count(_ severity: LintFinding.Severity) -> Int {
        findings.filter { $0.severity == severity && $0.id != .tooManyErrors }.count
    }
}
