/// Scans one subcommand's arguments against its declared table. Pure: no I/O, no globals.
///
/// Rules, in the order they apply to each token:
/// - after `--`, every token is positional;
/// - `-` alone is positional (by convention standard input);
/// - `--name=value` and `--name value` set an option (the `=` form also allows an empty value and values that
///   start with `-`); a flag given `=value` is an error;
/// - `-abc` is a cluster of short names; a short option that takes a value ends the cluster and takes the rest
///   of the token (`-fjson`, `-f=json`) or the next token; a single-dash token spelling a long name (`-format`) is an
///   error suggesting the long option, never a cluster;
/// - a value taken from the next token must not look like an option (`--format --no-color` reports the missing
///   value instead of swallowing the flag); negative numbers (`-5`) are taken as values;
/// - anything else is positional, so options and positional arguments may be interleaved.
///
/// `-h` or `--help` anywhere before `--` asks for help, whatever else is wrong with the line.
public struct ArgumentScanner: Sendable {
    /// What scanning a command's arguments produced.
    public enum Outcome: Sendable, Equatable {
        /// `-h` or `--help` was given.
        case help
        /// The arguments are valid.
        case arguments(ParsedArguments)
    }

    /// The command whose table is used.
    public let command: CommandSpec

    public init(command: CommandSpec) { self.command = command }

    /// Scans `tokens` (the arguments after the subcommand word).
    ///
    /// - Returns: `.help` when help was asked for, otherwise the checked values with defaults filled in.
    /// - Throws: `UsageError` for the first problem found, left to right; then missing arguments; then the
    ///   command's own `validate`.
    public func scan(_ tokens: [String]) throws(UsageError) -> Outcome {
        if asksForHelp(tokens) { return .help }
        var parsed = ParsedArguments(command: command)
        var positionals: [String] = []
        var index = 0
        var terminated = false
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if terminated || token == "-" || !token.hasPrefix("-") {
                positionals.append(token)
            } else if token == "--" {
                terminated = true
            } else if token.hasPrefix("--") {
                try scanLong(token, tokens: tokens, index: &index, into: &parsed)
            } else {
                try scanShortCluster(token, tokens: tokens, index: &index, into: &parsed)
            }
        }
        try assign(positionals, into: &parsed)
        try fillDefaultsAndCheckRequired(&parsed)
        try command.validate?(parsed)
        return .arguments(parsed)
    }

    private func asksForHelp(_ tokens: [String]) -> Bool {
        for token in tokens {
            if token == "--" { return false }
            if token == "--help" || token == "-h" { return true }
            // A cluster of flags that includes `h`, such as `-vh`.
            if !token.hasPrefix("--"), token.count > 2, token.hasPrefix("-") {
                let letters = token.dropFirst()
                let allFlags = letters.allSatisfy { command.option(short: $0)?.isFlag == true }
                if allFlags, letters.contains(CommandSpec.helpOption.short!) { return true }
            }
        }
        return false
    }

    private func scanLong(
        _ token: String, tokens: [String], index: inout Int, into parsed: inout ParsedArguments
    ) throws(UsageError) {
        let body = token.dropFirst(2)
        let name: String
        let attached: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            attached = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
            attached = nil
        }
        guard let option = command.option(named: name) else {
            let shown = attached == nil || name.isEmpty ? token : "--" + name
            throw .unknownOption(shown, suggestion: name.isEmpty ? nil : suggestion(forLong: "--" + name))
        }
        try apply(option, attached: attached, tokens: tokens, index: &index, into: &parsed)
    }

    private func scanShortCluster(
        _ token: String, tokens: [String], index: inout Int, into parsed: inout ParsedArguments
    ) throws(UsageError) {
        let letters = Array(token.dropFirst())
        // `-format` is `--format` with one dash missing, not `-f ormat`: say so rather than guess.
        if letters.count > 1, command.option(named: String(letters)) != nil {
            throw .unknownOption(token, suggestion: "-" + token)
        }
        var position = 0
        while position < letters.count {
            let letter = letters[position]
            position += 1
            guard let option = command.option(short: letter) else {
                // `-format` is most likely `--format` with one dash missing.
                let asLong = "-" + token
                if letters.count > 1, let long = suggestion(forLong: asLong) {
                    throw .unknownOption(token, suggestion: long)
                }
                throw .unknownOption("-" + String(letter), suggestion: nil)
            }
            // `-v=x` and `-f=json`: the `=` is the user's way of attaching a value, not part of it.
            let hasEquals = position < letters.count && letters[position] == "="
            if option.isFlag {
                if hasEquals { throw .flagWithValue(option, value: String(letters[(position + 1)...])) }
                parsed.setFlag(option.long)
                continue
            }
            let start = hasEquals ? position + 1 : position
            let rest = position < letters.count ? String(letters[start...]) : nil
            try apply(option, attached: rest, tokens: tokens, index: &index, into: &parsed)
            return
        }
    }

    private func apply(
        _ option: OptionSpec, attached: String?, tokens: [String], index: inout Int,
        into parsed: inout ParsedArguments
    ) throws(UsageError) {
        guard let kind = option.valueKind else {
            if let attached { throw .flagWithValue(option, value: attached) }
            parsed.setFlag(option.long)
            return
        }
        let value: String
        if let attached {
            value = attached
        } else if index < tokens.count, Self.canBeValue(tokens[index]) {
            value = tokens[index]
            index += 1
        } else {
            throw .missingValue(option)
        }
        if let problem = kind.problem(with: value) {
            throw .invalidValue(value, for: option.display, problem: problem)
        }
        if option.isRepeatable {
            parsed.append(value, for: option.long)
        } else {
            parsed.replace(with: value, for: option.long)
        }
    }

    /// A following token is taken as a value unless it looks like an option or the terminator.
    static func canBeValue(_ token: String) -> Bool {
        if token == "-" || !token.hasPrefix("-") { return true }
        if token == "--" || token.hasPrefix("--") { return false }
        return ValueKind.parseInteger(token) != nil
    }

    private func assign(_ values: [String], into parsed: inout ParsedArguments) throws(UsageError) {
        var remaining = values[...]
        for argument in command.arguments {
            let taken: ArraySlice<String>
            switch argument.arity {
            case .one, .optional:
                taken = remaining.prefix(1)
            case .oneOrMore, .zeroOrMore:
                taken = remaining
            }
            remaining = remaining.dropFirst(taken.count)
            if taken.isEmpty, !argument.arity.isOptional {
                throw .missingArgument(argument.arity.isVariadic ? "\(argument.label) ..." : argument.label)
            }
            for value in taken {
                if let problem = argument.kind.problem(with: value) {
                    throw .invalidValue(value, for: argument.label, problem: problem)
                }
                parsed.append(value, for: argument.name)
            }
        }
        if let extra = remaining.first { throw .unexpectedArgument(extra) }
    }

    private func fillDefaultsAndCheckRequired(_ parsed: inout ParsedArguments) throws(UsageError) {
        for option in command.options where !option.isFlag {
            if parsed.wasGiven(option.long) { continue }
            if option.isRequired { throw .missingArgument(option.display) }
            if let value = option.defaultValue { parsed.setDefault(value, for: option.long) }
        }
    }

    private func suggestion(forLong typed: String) -> String? {
        Suggestions.closest(to: typed, among: command.optionsWithHelp.map(\.longFlag))
    }
}
