/// A policy compiled and ready to decide: immutable, `Sendable`, shared by every thread.
///
/// Build one with ``PolicyLoader`` (or ``PolicySet/load(directory:mimeDatabase:defaultPolicyID:)``), then call
/// ``evaluate(_:)`` as often as needed. Evaluation does no I/O and touches no global state.
///
/// A final class of constants rather than a struct: a decision touches many of its parts, and one reference
/// is cheaper to pass around than a value holding a dozen.
public final class Policy: Sendable {
    /// The policy's id, unique within a set; used in `/validate/{id}`.
    public let id: String
    /// A human title.
    public let title: LocalizedText?
    /// Free-form description for operators.
    public let summary: String?
    /// Accept entries in order; the first whose name pattern matches picks the file's kind.
    public let acceptEntries: [AcceptEntry]
    /// Reject rules in order; the first that matches rejects.
    public let rejectRules: [RejectRule]
    /// Length limits on the name and on the reported size.
    public let limits: Limits
    /// Matching and type-handling options.
    public let options: Options
    /// Reason overrides by decision code.
    public let reasons: [DecisionCode: LocalizedText]
    /// Examples carried by the policy, run by `uploadgate test`.
    public let examples: [PolicyExample]
    /// Where it was loaded from (`<embedded>` for the built-in default).
    public let source: String
    /// A short hex digest of the file's bytes, to tell versions apart (not a security hash).
    public let contentHash: String
    /// The MIME database its types were resolved with.
    public let mimeDatabase: MIMEDatabase

    let inspector: NameInspector
    let acceptIndex: AcceptIndex
    let reasonContext: ReasonContext

    init(
        id: String, title: LocalizedText?, summary: String?, acceptEntries: [AcceptEntry], rejectRules: [RejectRule],
        limits: Limits, options: Options, reasons: [DecisionCode: LocalizedText], examples: [PolicyExample],
        source: String, contentHash: String, mimeDatabase: MIMEDatabase, inspector: NameInspector,
        acceptIndex: AcceptIndex, reasonContext: ReasonContext
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.acceptEntries = acceptEntries
        self.rejectRules = rejectRules
        self.limits = limits
        self.options = options
        self.reasons = reasons
        self.examples = examples
        self.source = source
        self.contentHash = contentHash
        self.mimeDatabase = mimeDatabase
        self.inspector = inspector
        self.acceptIndex = acceptIndex
        self.reasonContext = reasonContext
    }

    /// One `accept` entry: a kind of file the policy accepts.
    public final class AcceptEntry: Sendable {
        /// The JSON path of the entry, e.g. `accept[2]`.
        public let path: String
        /// What the kind is called in reasons ("PDF document").
        public let label: LocalizedText
        /// The pattern the name must contain.
        public let name: CompiledPattern
        /// The types a file of this kind may report, as written; empty means any type.
        public let types: [String]
        let typeRules: [TypeRule]
        /// The UTF-8 bytes of the concrete (canonical) types among ``typeRules``, for the exact-match fast path.
        let listedTypes: [[UInt8]]

        init(path: String, label: LocalizedText, name: CompiledPattern, types: [String], typeRules: [TypeRule]) {
            self.path = path
            self.label = label
            self.name = name
            self.types = types
            self.typeRules = typeRules
            self.listedTypes = typeRules.compactMap { rule in
                if case .kind(let type) = rule { Array(type.utf8) } else { nil }
            }
        }
    }

    /// One `reject` rule: names refused before any accept entry is considered.
    public final class RejectRule: Sendable {
        /// The JSON path of the rule, e.g. `reject[0]`.
        public let path: String
        /// The pattern that rejects the name when found.
        public let name: CompiledPattern
        /// The reason to give, if the rule has its own.
        public let reason: LocalizedText?

        init(path: String, name: CompiledPattern, reason: LocalizedText?) {
            self.path = path
            self.name = name
            self.reason = reason
        }
    }

    /// Limits; nil means unlimited.
    public struct Limits: Hashable, Sendable {
        /// Longest name in UTF-8 bytes after NFC normalisation (default 255).
        public var maxNameBytes: Int?
        /// Longest name in characters (extended grapheme clusters) after NFC normalisation (default 255).
        public var maxNameCharacters: Int?
        /// Largest accepted `length`, in bytes.
        public var maxSize: Int64?
        /// Smallest accepted `length`, in bytes.
        public var minSize: Int64?

        public static let `default` = Limits(maxNameBytes: 255, maxNameCharacters: 255, maxSize: nil, minSize: nil)
    }

    /// Options.
    public struct Options: Hashable, Sendable {
        /// Patterns ignore case (default true).
        public var caseInsensitive: Bool
        /// What to do when the browser reported no type or a generic one.
        public var emptyType: EmptyTypeHandling
        /// The built-in checks switched on.
        public var checks: Set<BuiltInCheck>
        /// Match bounds for every pattern.
        public var patternLimits: PatternLimits

        public static let `default` = Options(
            caseInsensitive: true, emptyType: .infer, checks: Set(BuiltInCheck.allCases), patternLimits: .default)
    }

    /// What an empty or generic reported type (`""`, `application/octet-stream`) means.
    public enum EmptyTypeHandling: String, CaseIterable, Hashable, Sendable {
        /// Use the type the extension implies, from the MIME database's globs (default).
        case infer
        /// Accept: the name alone decides.
        case accept
        /// Reject with `type.missing`.
        case reject
    }
}
