/// One problem lint found in a policy file: a stable id, a severity, where it is, what is wrong, and a one-line
/// hint on how to fix it.
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem; stable across releases (see ``FindingID``).
    public let id: FindingID
    /// How serious it is. Usually the id's default severity; some checks vary it (a suspected catastrophic
    /// pattern is a warning, a confirmed one an error).
    public let severity: Severity
    /// The policy file, as given to lint.
    public let file: String
    /// The JSON path inside the file (`accept[1].name`); empty for the whole file.
    public let path: String
    /// What is wrong, in one sentence.
    public let message: String
    /// How to fix it, in one line.
    public let hint: String
    /// Where it is in the file, when the file could be read as JSON text.
    public var location: TextLocation?
    /// The pattern (or other text) the finding is about, with the part to underline.
    public var excerpt: Excerpt?

    public init(
        id: FindingID, severity: Severity? = nil, file: String, path: String, message: String, hint: String? = nil,
        location: TextLocation? = nil, excerpt: Excerpt? = nil
    ) {
        self.id = id
        self.severity = severity ?? id.defaultSeverity
        self.file = file
        self.path = path
        self.message = message
        self.hint = hint ?? id.hint
        self.location = location
        self.excerpt = excerpt
    }

    /// `Policies/docs.json:4:21: error: accept[1].name: missing terminating ] … [policy.pattern_invalid]`.
    public var description: String {
        var head = file
        if let location { head += ":\(location.line):\(location.column)" }
        let subject = path.isEmpty ? "" : "\(path): "
        return "\(head): \(severity): \(subject)\(message) [\(id)]"
    }

    /// How serious a finding is. Lint exits 1 when any finding is an error or a warning; notes do not fail.
    public enum Severity: String, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
        /// The policy is broken or does something its author cannot have meant.
        case error
        /// The policy works but is risky or probably not what was meant.
        case warning
        /// Worth knowing; harmless as the policy stands.
        case info

        public var description: String { rawValue }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        /// Errors sort before warnings, warnings before notes.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }
}

/// A position in a policy file's text: lines and columns from 1, columns counted in Unicode scalars (SARIF's
/// `unicodeCodePoints`).
public struct TextLocation: Hashable, Sendable, Comparable {
    public let line: Int
    public let column: Int
    /// Where the reported text ends (exclusive), when it spans more than a point.
    public let endLine: Int?
    public let endColumn: Int?

    public init(line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    public static func < (lhs: TextLocation, rhs: TextLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A piece of text to print under a finding, with a range to underline (`^^^`).
public struct Excerpt: Hashable, Sendable {
    /// The text: a pattern as the engine sees it (JSON escapes decoded).
    public let text: String
    /// What to underline, in Unicode scalars of `text`; an empty range puts one caret at its position.
    public let highlight: Range<Int>

    public init(text: String, highlight: Range<Int>) {
        self.text = text
        self.highlight = highlight
    }
}
