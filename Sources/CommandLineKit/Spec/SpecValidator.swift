/// Checks a command table for mistakes in its *definition* (not in a user's command line): clashing names,
/// misplaced variadic arguments, defaults that their own kind rejects. `CommandRunner` runs it in debug builds
/// and the kit's tests run it on example tables.
public enum SpecValidator {
    /// Every problem found, one sentence each; empty when the table is sound.
    public static func problems(in tool: ToolSpec) -> [String] {
        var problems: [String] = []
        var commandNames: Set<String> = ["help"]
        for command in tool.commands {
            if !commandNames.insert(command.name).inserted {
                problems.append("command '\(command.name)' is declared twice (or is the reserved 'help')")
            }
            if !isName(command.name) { problems.append("command name '\(command.name)' is not lower-kebab-case") }
            problems += Self.problems(in: command).map { "\(command.name): \($0)" }
        }
        if let flag = tool.noColorFlag, tool.commands.contains(where: { $0.option(named: flag)?.isFlag == false }) {
            problems.append("the no-colour option '--\(flag)' must be a flag wherever it is declared")
        }
        return problems
    }

    /// The problems of one command.
    public static func problems(in command: CommandSpec) -> [String] {
        var problems: [String] = []
        if command.abstract.isEmpty { problems.append("has no abstract") }
        var keys: Set<String> = []
        var shorts: Set<Character> = []
        for option in command.optionsWithHelp {
            if !keys.insert(option.long).inserted { problems.append("'--\(option.long)' is declared twice") }
            if !isName(option.long) { problems.append("'--\(option.long)' is not lower-kebab-case") }
            if let short = option.short, !shorts.insert(short).inserted {
                problems.append("'-\(short)' is declared twice")
            }
            if let short = option.short, !(short.isLetter || short.isNumber) || short.unicodeScalars.count != 1 {
                problems.append("'-\(short)' is not a single letter or digit")
            }
            if option.help.isEmpty { problems.append("'--\(option.long)' has no help") }
            problems += valueProblems(option)
        }
        for (index, argument) in command.arguments.enumerated() {
            if !keys.insert(argument.name).inserted { problems.append("'\(argument.name)' is declared twice") }
            if argument.arity.isVariadic, index != command.arguments.count - 1 {
                problems.append("variadic argument '<\(argument.name)>' is not the last")
            }
            let laterRequired = command.arguments[(index + 1)...].contains { !$0.arity.isOptional }
            if argument.arity.isOptional, laterRequired {
                problems.append("optional argument '<\(argument.name)>' comes before a required one")
            }
        }
        return problems
    }

    private static func valueProblems(_ option: OptionSpec) -> [String] {
        guard let kind = option.valueKind else {
            return option.defaultValue == nil ? [] : ["flag '--\(option.long)' has a default"]
        }
        var problems: [String] = []
        if case .choice(let values) = kind, values.isEmpty { problems.append("'--\(option.long)' has no choices") }
        if option.isRequired, option.defaultValue != nil {
            problems.append("required '--\(option.long)' has a default")
        }
        if let value = option.defaultValue, let problem = kind.problem(with: value) {
            problems.append("default '\(value)' of '--\(option.long)' is invalid: \(problem)")
        }
        return problems
    }

    private static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
