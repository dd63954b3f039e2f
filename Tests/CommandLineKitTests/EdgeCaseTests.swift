import CommandLineKit
import Testing

/// Command lines found while trying to break the scanner, each with the behaviour that was settled on.
@Suite struct EdgeCaseTests {
    @Test func equalsAfterAShortName() throws {
        #expect(try Fixture.values(["-f=json", "a"]).string("format") == "json")
        #expect(Fixture.error(["-v=1", "a"]) == "The flag '--verbose' does not take a value, but was given '1'.")
        #expect(Fixture.error(["-h=1", "a"]) == "The flag '--help' does not take a value, but was given '1'.")
    }

    @Test func helpWithAValueIsAnErrorNotASuggestionOfItself() {
        #expect(Fixture.error(["--help=yes", "a"]) == "The flag '--help' does not take a value, but was given 'yes'.")
    }

    @Test func emptyLongNames() {
        #expect(Fixture.error(["--=x", "a"]) == "Unknown option '--=x'.")
        #expect(Fixture.error(["---format", "json", "a"]) == "Unknown option '---format'. Did you mean '--format'?")
    }

    @Test func controlAndBidiCharactersInTokensAreShownEscaped() {
        #expect(Fixture.error(["--a\u{1B}[31m", "x"]) == "Unknown option '--a\\u{001B}[31m'.")
        #expect(
            Fixture.error(["--policy", "p", "a", "b", "\u{202E}fdp.exe"], in: Fixture.explain)
                == "Unexpected argument '\\u{202E}fdp.exe'.")
        #expect(
            Fixture.error(["--format", "json\n", "a"])?.hasPrefix("The value 'json\\u{000A}' is invalid") == true)
    }

    @Test func theValuesThemselvesAreNeverAltered() throws {
        #expect(try Fixture.values(["--type", "a\u{1B}b", "\u{202E}x"]).string("type") == "a\u{1B}b")
        #expect(try Fixture.values(["\u{202E}x"]).strings("path") == ["\u{202E}x"])
    }

    @Test func rootEdgeCases() {
        let parser = CommandLineParser(tool: Fixture.tool)
        if case .help(let command) = parser.resolve(["help", "help"]) {
            #expect(command == nil)
        } else {
            Issue.record("'help help' should show the root help")
        }
        if case .usageError(let error, nil) = parser.resolve(["--", "lint"]) {
            #expect(error.message == "Unexpected argument '--'.")
        } else {
            Issue.record("'-- lint' should be a usage error")
        }
    }

    @Test func hugeAndOddArgumentsAreFine() throws {
        let long = String(repeating: "é", count: 100_000)
        #expect(try Fixture.values([long]).strings("path") == [long])
        #expect(try Fixture.values(["--type", long, "a"]).string("type") == long)
        #expect(try Fixture.values(["--tag", "", "--tag", "", "a"]).strings("tag") == ["", ""])
        #expect(try Fixture.values(["--length", "-0", "a"]).integer("length") == 0)
        #expect(Fixture.error(["--length", "１２", "a"])?.hasPrefix("The value '１２' is invalid") == true)
        #expect(Fixture.error(["--length", "0x10", "a"]) != nil)
        #expect(Fixture.error(["--length", "1_000", "a"]) != nil)
    }
}

@Suite struct TerminalTextTests {
    @Test func escapesOnlyWhatCanDisturbATerminal() {
        #expect(TerminalText.visible("Relatório 👩‍💻 日本.pdf") == "Relatório 👩‍💻 日本.pdf")
        #expect(TerminalText.visible("a\tb\nc") == "a\\u{0009}b\\u{000A}c")
        #expect(TerminalText.visible("\u{7F}\u{85}\u{200F}\u{2066}") == "\\u{007F}\\u{0085}\\u{200F}\\u{2066}")
        #expect(TerminalText.visible("") == "")
    }
}
