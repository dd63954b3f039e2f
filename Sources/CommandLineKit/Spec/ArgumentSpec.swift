/// How many values a positional argument takes.
public enum Arity: Sendable, Equatable {
    /// Exactly one value: `<name>`.
    case one
    /// Zero or one value: `[<name>]`.
    case optional
    /// At least one value: `<name> ...`. Only the last positional argument may be variadic.
    case oneOrMore
    /// Any number of values: `[<name> ...]`. Only the last positional argument may be variadic.
    case zeroOrMore

    /// Whether the argument may be left out.
    public var isOptional: Bool { self == .optional || self == .zeroOrMore }
    /// Whether the argument takes every remaining value.
    public var isVariadic: Bool { self == .oneOrMore || self == .zeroOrMore }
}

/// One positional argument of a command, such as `<path> ...`.
public struct ArgumentSpec: Sendable {
    /// The key under which `ParsedArguments` stores the values; shown as `<name>` in help.
    public var name: String
    /// One sentence for the ARGUMENTS section of the help.
    public var help: String
    /// How many values it takes.
    public var arity: Arity
    /// What each value must look like.
    public var kind: ValueKind

    /// Declares a positional argument.
    ///
    /// - Parameters:
    ///   - name: the key and help label, lower-case with dashes (`path`, shown as `<path>`).
    ///   - arity: how many values it takes (default: exactly one).
    ///   - kind: what each value must look like (default: any text).
    ///   - help: one sentence for the help.
    public init(_ name: String, arity: Arity = .one, kind: ValueKind = .string, help: String) {
        self.name = name
        self.help = help
        self.arity = arity
        self.kind = kind
    }

    /// The label used in help and usage lines: `<path>`.
    public var label: String { "<\(name)>" }

    /// The synopsis element for the usage line: `<path>`, `[<path>]`, `<path> ...` or `[<path> ...]`.
    public var synopsis: String {
        switch arity {
        case .one: return label
        case .optional: return "[\(label)]"
        case .oneOrMore: return "\(label) ..."
        case .zeroOrMore: return "[\(label) ...]"
        }
    }
}
