/// The values of one scanned command line, keyed by option long name or positional argument name.
///
/// Every value has already been checked against its declared kind, and absent options carry their declared
/// defaults, so `integer("max-errors")` of an integer option with a default never returns `nil`. Asking for a
/// name the command did not declare is a programming error and traps.
public struct ParsedArguments: Sendable, Equatable {
    /// The command these arguments belong to.
    public let commandName: String
    private var values: [String: [String]]
    private var counts: [String: Int]
    private let declared: Set<String>

    /// Makes an empty set of values for a command; the scanner fills it.
    init(command: CommandSpec) {
        commandName = command.name
        values = [:]
        counts = [:]
        declared = Set(command.options.map(\.long) + command.arguments.map(\.name))
    }

    /// Builds values directly, for tests of code that consumes `ParsedArguments`.
    public init(commandName: String, values: [String: [String]], flags: [String: Int] = [:]) {
        self.commandName = commandName
        self.values = values
        self.counts = flags.merging(values.mapValues(\.count)) { $0 + $1 }
        self.declared = Set(values.keys).union(flags.keys)
    }

    mutating func append(_ value: String, for key: String) {
        values[key, default: []].append(value)
        counts[key, default: 0] += 1
    }

    mutating func replace(with value: String, for key: String) {
        values[key] = [value]
        counts[key, default: 0] += 1
    }

    mutating func setFlag(_ key: String) {
        counts[key, default: 0] += 1
    }

    mutating func setDefault(_ value: String, for key: String) {
        if values[key] == nil { values[key] = [value] }
    }

    private func checked(_ name: String) -> String {
        precondition(declared.contains(name), "'\(name)' is not declared by command '\(commandName)'")
        return name
    }

    /// Whether a flag or option was given on the command line (defaults do not count).
    public func wasGiven(_ name: String) -> Bool { count(name) > 0 }

    /// How many times a flag or option was given (`-vv` gives 2).
    public func count(_ name: String) -> Int { counts[checked(name)] ?? 0 }

    /// Whether a flag was given at least once.
    public func flag(_ name: String) -> Bool { count(name) > 0 }

    /// The value of a single-valued option or argument (the last one given, else the default), or `nil`.
    public func string(_ name: String) -> String? { values[checked(name)]?.last }

    /// Every value of a repeatable option or variadic argument, in command-line order (or the default).
    public func strings(_ name: String) -> [String] { values[checked(name)] ?? [] }

    /// The value of an integer option or argument, or `nil` when absent without default.
    public func integer(_ name: String) -> Int? { string(name).flatMap(ValueKind.parseInteger) }
}
