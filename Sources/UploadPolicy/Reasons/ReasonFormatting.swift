/// Language-aware formatting of the values reasons mention.
enum ReasonFormatting {
    /// "A, B or C" / "A, B ou C".
    static func list(_ items: [String], in language: Language) -> String {
        var unique: [String] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        guard unique.count > 1 else { return unique.first ?? "" }
        let conjunction = language == .brazilianPortuguese ? " ou " : " or "
        return unique.dropLast().joined(separator: ", ") + conjunction + unique.last!
    }

    /// A byte count as people read it: "1 byte", "512 bytes", "50 MB", "1.5 GB" ("1,5 GB" in Portuguese). Binary
    /// units.
    static func size(_ bytes: Int64, in language: Language) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        if bytes == 1 { return "1 byte" }
        if bytes < 1024 { return "\(bytes) bytes" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        var text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
        if language == .brazilianPortuguese { text = text.replacingOccurrences(of: ".", with: ",") }
        return "\(text) \(units[unit])"
    }

    /// User-supplied text made safe to show: controls, bidi controls and invisible characters each replaced by
    /// U+FFFD � (they could reorder or hide the message itself, and dropping them would make `application/pdf`
    /// followed by a NUL read as a valid type), and very long values shortened. Joiners, tags and variation
    /// selectors are kept only where the `invisibleCharacters` check excuses them (emoji and flag sequences,
    /// letters of scripts that join, a character they vary), as ``CharacterClasses/forEachScalar(in:_:)``
    /// decides: anywhere else they hide as much as a zero-width space.
    static func displaySafe(_ text: String, limit: Int = 80) -> String {
        var scalars = String.UnicodeScalarView()
        CharacterClasses.forEachScalar(in: text) { scalar, hidden in
            scalars.append(hidden ? "\u{FFFD}" : scalar)
        }
        let clean = String(scalars)
        guard clean.count > limit else { return clean }
        return String(clean.prefix(limit - 1)) + "…"
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
