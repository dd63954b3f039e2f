import CommandLineKit
import Testing

@Suite struct CommandLineParserTests {
    let parser = CommandLineParser(tool: Fixture.tool)

    private func describe(_ resolution: CommandLineParser.Resolution) -> String {
        switch resolution {
        case .help(let command): return "help \(command?.name ?? "<root>")"
        case .version: return "version"
        case .run(let command, _): return "run \(command.name)"
        case .usageError(let error, let command): return "error \(command?.name ?? "<root>"): \(error.message)"
        }
    }

    @Test(
        arguments: [
            ([], "help <root>"),
            (["-h"], "help <root>"),
            (["--help"], "help <root>"),
            (["help"], "help <root>"),
            (["help", "lint"], "help lint"),
            (["lint", "--help"], "help lint"),
            (["lint", "-h", "--bogus"], "help lint"),
            (["--version"], "version"),
            (["lint", "a"], "run lint"),
            (["lnit"], "error <root>: Unknown subcommand 'lnit'. Did you mean 'lint'?"),
            (["deploy"], "error <root>: Unknown subcommand 'deploy'."),
            (["help", "lnit"], "error <root>: Unknown subcommand 'lnit'. Did you mean 'lint'?"),
            (["help", "lint", "extra"], "error <root>: Unexpected argument 'extra'."),
            (["--verison"], "error <root>: Unknown option '--verison'. Did you mean '--version'?"),
            (["--version=2"], "error <root>: The flag '--version' does not take a value, but was given '2'."),
            (["--format", "json", "lint"], "error <root>: Unknown option '--format'."),
            (["-"], "error <root>: Unknown subcommand '-'."),
            ([""], "error <root>: Unknown subcommand ''."),
            (["lint"], "error lint: Missing expected argument '<path> ...'."),
            (["explain", "--policy", "p", "n"], "run explain"),
        ] as [([String], String)])
    func resolves(_ arguments: [String], _ expected: String) {
        #expect(describe(parser.resolve(arguments)) == expected)
    }
}

@Suite struct SpecValidatorTests {
    @Test func fixtureTableIsSound() {
        #expect(SpecValidator.problems(in: Fixture.tool) == [])
    }

    @Test func brokenTablesAreCaught() {
        let broken = CommandSpec(
            name: "Bad_Name", abstract: "",
            arguments: [
                ArgumentSpec("files", arity: .zeroOrMore, help: "Files."),
                ArgumentSpec("format", help: "Clashes with the option."),
            ],
            options: [
                .value("format", kind: .choice(["a", "b"]), default: "c", help: "Format."),
                .value("level", short: "h", kind: .integer(1...3), default: "0", help: "Level."),
                .value("need", required: true, help: "Needed.", ),
                .value("need", help: "Twice."),
            ],
            run: { _ in .success })
        let tool = ToolSpec(
            name: "t", version: "1", abstract: "T.", commands: [broken, Fixture.lint, Fixture.lint],
            exitStatuses: [])
        let problems = SpecValidator.problems(in: tool)
        let expected = [
            "command 'lint' is declared twice (or is the reserved 'help')",
            "command name 'Bad_Name' is not lower-kebab-case",
            "Bad_Name: has no abstract",
            "Bad_Name: default 'c' of '--format' is invalid: Expected one of: a, b.",
            "Bad_Name: '-h' is declared twice",
            "Bad_Name: default '0' of '--level' is invalid: Expected a whole number from 1 to 3.",
            "Bad_Name: '--need' is declared twice",
            "Bad_Name: 'format' is declared twice",
            "Bad_Name: variadic argument '<files>' is not the last",
            "Bad_Name: optional argument '<files>' comes before a required one",
        ]
        for problem in expected {
            #expect(problems.contains(problem), "missing: \(problem)\nall: \(problems)")
        }
    }
}
