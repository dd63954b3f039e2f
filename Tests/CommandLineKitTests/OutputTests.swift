import CommandLineKit
import Foundation
import Testing

@Suite struct OutputStyleTests {
    @Test(
        arguments: [
            (true, [:], false, true),
            (false, [:], false, false),
            (true, ["NO_COLOR": "1"], false, false),
            (true, ["NO_COLOR": ""], false, false),
            (true, ["NO_COLOR": "0"], false, false),
            (true, ["TERM": "dumb"], false, false),
            (true, ["TERM": "xterm-256color"], false, true),
            (true, [:], true, false),
        ] as [(Bool, [String: String], Bool, Bool)])
    func colourOnlyOnATerminalWithoutOptOut(isTerminal: Bool, environment: [String: String], flag: Bool, colour: Bool) {
        let style = OutputStyle.decide(isTerminal: isTerminal, environment: environment, noColorFlag: flag)
        #expect(style.isEnabled == colour)
    }

    @Test func plainStyleNeverEmitsEscapes() {
        let plain = OutputStyle.plain
        #expect(plain.error("x") + plain.warning("y") + plain.bold("z") + plain.color(.cyan, "w") == "xyzw")
        #expect(OutputStyle.ansi.color(.green, "ok") == "\u{1B}[32mok\u{1B}[0m")
        #expect(OutputStyle.ansi.bold("") == "")
    }

    @Test func terminalWidthComesFromColumnsThenTheWindowThen80() {
        func width(_ environment: [String: String], window: Int?) -> Int {
            Terminal(
                standardOutput: CapturedOutput(), standardError: CapturedOutput(), environment: environment,
                windowWidth: window
            ).width
        }
        #expect(width(["COLUMNS": "100"], window: 120) == 100)
        #expect(width(["COLUMNS": "abc"], window: 120) == 120)
        #expect(width(["COLUMNS": "0"], window: nil) == 80)
        #expect(width(["COLUMNS": "-5"], window: nil) == 80)
        #expect(width([:], window: nil) == 80)
    }

    @Test func currentTerminalReadsTheEnvironment() {
        let terminal = Terminal.current()
        #expect(terminal.environment["PATH"] == ProcessInfo.processInfo.environment["PATH"])
    }
}

@Suite struct ProgressBarTests {
    @Test func silentWhenNotATerminal() {
        let output = CapturedOutput(isTerminal: false)
        let bar = ProgressBar(total: 10, label: "Checking", output: output, width: 80, delay: .zero, interval: .zero)
        for _ in 0..<10 { bar.advance() }
        bar.finish()
        #expect(!bar.isActive)
        #expect(output.text.isEmpty)
    }

    @Test func silentWhenDisabled() {
        let output = CapturedOutput(isTerminal: true)
        let bar = ProgressBar(total: 3, label: "x", output: output, width: 80, enabled: false, delay: .zero)
        bar.advance()
        bar.finish()
        #expect(output.text.isEmpty)
    }

    @Test func drawsOnATerminalAndErasesWhenFinished() {
        let output = CapturedOutput(isTerminal: true)
        let bar = ProgressBar(total: 4, label: "Checking", output: output, width: 40, delay: .zero, interval: .zero)
        bar.advance()
        bar.advance(by: 3)
        bar.advance()  // past the total: clamped
        bar.finish()
        bar.advance()  // after finish: nothing
        let text = output.text
        #expect(text.hasPrefix("\rChecking ["))
        #expect(text.contains("1/4  25%"))
        #expect(text.contains("4/4 100%"))
        #expect(text.hasSuffix("\r\u{1B}[2K"))
        #expect(!text.contains("5/4"))
    }

    @Test func waitsForTheDelayBeforeDrawing() {
        let output = CapturedOutput(isTerminal: true)
        let bar = ProgressBar(total: 2, label: "x", output: output, width: 40, delay: .seconds(60))
        bar.advance()
        bar.advance()
        bar.finish()
        #expect(output.text.isEmpty)
    }

    @Test(arguments: [10, 20, 40, 80, 200]) func lineFitsTheWidth(width: Int) {
        for completed in [0, 1, 50, 99, 100] {
            let line = ProgressBar.line(label: "Checking", completed: completed, total: 100, width: width)
            #expect(TextLayout.displayWidth(line) <= width - 1, "\(line)")
        }
    }

    @Test func lineShapes() {
        #expect(ProgressBar.line(label: "Go", completed: 5, total: 10, width: 31) == "Go [=======>       ] 5/10  50%")
        #expect(ProgressBar.line(label: "", completed: 0, total: 0, width: 30).hasSuffix("0/0 100%"))
        #expect(ProgressBar.line(label: "Checking", completed: 1, total: 2, width: 24).hasPrefix("["))
    }
}

@Suite struct JSONOutputTests {
    struct Report: Encodable {
        let zebra = 1
        let alpha = "application/pdf"
        let nested = ["b": 2, "a": 1]
        let name = "Relatório \u{202E}x"
    }

    @Test func keysAreSortedSlashesKeptAndLineEnded() throws {
        let text = try JSONOutput.encode(Report())
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"application/pdf\""))
        let alpha = try #require(text.range(of: "\"alpha\""))
        let zebra = try #require(text.range(of: "\"zebra\""))
        #expect(alpha.lowerBound < zebra.lowerBound)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "Relatório \u{202E}x")
        let compact = try JSONOutput.encode(Report(), pretty: false)
        #expect(compact.split(separator: "\n").count == 1)
        #expect(compact.hasPrefix("{\"alpha\":\"application/pdf\",\"name\""))
    }
}
