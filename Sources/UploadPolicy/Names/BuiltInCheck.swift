/// The checks every policy runs on a name before its own rules, in this order. Each is on by default and can be
/// switched off per policy under `options.checks`, by the raw value.
public enum BuiltInCheck: String, CaseIterable, Hashable, Sendable {
    case emptyName
    case controlCharacters
    case bidiControls
    case invisibleCharacters
    case pathSeparators
    case dotSegments
    case surroundingSpaces
    case trailingDots
    case reservedDeviceNames
    case hiddenExecutables

    /// Every check in evaluation order, stored once (the synthesised `allCases` builds a new array per call).
    static let ordered: [BuiltInCheck] = allCases

    /// The decision code a failure of this check produces.
    public var code: DecisionCode {
        switch self {
        case .emptyName: .emptyName
        case .controlCharacters: .controlCharacter
        case .bidiControls: .bidiControl
        case .invisibleCharacters: .invisibleCharacter
        case .pathSeparators: .pathSeparator
        case .dotSegments: .dotSegment
        case .surroundingSpaces: .surroundingSpace
        case .trailingDots: .trailingDot
        case .reservedDeviceNames: .reservedDeviceName
        case .hiddenExecutables: .hiddenExecutable
        }
    }

    /// What the check stops, for documentation and `explain`.
    public var summary: String {
        switch self {
        case .emptyName: "the name is empty"
        case .controlCharacters: "control characters, NUL included (U+0000–U+001F, U+007F–U+009F)"
        case .bidiControls: "bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)"
        case .invisibleCharacters: "invisible characters (zero-width, BOM, U+2800, Hangul fillers, …)"
        case .pathSeparators: "'/' or '\\' (a path instead of a file name)"
        case .dotSegments: "'.' or '..' alone"
        case .surroundingSpaces: "leading or trailing white space"
        case .trailingDots: "a trailing dot (Windows drops it)"
        case .reservedDeviceNames: "Windows device names (CON, PRN, AUX, NUL, COM0–9, LPT0–9), with any extension"
        case .hiddenExecutables: "an executable or server-script extension inside the name (x.php.png)"
        }
    }
}

/// A built-in check that failed, with the detail a reason can show.
struct NameFinding: Hashable, Sendable {
    /// The check that failed.
    let check: BuiltInCheck
    /// The offending character as `U+XXXX`, the device name, or the hidden extension; nil when there is none.
    let detail: String?
}
