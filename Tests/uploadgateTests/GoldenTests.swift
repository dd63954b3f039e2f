import Foundation
import Testing

/// One run of the binary whose stdout, stderr and exit status must match `Snapshots/<name>.txt`.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var environment: [String: String] = [:]

    var testDescription: String { name }

    static let commands = ["serve", "lint", "test", "check", "explain"]

    static let all: [GoldenCase] =
        [
            GoldenCase(name: "root-help", arguments: []),
            GoldenCase(name: "version", arguments: ["--version"]),
        ]
        + commands.map { GoldenCase(name: "help-\($0)", arguments: ["help", $0]) }
        + [
            // Usage errors: the bad token quoted, a suggestion when one is close, usage, a pointer to --help.
            GoldenCase(name: "unknown-option", arguments: ["lint", "--fromat", "json", "Policies"]),
            GoldenCase(name: "unknown-option-single-dash", arguments: ["check", "-policy", "p.json", "x"]),
            GoldenCase(name: "unknown-option-no-suggestion", arguments: ["test", "--zzz", "Policies"]),
            GoldenCase(name: "unknown-root-option", arguments: ["--verison"]),
            GoldenCase(name: "unknown-subcommand", arguments: ["lnit", "Policies"]),
            GoldenCase(name: "unknown-subcommand-no-suggestion", arguments: ["deploy"]),
            GoldenCase(name: "help-unknown-subcommand", arguments: ["help", "chek"]),
            GoldenCase(name: "missing-value", arguments: ["lint", "Policies", "--format"]),
            GoldenCase(name: "missing-value-before-flag", arguments: ["explain", "--policy", "--no-color", "a.pdf"]),
            GoldenCase(name: "empty-value", arguments: ["lint", "--format=", "Policies"]),
            GoldenCase(name: "bad-enum-value", arguments: ["lint", "--format", "xml", "Policies"]),
            GoldenCase(name: "bad-enum-value-suggestion", arguments: ["test", "--format", "junt", "Policies"]),
            GoldenCase(name: "bad-integer", arguments: ["lint", "--max-errors", "many", "Policies"]),
            GoldenCase(
                name: "negative-length", arguments: ["explain", "--policy", "p.json", "--length", "-1", "a.pdf"]),
            GoldenCase(name: "flag-with-value", arguments: ["check", "--policy", "p.json", "--no-progress=yes", "x"]),
            GoldenCase(name: "missing-argument", arguments: ["lint"]),
            GoldenCase(name: "missing-required-option", arguments: ["check", "Examples/samples"]),
            GoldenCase(name: "unexpected-argument", arguments: ["explain", "--policy", "p.json", "a.pdf", "b.pdf"]),
            GoldenCase(name: "serve-tls-pair", arguments: ["serve", "--tls-cert", "cert.pem"]),
            GoldenCase(name: "serve-bad-listen", arguments: ["serve", "--listen", "localhost"]),
            // `--` ends options: what follows is positional even if it looks like an option (or like --help).
            GoldenCase(name: "terminator-name", arguments: ["explain", "--policy", "p.json", "--", "-draft.pdf"]),
            GoldenCase(name: "terminator-help", arguments: ["lint", "--", "--help"]),
            // Narrow terminals wrap help to COLUMNS.
            GoldenCase(name: "help-check-columns-50", arguments: ["help", "check"], environment: ["COLUMNS": "50"]),
        ]
        // Until their engines land these commands say they are not available, after their arguments were accepted.
        + [
            GoldenCase(name: "not-available-lint", arguments: ["lint", "--format", "sarif", "Policies"]),
            GoldenCase(name: "not-available-test", arguments: ["test", "-v", "--run", "^Contrato", "Policies"]),
            GoldenCase(name: "not-available-check", arguments: ["check", "--policy", "p.json", "Examples/samples"]),
            GoldenCase(
                name: "not-available-explain",
                arguments: ["explain", "--policy", "p.json", "--type", "", "--length", "0", "Relato\u{301}rio.pdf"]),
        ]
}

@Suite struct GoldenTests {
    let runner: BinaryRunner?
    let recording = ProcessInfo.processInfo.environment["UPLOADGATE_RECORD"] == "1"

    init() { runner = BinaryRunner.locate().map(BinaryRunner.init(binary:)) }

    private func requireRunner() throws -> BinaryRunner {
        try #require(
            runner, "the uploadgate binary was not found; build it with 'swift build' or set UPLOADGATE_BINARY")
    }

    /// Compares a run with its snapshot, or writes the snapshot when `UPLOADGATE_RECORD=1`.
    @Test(arguments: GoldenCase.all) func matchesSnapshot(_ golden: GoldenCase) throws {
        let output = try requireRunner().run(golden.arguments, environment: golden.environment)
        let actual = Snapshot.render(arguments: golden.arguments, environment: golden.environment, output: output)
        let url = Snapshot.url(for: golden.name)
        if recording {
            try FileManager.default.createDirectory(at: Snapshot.folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("No snapshot \(url.lastPathComponent); run with UPLOADGATE_RECORD=1 to write it:\n\(actual)")
            return
        }
        #expect(
            actual == expected, "differs from \(url.lastPathComponent); re-record with UPLOADGATE_RECORD=1 if intended")
    }

    /// `uploadgate help X` and `uploadgate X --help` (and `-h`) print the same page.
    @Test(arguments: GoldenCase.commands) func helpCommandEqualsHelpFlag(_ command: String) throws {
        let runner = try requireRunner()
        let viaWord = try runner.run(["help", command])
        #expect(viaWord.status == 0)
        #expect(viaWord.stderr.isEmpty)
        #expect(try runner.run([command, "--help"]) == viaWord)
        #expect(try runner.run([command, "-h"]) == viaWord)
        #expect(try runner.run([command, "--bogus", "--help"]) == viaWord)
    }

    @Test func rootHelpHasEverySpelling() throws {
        let runner = try requireRunner()
        let plain = try runner.run([])
        for spelling in [["--help"], ["-h"], ["help"]] {
            #expect(try runner.run(spelling) == plain)
        }
    }

    /// Every snapshot on disk belongs to a case, so renamed cases leave no stale files behind.
    @Test func noOrphanSnapshots() throws {
        let names = Set(GoldenCase.all.map { $0.name + ".txt" })
        let files = try FileManager.default.contentsOfDirectory(atPath: Snapshot.folder.path)
        #expect(Set(files).subtracting(names).sorted() == [])
    }

    /// With NO_COLOR unset and output not a terminal there is still no colour.
    @Test func noColourWhenNotATerminal() throws {
        let runner = try requireRunner()
        let output = try runner.run(["lint", "--fromat"], environment: ["NO_COLOR": "", "TERM": "xterm-256color"])
        #expect(!output.stderr.contains("\u{1B}"))
    }
}
