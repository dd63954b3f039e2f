/// What text an option or positional argument accepts.
///
/// The scanner checks every value against its kind while it scans, so a command's `run` only ever reads values
/// that passed: an integer option always parses, a choice is always one of its listed values.
public enum ValueKind: Sendable {
    /// Any text, the empty string included (`--type ""` is a meaningful value).
    case string
    /// A whole number in decimal, within the range (use `Int.min...Int.max` for any).
    case integer(ClosedRange<Int>)
    /// Exactly one of the listed words (case-sensitive). Help shows them as "(values: a, b)".
    case choice([String])
    /// Text checked by a function that returns a problem description, or `nil` when the value is fine.
    ///
    /// - Parameters:
    ///   - expectation: what a valid value looks like, for error messages ("HOST:PORT").
    ///   - check: returns `nil` for a valid value, otherwise a short reason ("the port must be 0–65535").
    case custom(expectation: String, check: @Sendable (String) -> String?)

    /// Any whole number.
    public static let anyInteger = ValueKind.integer(Int.min...Int.max)

    /// The allowed values of a `.choice`, otherwise empty.
    public var choices: [String] {
        if case .choice(let values) = self { return values }
        return []
    }

    /// Checks `value` against this kind.
    ///
    /// - Returns: `nil` when the value is acceptable, otherwise the sentence that follows "The value 'x' is invalid
    ///   for '--opt <v>'." in the error message.
    public func problem(with value: String) -> String? {
        switch self {
        case .string:
            return nil
        case .integer(let range):
            guard let number = Self.parseInteger(value) else {
                return "Expected a whole number" + Self.describe(range) + "."
            }
            return range.contains(number) ? nil : "Expected a whole number" + Self.describe(range) + "."
        case .choice(let values):
            if values.contains(value) { return nil }
            var text = "Expected one of: " + values.joined(separator: ", ") + "."
            if let guess = Suggestions.closest(to: value, among: values) {
                text += " Did you mean '\(guess)'?"
            }
            return text
        case .custom(let expectation, let check):
            guard let reason = check(value) else { return nil }
            return "Expected \(expectation): \(reason)."
        }
    }

    /// Parses a decimal integer: optional sign, ASCII digits only, no spaces, no `_`, no overflow.
    static func parseInteger(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (Int.min, Int.max): return ""
        case (let low, Int.max): return " of at least \(low)"
        case (Int.min, let high): return " of at most \(high)"
        case (let low, let high): return " from \(low) to \(high)"
        }
    }
}
