public import UploadPolicy

/// The stable id of a kind of lint finding. Ids never change meaning; new ones may be added.
///
/// Load problems keep the engine's codes (`policy.pattern_invalid`, …) so that lint, `test` and `serve` name
/// a broken policy the same way. The lint's own checks are `pattern.*`, `type.*`, `entry.*` and `example.*`.
public struct FindingID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: FindingID, rhs: FindingID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A finding for an engine load problem.
    public init(_ code: PolicyLoadError.Code) { rawValue = code.rawValue }

    /// A pattern that can make PCRE2 backtrack catastrophically: nested or overlapping repeats. An error when
    /// probing confirmed it, a warning when only suspected from the pattern's shape.
    public static let catastrophicPattern = FindingID(rawValue: "pattern.catastrophic")
    /// An accept pattern without an end anchor: `\.pdf` also accepts `x.pdf.exe`.
    public static let unanchoredPattern = FindingID(rawValue: "pattern.unanchored")
    /// A .NET class subtraction `[a-z-[aeiou]]`, which PCRE2 reads as a different class plus a literal `]`.
    public static let dotNetClassSubtraction = FindingID(rawValue: "pattern.dotnet_class_subtraction")
    /// `\Z`, or `$` in multiline mode: they match before a newline, as .NET's `$` does.
    public static let dotNetDollar = FindingID(rawValue: "pattern.dotnet_dollar")
    /// An accept entry names a MIME type the MIME database does not know.
    public static let unknownType = FindingID(rawValue: "type.unknown")
    /// An accept entry that can never be picked because an earlier rule always decides first.
    public static let unreachableEntry = FindingID(rawValue: "entry.unreachable")
    /// One of the policy's own examples does not get the decision it expects.
    public static let contradictingExample = FindingID(rawValue: "example.contradicts")
    /// Lint stopped after `--max-errors` errors.
    public static let tooManyErrors = FindingID(PolicyLoadError.Code.tooManyErrors)
}

extension FindingID {
    /// Every id lint can report, in the order documentation and SARIF rules list them.
    public static let all: [FindingID] = [
        FindingID(.unreadable), FindingID(.invalidJSON), FindingID(.unknownKey), FindingID(.missingKey),
        FindingID(.wrongType), FindingID(.invalidValue), FindingID(.invalidPattern), FindingID(.invalidType),
        FindingID(.unknownPlaceholder), FindingID(.duplicateID), FindingID(.duplicateKey), .catastrophicPattern,
        .unanchoredPattern,
        .dotNetClassSubtraction, .dotNetDollar, .unknownType, .unreachableEntry, .contradictingExample,
        .tooManyErrors,
    ]

    /// The severity findings of this id have unless the check says otherwise.
    public var defaultSeverity: LintFinding.Severity {
        switch self {
        case .unanchoredPattern, .unknownType, .unreachableEntry, .dotNetDollar: .warning
        default: .error
        }
    }

    /// What the id means, in one line (SARIF `shortDescription`, the table in docs/cli.md).
    public var summary: String {
        switch rawValue {
        case "policy.unreadable": "A policy file or folder cannot be read."
        case "policy.json_invalid": "A policy file is not valid JSON."
        case "policy.unknown_key": "A key the policy format does not define (often a typo)."
        case "policy.missing_key": "A required key is missing."
        case "policy.wrong_type": "A value has the wrong JSON type."
        case "policy.invalid_value": "A value is not allowed (bad id, negative size, unknown option or code)."
        case "policy.pattern_invalid": "A pattern PCRE2 cannot compile."
        case "policy.type_invalid": "A MIME type that does not parse."
        case "policy.reason_placeholder": "A reason names a placeholder that does not exist."
        case "policy.duplicate_id": "Two policies share an id."
        case "policy.too_many_errors": "Lint stopped early after --max-errors errors."
        case "policy.duplicate_key": "A key written twice in one object; the engine refuses the file."
        case "pattern.catastrophic": "A pattern prone to catastrophic backtracking (nested or overlapping repeats)."
        case "pattern.unanchored": "An accept pattern without an end anchor also accepts longer names."
        case "pattern.dotnet_class_subtraction": "A .NET class subtraction, which PCRE2 reads differently."
        case "pattern.dotnet_dollar": "An anchor that matches before a newline, as .NET's '$' does."
        case "type.unknown": "A MIME type the MIME database does not know."
        case "entry.unreachable": "An accept entry that can never be picked: an earlier rule always decides first."
        case "example.contradicts": "An example the policy does not decide as the example expects."
        default: "A policy problem."
        }
    }

    /// How to fix findings of this id, in one line; checks may give a more specific hint.
    public var hint: String {
        switch rawValue {
        case "policy.unreadable": "check the path and its permissions"
        case "policy.json_invalid": "fix the JSON syntax at the position shown; a policy is one JSON object"
        case "policy.unknown_key": "remove the key or correct its spelling"
        case "policy.missing_key": "add the key"
        case "policy.wrong_type": "give a value of the expected JSON type"
        case "policy.invalid_value": "use one of the allowed values"
        case "policy.pattern_invalid": "correct the pattern at the caret (PCRE2 syntax)"
        case "policy.type_invalid": "write type/subtype (application/pdf), type/* or */*, without parameters"
        case "policy.reason_placeholder": "use one of the placeholders listed in the message"
        case "policy.duplicate_id": "give each policy its own id"
        case "policy.too_many_errors": "fix the errors shown, or run with --max-errors 0 to see them all"
        case "policy.duplicate_key": "keep one of the two, merging them if both say something"
        case "pattern.catastrophic": "rewrite so each character can be matched in only one way, or use (?>…)"
        case "pattern.unanchored": "end the pattern with $ (for example \\.pdf$)"
        case "pattern.dotnet_class_subtraction": "list the wanted characters instead, e.g. [b-df-hj-np-tv-z]"
        case "pattern.dotnet_dollar": "write $ (UploadGate's $ matches only at the very end) or \\z"
        case "type.unknown": "use a type from the MIME database (/usr/share/mime), e.g. application/pdf"
        case "entry.unreachable": "remove the entry, or move it before the rule that shadows it"
        case "example.contradicts": "fix the policy or the example; 'uploadgate explain' shows each step"
        default: "see 'uploadgate lint --help'"
        }
    }
}
