import CommandLineKit
import Testing

@Suite struct ArgumentScannerTests {
    @Test func valueOptionInBothSpellings() throws {
        #expect(try Fixture.values(["--format", "json", "a"]).string("format") == "json")
        #expect(try Fixture.values(["--format=json", "a"]).string("format") == "json")
        #expect(try Fixture.values(["-f", "json", "a"]).string("format") == "json")
        #expect(try Fixture.values(["-fjson", "a"]).string("format") == "json")
    }

    @Test func defaultsAreFilledButNotCountedAsGiven() throws {
        let parsed = try Fixture.values(["a"])
        #expect(parsed.string("format") == "text")
        #expect(parsed.integer("max-errors") == 10)
        #expect(!parsed.wasGiven("format"))
        #expect(parsed.string("type") == nil)
        #expect(parsed.strings("tag") == [])
    }

    @Test func flagsCountEveryOccurrence() throws {
        #expect(try Fixture.values(["a"]).flag("verbose") == false)
        #expect(try Fixture.values(["-v", "a", "--verbose"]).count("verbose") == 2)
        #expect(try Fixture.values(["-vvv", "a"]).count("verbose") == 3)
        #expect(try Fixture.values(["--no-color", "--no-color", "a"]).flag("no-color"))
    }

    @Test func singleValuedOptionKeepsTheLastRepeatableKeepsAll() throws {
        let parsed = try Fixture.values(["--format", "json", "--tag", "x", "a", "--format=sarif", "--tag=y"])
        #expect(parsed.string("format") == "sarif")
        #expect(parsed.count("format") == 2)
        #expect(parsed.strings("tag") == ["x", "y"])
    }

    @Test func positionalsInterleaveWithOptions() throws {
        let parsed = try Fixture.values(["a", "--format", "json", "b", "-v", "c"])
        #expect(parsed.strings("path") == ["a", "b", "c"])
    }

    @Test func terminatorMakesEverythingPositional() throws {
        let parsed = try Fixture.values(["--", "--format", "-v", "--help", "--"])
        #expect(parsed.strings("path") == ["--format", "-v", "--help", "--"])
        #expect(parsed.string("format") == "text")
        #expect(try Fixture.values(["a", "--"]).strings("path") == ["a"])
    }

    @Test func singleDashIsPositional() throws {
        #expect(try Fixture.values(["-"]).strings("path") == ["-"])
        #expect(try Fixture.values(["--type", "-", "a"]).string("type") == "-")
    }

    @Test func helpWinsWhereverItIsBeforeTheTerminator() throws {
        for tokens in [["--help"], ["-h"], ["--fromat", "--help"], ["a", "-vh"], ["--format", "xml", "-h"]] {
            #expect(try Fixture.scan(Fixture.lint, tokens).get() == .help, "\(tokens)")
        }
        #expect(try Fixture.values(["--", "-h"]).strings("path") == ["-h"])
    }

    @Test func unknownOptionsSuggestTheClosestName() {
        #expect(Fixture.error(["--fromat", "json", "a"]) == "Unknown option '--fromat'. Did you mean '--format'?")
        #expect(Fixture.error(["--fromat=json", "a"]) == "Unknown option '--fromat'. Did you mean '--format'?")
        #expect(Fixture.error(["--Format", "json"]) == "Unknown option '--Format'. Did you mean '--format'?")
        #expect(Fixture.error(["--max", "3"]) == "Unknown option '--max'. Did you mean '--max-errors'?")
        #expect(Fixture.error(["-format", "json"]) == "Unknown option '-format'. Did you mean '--format'?")
        #expect(Fixture.error(["--zzz"]) == "Unknown option '--zzz'.")
        #expect(Fixture.error(["-x"]) == "Unknown option '-x'.")
        #expect(Fixture.error(["-vx", "a"]) == "Unknown option '-x'.")
        #expect(Fixture.error(["--fórmat", "json"]) == "Unknown option '--fórmat'. Did you mean '--format'?")
    }

    @Test func missingValues() {
        #expect(Fixture.error(["a", "--format"]) == "Missing value for '--format <format>'.")
        #expect(Fixture.error(["--format", "--verbose", "a"]) == "Missing value for '--format <format>'.")
        #expect(Fixture.error(["--type", "--", "a"]) == "Missing value for '--type <type>'.")
        #expect(Fixture.error(["a", "-f"]) == "Missing value for '--format <format>'.")
    }

    @Test func emptyValuesAreValuesAndAreChecked() throws {
        #expect(
            Fixture.error(["--format=", "a"])?.hasPrefix("The value '' is invalid for '--format <format>'.") == true)
        #expect(try Fixture.values(["--type=", "a"]).string("type") == "")
        #expect(try Fixture.values(["--type", "", "a"]).string("type") == "")
        #expect(try Fixture.values(["--type=a=b", "a"]).string("type") == "a=b")
    }

    @Test func choicesAreCheckedWithASuggestion() {
        #expect(
            Fixture.error(["--format", "xml", "a"])
                == "The value 'xml' is invalid for '--format <format>'. Expected one of: text, json, sarif.")
        #expect(
            Fixture.error(["--format", "jsno", "a"])
                == "The value 'jsno' is invalid for '--format <format>'. Expected one of: text, json, sarif."
                + " Did you mean 'json'?")
    }

    @Test func integersAreCheckedAndNegativeNumbersAreValues() throws {
        #expect(
            Fixture.error(["--max-errors", "ten", "a"])
                == "The value 'ten' is invalid for '--max-errors <n>'. Expected a whole number of at least 0.")
        #expect(Fixture.error(["--max-errors", "-1", "a"])?.hasPrefix("The value '-1' is invalid") == true)
        #expect(Fixture.error(["--max-errors", " 1", "a"])?.hasPrefix("The value ' 1' is invalid") == true)
        #expect(Fixture.error(["--max-errors", "99999999999999999999", "a"]) != nil)
        #expect(try Fixture.values(["--length", "-5", "a"]).integer("length") == -5)
        #expect(try Fixture.values(["--length=+7", "a"]).integer("length") == 7)
    }

    @Test func flagsTakeNoValue() {
        #expect(
            Fixture.error(["--verbose=yes", "a"])
                == "The flag '--verbose' does not take a value, but was given 'yes'.")
    }

    @Test func positionalArgumentsAreCounted() {
        #expect(Fixture.error([]) == "Missing expected argument '<path> ...'.")
        #expect(Fixture.error(["--format", "json"]) == "Missing expected argument '<path> ...'.")
        #expect(Fixture.error(["--policy", "p"], in: Fixture.explain) == "Missing expected argument '<name>'.")
        #expect(Fixture.error(["--policy", "p", "a", "b", "c"], in: Fixture.explain) == "Unexpected argument 'c'.")
    }

    @Test func optionalPositionalAndRequiredOption() throws {
        let parsed = try Fixture.values(["x.pdf", "--policy", "p"], in: Fixture.explain)
        #expect(parsed.string("name") == "x.pdf")
        #expect(parsed.string("extra") == nil)
        #expect(Fixture.error(["x.pdf"], in: Fixture.explain) == "Missing expected argument '--policy <file>'.")
    }

    @Test func crossFieldValidationRunsLast() {
        #expect(
            Fixture.error(["--policy", "p", "--cert", "c", "n"], in: Fixture.explain)
                == "'--cert' and '--key' must be given together.")
        #expect(Fixture.error(["--policy", "p", "--cert", "c", "--key", "k", "n"], in: Fixture.explain) == nil)
    }

    @Test func unicodeArgumentsArePassedThroughUntouched() throws {
        let nfd = "Relato\u{301}rio.pdf"
        let parsed = try Fixture.values(["--policy", "p", nfd, "👩‍💻"], in: Fixture.explain)
        #expect(parsed.string("name")?.unicodeScalars.elementsEqual(nfd.unicodeScalars) == true)
        #expect(parsed.string("extra") == "👩‍💻")
        #expect(
            try Fixture.values(["--type=text/plain; charset=utf-8", "\u{202E}fdp.exe"]).strings("path")
                == ["\u{202E}fdp.exe"])
    }

    @Test func emptyStringIsAPositionalValue() throws {
        #expect(try Fixture.values([""]).strings("path") == [""])
    }

    @Test func readingAnUndeclaredNameTraps() async {
        await #expect(processExitsWith: .failure) {
            let parsed = try Fixture.values(["a"])
            _ = parsed.string("fromat")
        }
    }
}
