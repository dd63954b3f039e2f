/// A stable, machine-readable code saying why a decision came out as it did.
///
/// Codes are part of the public contract: the endpoint returns them in a response header, metrics count them,
/// and policy authors override reasons by code. New codes may be added; existing ones never change meaning.
public struct DecisionCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
    public static func < (lhs: DecisionCode, rhs: DecisionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The file is acceptable.
    public static let accepted = DecisionCode("accepted")

    // MARK: Built-in name checks
    /// The name is empty.
    public static let emptyName = DecisionCode("name.empty")
    /// The name contains a control character (U+0000–U+001F, U+007F–U+009F), NUL included.
    public static let controlCharacter = DecisionCode("name.control_character")
    /// The name contains a bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
    public static let bidiControl = DecisionCode("name.bidi_control")
    /// The name contains an invisible or blank character (zero-width, BOM, U+2800, Hangul fillers, …).
    public static let invisibleCharacter = DecisionCode("name.invisible_character")
    /// The name contains `/` or `\`, i.e. a path rather than a bare file name.
    public static let pathSeparator = DecisionCode("name.path_separator")
    /// The name is `.` or `..`.
    public static let dotSegment = DecisionCode("name.dot_segment")
    /// The name starts or ends with a space.
    public static let surroundingSpace = DecisionCode("name.surrounding_space")
    /// The name ends with a dot.
    public static let trailingDot = DecisionCode("name.trailing_dot")
    /// The name is a Windows device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9), with or without extension.
    public static let reservedDeviceName = DecisionCode("name.reserved_device")
    /// An executable or server-script extension is hidden inside the name (`x.php.png`).
    public static let hiddenExecutable = DecisionCode("name.hidden_executable")
    /// The name is longer than the policy allows, in UTF-8 bytes.
    public static let nameTooLongBytes = DecisionCode("name.too_long_bytes")
    /// The name is longer than the policy allows, in characters.
    public static let nameTooLongCharacters = DecisionCode("name.too_long_characters")

    // MARK: Policy rules
    /// A `reject` rule of the policy matched the name.
    public static let rejectedByRule = DecisionCode("rule.rejected")
    /// No `accept` entry matched the name.
    public static let notAccepted = DecisionCode("name.not_accepted")

    // MARK: Size
    /// The reported length is below the policy's `minSize`.
    public static let tooSmall = DecisionCode("size.too_small")
    /// The reported length is above the policy's `maxSize`.
    public static let tooLarge = DecisionCode("size.too_large")
    /// The reported length is negative.
    public static let invalidSize = DecisionCode("size.invalid")

    // MARK: MIME type
    /// The reported MIME type is not a valid MIME type.
    public static let invalidType = DecisionCode("type.invalid")
    /// The reported MIME type does not fit the accept entry the name picked.
    public static let typeMismatch = DecisionCode("type.mismatch")
    /// No type was reported (or a generic one) and the policy's `emptyType` is `reject`.
    public static let missingType = DecisionCode("type.missing")
    /// No type was reported and none could be inferred from the extension (`emptyType` is `infer`).
    public static let undeterminedType = DecisionCode("type.undetermined")

    // MARK: Evaluation limits
    /// A pattern hit a PCRE2 match, depth or heap limit; the decision fails closed.
    public static let patternLimit = DecisionCode("pattern.limit")
}
