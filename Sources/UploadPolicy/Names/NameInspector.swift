/// Runs the enabled built-in checks on a name (already in NFC) and reports the first that fails, in
/// ``BuiltInCheck`` order.
struct NameInspector: Hashable, Sendable {
    /// The checks this policy runs.
    let enabled: Set<BuiltInCheck>

    /// The first failing check, or nil when the name passes them all.
    func firstFinding(in name: String) -> NameFinding? {
        if name.isEmpty {
            return enabled.contains(.emptyName) ? NameFinding(check: .emptyName, detail: nil) : nil
        }
        let characters = scanCharacters(name)
        for check in BuiltInCheck.allCases where enabled.contains(check) {
            if let finding = evaluate(check, name: name, characters: characters) { return finding }
        }
        return nil
    }

    private func evaluate(_ check: BuiltInCheck, name: String, characters: CharacterScan) -> NameFinding? {
        func finding(_ detail: String?) -> NameFinding { NameFinding(check: check, detail: detail) }
        switch check {
        case .emptyName:
            return nil
        case .controlCharacters:
            return characters.control.map { finding(Self.codePoint($0)) }
        case .bidiControls:
            return characters.bidi.map { finding(Self.codePoint($0)) }
        case .invisibleCharacters:
            return characters.invisible.map { finding(Self.codePoint($0)) }
        case .pathSeparators:
            return characters.separator.map { finding(String($0)) }
        case .dotSegments:
            return name == "." || name == ".." ? finding(name) : nil
        case .surroundingSpaces:
            let scalars = name.unicodeScalars
            let edges = [scalars.first!, scalars.last!]
            return edges.first { $0.properties.isWhitespace }.map { finding(Self.codePoint($0)) }
        case .trailingDots:
            return name.hasSuffix(".") ? finding(nil) : nil
        case .reservedDeviceNames:
            return Self.reservedDeviceName(in: name).map(finding)
        case .hiddenExecutables:
            return Self.hiddenExecutableExtension(in: name).map(finding)
        }
    }

    // MARK: Character scan

    /// The first offending scalar of each character class.
    private struct CharacterScan {
        var control: Unicode.Scalar?
        var bidi: Unicode.Scalar?
        var invisible: Unicode.Scalar?
        var separator: Unicode.Scalar?
    }

    private func scanCharacters(_ name: String) -> CharacterScan {
        var scan = CharacterScan()
        let scalars = name.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            if value < 0x80 {
                if CharacterClasses.isControl(value) {
                    if scan.control == nil { scan.control = scalar }
                } else if value == 0x2F || value == 0x5C {
                    if scan.separator == nil { scan.separator = scalar }
                }
            } else if CharacterClasses.isControl(value) {
                if scan.control == nil { scan.control = scalar }
            } else if CharacterClasses.isBidiControl(value) {
                if scan.bidi == nil { scan.bidi = scalar }
            } else if CharacterClasses.isInvisible(value), scan.invisible == nil,
                !Self.isExcusedJoiner(at: index, in: scalars)
            {
                scan.invisible = scalar
            }
            index = scalars.index(after: index)
        }
        return scan
    }

    /// ZWJ inside an emoji sequence (👁‍🗨), ZWJ or ZWNJ between letters of scripts that need them
    /// (Persian, Indic), and tag characters inside an emoji tag sequence (subdivision flags) are legitimate.
    private static func isExcusedJoiner(at index: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView)
        -> Bool
    {
        let value = scalars[index].value
        if (0xE0020...0xE007F).contains(value) { return isInsideTagSequence(at: index, in: scalars) }
        guard value == CharacterClasses.zeroWidthJoiner || value == CharacterClasses.zeroWidthNonJoiner,
            index > scalars.startIndex
        else { return false }
        let nextIndex = scalars.index(after: index)
        guard nextIndex < scalars.endIndex else { return false }
        let next = scalars[nextIndex]

        var previousIndex = scalars.index(before: index)
        if CharacterClasses.isJoiningLetter(scalars[previousIndex]), CharacterClasses.isJoiningLetter(next) {
            return true
        }
        guard value == CharacterClasses.zeroWidthJoiner else { return false }
        while previousIndex > scalars.startIndex, CharacterClasses.isEmojiExtender(scalars[previousIndex].value) {
            previousIndex = scalars.index(before: previousIndex)
        }
        return CharacterClasses.isPictographic(scalars[previousIndex]) && CharacterClasses.isPictographic(next)
    }

    /// A tag character preceded, through other tags, by U+1F3F4 WAVING BLACK FLAG.
    private static func isInsideTagSequence(
        at index: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView
    ) -> Bool {
        var position = index
        while position > scalars.startIndex {
            position = scalars.index(before: position)
            let value = scalars[position].value
            if value == CharacterClasses.blackFlag { return true }
            if !(0xE0020...0xE007F).contains(value) { return false }
        }
        return false
    }

    // MARK: Whole-name checks

    /// The device name when the part before the first dot, trailing spaces removed, is reserved on Windows.
    static func reservedDeviceName(in name: String) -> String? {
        var stem = name.prefix { $0 != "." }
        while stem.last == " " { stem = stem.dropLast() }
        guard stem.count >= 3, stem.count <= 7 else { return nil }
        let upper = stem.uppercased()
        return DeviceNames.reserved.contains(upper) ? String(stem) : nil
    }

    /// An executable or script extension found between the first and the last dot-separated part.
    static func hiddenExecutableExtension(in name: String) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return nil }
        for part in parts.dropFirst().dropLast() {
            let trimmed = part.lowercased().trimmingSpaces()
            if DeviceNames.executableExtensions.contains(trimmed) { return trimmed }
        }
        return nil
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// The string without leading and trailing U+0020 spaces.
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
