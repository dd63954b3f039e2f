/// One problem found while loading a policy, located by file and JSON path.
///
/// Prints as `Policies/docs.json: accept[1].name: offset 7: missing terminating ] for character class
/// [policy.pattern_invalid]`.
public struct PolicyLoadError: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    /// A stable code for the kind of problem.
    public let code: Code
    /// The policy file, as given to the loader (or `<embedded>`).
    public let file: String
    /// The JSON path inside the file, e.g. `accept[1].name`; empty for the whole file.
    public let path: String
    /// For pattern errors, the character offset in the pattern where PCRE2 saw the problem.
    public let offset: Int?
    /// What is wrong and what was expected.
    public let message: String

    public init(code: Code, file: String, path: String, offset: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.path = path
        self.offset = offset
        self.message = message
    }

    public var description: String {
        var parts = [file]
        if !path.isEmpty { parts.append(path) }
        if let offset { parts.append("offset \(offset)") }
        parts.append("\(message) [\(code)]")
        return parts.joined(separator: ": ")
    }

    public static func < (lhs: PolicyLoadError, rhs: PolicyLoadError) -> Bool {
        (lhs.file, lhs.path, lhs.offset ?? -1, lhs.message) < (rhs.file, rhs.path, rhs.offset ?? -1, rhs.message)
    }

    /// The kinds of load problems. New codes may be added.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file could not be read.
        public static let unreadable = Code(rawValue: "policy.unreadable")
        /// The file is not valid JSON.
        public static let invalidJSON = Code(rawValue: "policy.json_invalid")
        /// A key the format does not define (typos must not silently weaken a policy).
        public static let unknownKey = Code(rawValue: "policy.unknown_key")
        /// A required key is absent.
        public static let missingKey = Code(rawValue: "policy.missing_key")
        /// A key given twice in one object (which one would count is not obvious, so neither does).
        public static let duplicateKey = Code(rawValue: "policy.duplicate_key")
        /// A value of the wrong JSON type.
        public static let wrongType = Code(rawValue: "policy.wrong_type")
        /// A value of the right type but not allowed (negative size, unknown option value, bad id).
        public static let invalidValue = Code(rawValue: "policy.invalid_value")
        /// A pattern PCRE2 cannot compile.
        public static let invalidPattern = Code(rawValue: "policy.pattern_invalid")
        /// A MIME type that does not parse.
        public static let invalidType = Code(rawValue: "policy.type_invalid")
        /// A reason template naming a placeholder that does not exist.
        public static let unknownPlaceholder = Code(rawValue: "policy.reason_placeholder")
        /// Two policies in one set share an id.
        public static let duplicateID = Code(rawValue: "policy.duplicate_id")
        /// The set names a default policy that is not in it, or cannot tell which one is the default.
        public static let noDefault = Code(rawValue: "policy.no_default")
        /// Too many errors; the rest were not listed.
        public static let tooManyErrors = Code(rawValue: "policy.too_many_errors")
    }
}

/// Everything wrong with a policy or a policy set; nothing was loaded.
public struct PolicyLoadErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by file, path and offset.
    public let errors: [PolicyLoadError]

    public init(_ errors: [PolicyLoadError]) { self.errors = errors.sorted() }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
