/// Whether to colour a stream, and the ANSI sequences to do it.
///
/// Decided once per stream by `OutputStyle.decide(isTerminal:environment:noColorFlag:)`: colour only when the
/// stream is a terminal, `TERM` is not `dumb`, the `--no-color` flag is absent and `NO_COLOR` is not set.
/// `NO_COLOR` disables colour whatever its value, even empty (stricter than no-color.org, which ignores an
/// empty value: a user who sets the variable at all wants no colour).
public struct OutputStyle: Sendable, Equatable {
    /// Whether styling is applied; when `false` every method returns its text unchanged.
    public let isEnabled: Bool

    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// No colour, ever.
    public static let plain = OutputStyle(isEnabled: false)
    /// ANSI colour.
    public static let ansi = OutputStyle(isEnabled: true)

    /// Decides whether a stream gets colour. Pure, so the rule is unit-tested without a terminal.
    ///
    /// - Parameters:
    ///   - isTerminal: whether the stream is a TTY.
    ///   - environment: the process environment.
    ///   - noColorFlag: whether `--no-color` was given.
    public static func decide(isTerminal: Bool, environment: [String: String], noColorFlag: Bool) -> OutputStyle {
        guard isTerminal, !noColorFlag, environment["NO_COLOR"] == nil, environment["TERM"] != "dumb" else {
            return .plain
        }
        return .ansi
    }

    /// Colours the style knows; kept to the eight basic ones, which every terminal theme adapts.
    public enum Color: Int, Sendable {
        case red = 31
        case green = 32
        case yellow = 33
        case blue = 34
        case magenta = 35
        case cyan = 36
    }

    /// `text` in `color`.
    public func color(_ color: Color, _ text: String) -> String {
        wrap(text, "\(color.rawValue)")
    }

    /// `text` in bold.
    public func bold(_ text: String) -> String { wrap(text, "1") }

    /// `text` dimmed.
    public func dim(_ text: String) -> String { wrap(text, "2") }

    /// `text` for errors: bold red.
    public func error(_ text: String) -> String { wrap(text, "1;31") }

    /// `text` for warnings: bold yellow.
    public func warning(_ text: String) -> String { wrap(text, "1;33") }

    /// `text` for success: green.
    public func success(_ text: String) -> String { wrap(text, "32") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
