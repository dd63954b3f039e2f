import CommandLineKit
import Testing

@Suite struct CommandRunnerTests {
    struct Run {
        let status: ExitCode
        let stdout: String
        let stderr: String
    }

    private func run(
        _ arguments: [String], environment: [String: String] = ["COLUMNS": "80"], terminal: Bool = false
    ) async -> Run {
        let out = CapturedOutput(isTerminal: terminal)
        let err = CapturedOutput(isTerminal: terminal)
        let terminal = Terminal(standardOutput: out, standardError: err, environment: environment)
        let status = await CommandRunner(tool: Fixture.tool, terminal: terminal).run(arguments)
        return Run(status: status, stdout: out.text, stderr: err.text)
    }

    @Test func helpGoesToStdoutWithStatus0() async {
        let result = await run(["lint", "--help"])
        #expect(result.status == .success)
        #expect(result.stdout == HelpRenderer(tool: Fixture.tool, width: 80).help(for: Fixture.lint))
        #expect(result.stderr.isEmpty)
        #expect(await run(["help", "lint"]).stdout == result.stdout)
    }

    @Test func versionGoesToStdout() async {
        let result = await run(["--version"])
        #expect(result.status == .success)
        #expect(result.stdout == "1.2.3\n")
    }

    @Test func usageErrorsGoToStderrWithStatus2() async {
        let result = await run(["lint", "--fromat", "json", "a"])
        #expect(result.status == .usageError)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix("Error: Unknown option '--fromat'. Did you mean '--format'?\nUsage: tool lint "))
        #expect(result.stderr.hasSuffix("  See 'tool lint --help' for more information.\n"))
    }

    @Test func commandStatusAndOutputPassThrough() async {
        let result = await run(["explain", "--policy", "p", "Relato\u{301}rio.pdf"])
        #expect(result.status == .findings)
        #expect(result.stdout == "name=Relato\u{301}rio.pdf\n")
    }

    @Test func errorsThrownByRunAreRendered() async {
        let usage = await run(["fail", "usage"])
        #expect(usage.status == .usageError)
        #expect(usage.stderr.hasPrefix("Error: Bad combination.\nUsage: tool fail "))
        let failure = await run(["fail", "failure"])
        #expect(failure.status == .usageError)
        #expect(failure.stderr == "Error: Cannot read 'x.json'.\n")
        let other = await run(["fail", "other"])
        #expect(other.status == .usageError)
        #expect(other.stderr == "Error: something else broke\n")
    }

    @Test func errorsAreColouredOnlyOnATerminalWithoutOptOut() async {
        let coloured = await run(["fail", "failure"], environment: [:], terminal: true)
        #expect(coloured.stderr.hasPrefix("\u{1B}[1;31mError:\u{1B}[0m "))
        let noColorEnv = await run(["fail", "failure"], environment: ["NO_COLOR": ""], terminal: true)
        #expect(noColorEnv.stderr.hasPrefix("Error: "))
        let flag = await run(["fail", "--no-color", "failure"], environment: [:], terminal: true)
        #expect(flag.stderr.hasPrefix("Error: "))
        let flagOnBadLine = await run(["lint", "--bogus", "--no-color"], environment: [:], terminal: true)
        #expect(flagOnBadLine.stderr.hasPrefix("Error: Unknown option '--bogus'."))
    }

    @Test func helpIsWrappedToColumns() async {
        let narrow = await run(["lint", "--help"], environment: ["COLUMNS": "50"])
        for line in narrow.stdout.split(separator: "\n") where !line.hasPrefix("  $") {
            #expect(TextLayout.displayWidth(line) <= 50, "\(line)")
        }
    }
}
