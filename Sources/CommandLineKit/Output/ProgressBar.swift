internal import Synchronization

/// A one-line progress bar on standard error that draws only on a terminal and stays silent otherwise.
///
/// ```swift
/// let bar = ProgressBar(total: files.count, label: "Checking", output: terminal.standardError,
///                       width: terminal.width, enabled: !options.noProgress)
/// for file in files { check(file); bar.advance() }
/// bar.finish()   // erases the bar, so the summary that follows starts on a clean line
/// ```
/// The bar appears only after `delay` (a quick run never flickers) and redraws at most every `interval`.
/// Safe to share between threads: `advance()` may be called from several workers.
public final class ProgressBar: Sendable {
    private struct State {
        var completed = 0
        var lastDraw: ContinuousClock.Instant?
        var isVisible = false
        var isFinished = false
    }

    /// The number of steps that make 100 %.
    public let total: Int
    /// A word before the bar ("Checking").
    public let label: String
    /// Whether anything is ever drawn: enabled and the output is a terminal.
    public let isActive: Bool
    private let output: any TextOutput
    private let width: Int
    private let start = ContinuousClock.now
    private let delay: Duration
    private let interval: Duration
    private let state = Mutex(State())

    /// - Parameters:
    ///   - total: the number of steps.
    ///   - label: a word before the bar.
    ///   - output: where to draw (standard error); nothing is drawn unless it is a terminal.
    ///   - width: the terminal width.
    ///   - enabled: `false` for `--no-progress`.
    ///   - delay: how long to wait before the first draw.
    ///   - interval: the shortest time between two draws.
    public init(
        total: Int, label: String, output: any TextOutput, width: Int, enabled: Bool = true,
        delay: Duration = .milliseconds(300), interval: Duration = .milliseconds(100)
    ) {
        self.total = max(total, 0)
        self.label = label
        self.output = output
        self.width = width
        self.isActive = enabled && output.isTerminal
        self.delay = delay
        self.interval = interval
    }

    /// Records `steps` more completed steps and redraws when due.
    public func advance(by steps: Int = 1) {
        guard isActive else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            guard !state.isFinished else { return nil }
            let before = state.completed
            state.completed = min(state.completed + steps, total)
            guard now - start >= delay, state.completed != before || !state.isVisible else { return nil }
            if let last = state.lastDraw, now - last < interval, state.completed < total { return nil }
            state.lastDraw = now
            state.isVisible = true
            return Self.line(label: label, completed: state.completed, total: total, width: width)
        }
        if let line { output.write("\r" + line + "\u{1B}[K") }
    }

    /// Erases the bar (if it was drawn) and stops drawing.
    public func finish() {
        guard isActive else { return }
        let wasVisible = state.withLock { state in
            state.isFinished = true
            return state.isVisible
        }
        if wasVisible { output.write("\r\u{1B}[2K") }
    }

    /// The bar's text for a state, fitting in `width - 1` columns (the last column is left free so the terminal
    /// never wraps): `Checking [=======>        ]  120/400  30%`. The label is dropped when space is short.
    public static func line(label: String, completed: Int, total: Int, width: Int) -> String {
        let done = min(max(completed, 0), total)
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let percent = "\(Int(fraction * 100))%"
        let count = "\(done)/\(total)"
        let counters = " \(count) " + String(repeating: " ", count: max(0, 4 - percent.count)) + percent
        let available = width - 1
        var prefix = label.isEmpty ? "" : label + " "
        var barWidth = available - TextLayout.displayWidth(prefix) - counters.count - 2
        if barWidth < 10 {
            prefix = ""
            barWidth = available - counters.count - 2
        }
        guard barWidth >= 3 else { return String((prefix + count).prefix(max(available, 0))) }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        var bar = String(repeating: "=", count: filled)
        if filled < barWidth {
            bar += ">" + String(repeating: " ", count: barWidth - filled - 1)
        }
        return prefix + "[" + bar + "]" + counters
    }
}
