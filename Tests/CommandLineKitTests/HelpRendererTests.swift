import CommandLineKit
import Testing

@Suite struct HelpRendererTests {
    let renderer = HelpRenderer(tool: Fixture.tool, width: 80)

    @Test func commandHelpHasArgumentParserLayout() {
        #expect(
            renderer.help(for: Fixture.lint) == """
                OVERVIEW: Check policy files for errors and risky patterns.

                Lint reports problems.

                Example:

                  $ tool lint --format json a.json

                USAGE: tool lint [--format <format>] [--max-errors <n>] [--tag <tag> ...]
                                 [--type <type>] [--length <n>] [--verbose] [--no-color]
                                 <path> ...

                ARGUMENTS:
                  <path>                  A policy file or a folder of policies.

                OPTIONS:
                  -f, --format <format>   Output format. (values: text, json, sarif; default:
                                          text)
                  --max-errors <n>        Stop after this many errors. (default: 10)
                  --tag <tag>             A tag to add. (repeatable)
                  --type <type>           A content type.
                  --length <n>            A length.
                  -v, --verbose           Say more.
                  --no-color              No colour.
                  -h, --help              Show help information.

                EXIT STATUS:
                  0                       Success.
                  1                       Findings.
                  2                       Usage or input error.

                """)
    }

    @Test func rootHelpListsSubcommandsAndPointsToHelp() {
        let help = renderer.rootHelp()
        #expect(help.hasPrefix("OVERVIEW: A tool for tests.\n\nUSAGE: tool <subcommand>\n\nOPTIONS:\n"))
        #expect(
            help.contains(
                "  --version               Show the version.\n  -h, --help              Show help information.\n"))
        #expect(
            help.contains("SUBCOMMANDS:\n  lint                    Check policy files for errors and risky patterns.\n")
        )
        #expect(help.contains("EXIT STATUS:\n  0                       Success.\n"))
        #expect(help.hasSuffix("\n\n  See 'tool help <subcommand>' for detailed help.\n"))
    }

    @Test func usageErrorLayout() {
        let text = renderer.usageError(
            UsageError("Unknown option '--fromat'. Did you mean '--format'?"), command: Fixture.explain)
        #expect(
            text == """
                Error: Unknown option '--fromat'. Did you mean '--format'?
                Usage: tool explain --policy <file> [--cert <cert>] [--key <key>] <name>
                                    [<extra>]
                  See 'tool explain --help' for more information.

                """)
        let root = renderer.usageError(UsageError("Unknown subcommand 'x'."), command: nil)
        #expect(
            root
                == "Error: Unknown subcommand 'x'.\nUsage: tool <subcommand>\n  See 'tool --help' for more information.\n"
        )
    }

    @Test func errorPrefixIsColouredOnlyWithAnEnabledStyle() {
        let error = UsageError("Bad.")
        #expect(renderer.usageError(error, command: nil, style: .ansi).hasPrefix("\u{1B}[1;31mError:\u{1B}[0m Bad."))
        #expect(renderer.usageError(error, command: nil, style: .plain).hasPrefix("Error: Bad."))
    }

    @Test func longLabelsPutTheirDescriptionOnTheNextLine() {
        let command = CommandSpec(
            name: "x", abstract: "X.",
            options: [.value("a-very-long-option-name", valueName: "value", help: "Described below the label.")],
            run: { _ in .success })
        let help = renderer.help(for: command)
        #expect(
            help.contains("  --a-very-long-option-name <value>\n                          Described below the label.\n")
        )
    }

    @Test func narrowWidthsWrapAndStillKeepTheColumn() {
        let narrow = HelpRenderer(tool: Fixture.tool, width: 10)  // raised to the minimum of 40
        #expect(narrow.width == HelpRenderer.minimumWidth)
        for line in narrow.help(for: Fixture.lint).split(separator: "\n") where !line.hasPrefix("  $") {
            #expect(TextLayout.displayWidth(line) <= 40, "\(line)")
        }
        let wide = HelpRenderer(tool: Fixture.tool, width: 200)
        #expect(wide.usage(for: Fixture.lint, prefix: "USAGE:").count == 1)
    }

    @Test func helpCommandAndHelpFlagRenderTheSamePage() {
        let parser = CommandLineParser(tool: Fixture.tool)
        guard case .help(let viaWord) = parser.resolve(["help", "lint"]),
            case .help(let viaFlag) = parser.resolve(["lint", "--help"])
        else {
            Issue.record("expected help")
            return
        }
        #expect(viaWord?.name == "lint" && viaFlag?.name == "lint")
    }
}

@Suite struct TextLayoutTests {
    @Test func displayWidthCountsGraphemesAndWideCharacters() {
        #expect(TextLayout.displayWidth("abc") == 3)
        #expect(TextLayout.displayWidth("Relato\u{301}rio") == 9)
        #expect(TextLayout.displayWidth("👩‍💻") == 2)
        #expect(TextLayout.displayWidth("日本") == 4)
        #expect(TextLayout.displayWidth("") == 0)
    }

    @Test func wrapBreaksAtSpacesAndKeepsLongWords() {
        #expect(TextLayout.wrap("aaa bbb ccc", width: 7) == ["aaa bbb", "ccc"])
        #expect(TextLayout.wrap("averyveryverylongword x", width: 5) == ["averyveryverylongword", "x"])
        #expect(TextLayout.wrap("a\nb", width: 80) == ["a", "b"])
        #expect(TextLayout.wrap("", width: 80) == [""])
    }

    @Test func hangingIndentKeepsElementsWhole() {
        let lines = TextLayout.hanging(prefix: "USAGE: t c", words: ["[--aaaa <a>]", "[--bbbb <b>]", "<x>"], width: 26)
        #expect(lines == ["USAGE: t c [--aaaa <a>]", "           [--bbbb <b>]", "           <x>"])
    }

    @Test func proseWrapsParagraphsAndKeepsIndentedBlocks() {
        let text = "one two\nthree four\n\n  $ keep   this\n    exactly\n\n\nlast"
        #expect(
            TextLayout.prose(text, width: 9) == [
                "one two", "three", "four", "", "  $ keep   this", "    exactly", "", "last",
            ])
    }

    @Test func padUsesDisplayWidth() {
        #expect(TextLayout.pad("日", to: 4) == "日  ")
        #expect(TextLayout.pad("abcdef", to: 3) == "abcdef")
    }
}

@Suite struct SuggestionTests {
    @Test func editDistanceCountsSwapsAsOne() {
        #expect(Suggestions.editDistance(Array("fromat"), Array("format")) == 1)
        #expect(Suggestions.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestions.editDistance(Array(""), Array("abc")) == 3)
        #expect(Suggestions.editDistance(Array("same"), Array("same")) == 0)
    }

    @Test func closestRespectsTheThreshold() {
        let names = ["lint", "test", "check", "explain", "serve"]
        #expect(Suggestions.closest(to: "lnit", among: names) == "lint")
        #expect(Suggestions.closest(to: "tset", among: names) == "test")
        #expect(Suggestions.closest(to: "EXPLAIN", among: names) == "explain")
        #expect(Suggestions.closest(to: "deploy", among: names) == nil)
        #expect(Suggestions.closest(to: "", among: names) == nil)
        #expect(Suggestions.closest(to: "che", among: names) == "check")
        #expect(Suggestions.closest(to: "x", among: ["xa", "xb"]) == "xa")
    }
}
