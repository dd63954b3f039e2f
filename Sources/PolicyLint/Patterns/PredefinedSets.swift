/// The character sets behind PCRE2's escapes and POSIX classes under UTF + UCP, approximated by ranges.
///
/// The approximations cover ASCII exactly and the rest of Unicode generously: the lint only asks whether two
/// pieces of a pattern can consume the same characters, and a generous answer errs towards "suspected", which
/// the dynamic probe then confirms or not.
enum PredefinedSets {
    static let asciiDigits = ScalarSet(ranges: [48...57])
    static let asciiUpper = ScalarSet(ranges: [65...90])
    static let asciiLower = ScalarSet(ranges: [97...122])

    /// `\d` under UCP: `\p{Nd}`.
    static let digit = ScalarSet(ranges: [
        48...57, 0x660...0x669, 0x6F0...0x6F9, 0x7C0...0x7C9, 0x966...0x96F, 0x9E6...0x9EF, 0xA66...0xA6F,
        0xAE6...0xAEF, 0xB66...0xB6F, 0xBE6...0xBEF, 0xC66...0xC6F, 0xCE6...0xCEF, 0xD66...0xD6F, 0xE50...0xE59,
        0xED0...0xED9, 0xF20...0xF29, 0x1040...0x1049, 0xFF10...0xFF19,
    ])

    /// Letters of every script, roughly `\p{L}` plus combining marks.
    static let letter = ScalarSet(ranges: [
        65...90, 97...122, 0xAA...0xAA, 0xB5...0xB5, 0xBA...0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF,
        0x300...0x36F, 0x370...0x3FF, 0x400...0x52F, 0x531...0x587, 0x5D0...0x5EA, 0x620...0x64A, 0x671...0x6D3,
        0x900...0x963, 0xE01...0xE30, 0x10A0...0x10FF, 0x1100...0x11FF, 0x1E00...0x1FFF, 0x3041...0x30FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A,
        0x20000...0x2FFFF,
    ])

    /// `\w` under UCP: letters, digits and underscore.
    static let word = letter.union(digit).union(ScalarSet("_"))

    /// `\s` under UCP.
    static let space = ScalarSet(ranges: [
        9...13, 32...32, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
    ])

    /// `\h`: horizontal white space.
    static let horizontalSpace = ScalarSet(ranges: [
        9...9, 32...32, 0xA0...0xA0, 0x1680...0x1680, 0x180E...0x180E, 0x2000...0x200A, 0x202F...0x202F,
        0x205F...0x205F, 0x3000...0x3000,
    ])

    /// `\v` and `\R`: vertical white space.
    static let verticalSpace = ScalarSet(ranges: [10...13, 0x85...0x85, 0x2028...0x2029])

    /// ASCII punctuation and symbols.
    static let asciiPunctuation = ScalarSet(ranges: [33...47, 58...64, 91...96, 123...126])

    /// The set for a POSIX class name (`alpha` in `[[:alpha:]]`), or nil for an unknown name.
    static func posix(_ name: String) -> ScalarSet? {
        switch name {
        case "alpha": letter
        case "digit": digit
        case "alnum": letter.union(digit)
        case "word": word
        case "space": space
        case "blank": horizontalSpace
        case "upper": asciiUpper.union(ScalarSet(ranges: [0xC0...0xDE, 0x391...0x3A9, 0x410...0x42F]))
        case "lower": asciiLower.union(ScalarSet(ranges: [0xDF...0xFF, 0x3B1...0x3C9, 0x430...0x44F]))
        case "punct": asciiPunctuation
        case "xdigit": ScalarSet(ranges: [48...57, 65...70, 97...102])
        case "cntrl": ScalarSet(ranges: [0...31, 127...127])
        case "ascii": ScalarSet(ranges: [0...127])
        case "print", "graph": ScalarSet(ranges: [32...126]).union(ScalarSet(ranges: [0xA0...ScalarSet.maxScalar]))
        default: nil
        }
    }

    /// The set for a `\p{…}` property name; broad or unknown properties give every character.
    static func property(_ name: String) -> ScalarSet {
        if name.hasPrefix("^") { return .all }  // \p{^L} is a negation; do not guess
        var key = ""
        key.unicodeScalars.append(contentsOf: name.unicodeScalars.filter { $0 != "_" && $0 != " " && $0 != "-" })
        key = key.lowercased()
        switch key {
        case "l", "l&", "lc", "lu", "ll", "lt", "lm", "lo", "letter", "xan": return key == "xan" ? word : letter
        case "n", "nd", "digit": return digit
        case "z", "zs", "xsp", "xps": return space
        case "xwd": return word
        default: return .all
        }
    }
}
