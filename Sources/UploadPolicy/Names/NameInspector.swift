/// Runs the enabled built-in checks on a name (already in NFC) and reports the first that fails, in
/// ``BuiltInCheck`` order.
///
/// Works on the name's UTF-8 bytes: ASCII names, the common case, never leave the byte loop; names with other
/// characters get a scalar-by-scalar scan, which knows when a joiner belongs to an emoji or a script.
///
/// The checks about the name's structure (separators, dot segments, trailing dots, device names, hidden
/// extensions) also judge the name's compatibility fold (NFKC) when it differs: NFKC normalisers
/// (`secure_filename` and its kind) and Windows' best-fit mapping to ANSI code pages turn `shell．php.jpg` into
/// `shell.php.jpg`, `a／b.pdf` into `a/b.pdf` and `ＣＯＮ.pdf` into `CON.pdf` on the systems that store the file.
struct NameInspector: Hashable, Sendable {
    /// The checks this policy runs, as a bit set indexed by ``BuiltInCheck`` order.
    private let enabled: UInt16

    init(enabled: Set<BuiltInCheck>) {
        self.enabled = Self.mask(of: enabled)
    }

    /// `checks` as a bit set indexed by ``BuiltInCheck`` order.
    private static func mask(of checks: Set<BuiltInCheck>) -> UInt16 {
        var mask: UInt16 = 0
        for (bit, check) in BuiltInCheck.ordered.enumerated() where checks.contains(check) { mask |= 1 << bit }
        return mask
    }

    /// The first failing check, or nil when the name passes them all.
    /// - Parameter isOwnFold: Whether the name is known to be its own compatibility fold
    ///   (``NameNormalization/nfcAndFoldCheck(_:)``), which spares computing the fold.
    func firstFinding(in name: String, isOwnFold: Bool = false) -> NameFinding? {
        name.withUTF8Bytes { firstFinding(in: name, bytes: $0, isOwnFold: isOwnFold) }
    }

    private func firstFinding(in name: String, bytes: UnsafeBufferPointer<UInt8>, isOwnFold: Bool) -> NameFinding? {
        guard !bytes.isEmpty else {
            return isOn(.emptyName) ? NameFinding(check: .emptyName, detail: nil) : nil
        }
        let isASCII = ASCII.isASCII(bytes)
        if isASCII, Self.isPlainASCII(bytes) { return nil }
        let characters = Self.scan(bytes)

        // The compatibility fold and its character classes, computed once, when a check first needs them. ASCII
        // is its own fold.
        var folded: (form: String, characters: CharacterScan)??
        for (bit, check) in BuiltInCheck.ordered.enumerated() where enabled & (1 << bit) != 0 {
            if let finding = evaluate(check, name: name, bytes: bytes, characters: characters) { return finding }
            guard !isASCII, !isOwnFold, Self.foldSensitive & (1 << bit) != 0 else { continue }
            if folded == nil {
                folded = .some(
                    NameNormalization.compatibilityFold(of: name).map { form in
                        (form, form.withUTF8Bytes { Self.scan($0) })
                    })
            }
            guard case .some(.some(let fold)) = folded else { continue }
            let finding = fold.form.withUTF8Bytes { foldedBytes in
                evaluate(check, name: fold.form, bytes: foldedBytes, characters: fold.characters)
            }
            if let finding {
                // A separator is shown as the name has it (“／”), not as it folds.
                guard check == .pathSeparators else { return finding }
                return NameFinding(check: check, detail: Self.firstFoldingTo(["/", "\\"], in: name) ?? finding.detail)
            }
        }
        return nil
    }

    /// The checks that also judge the compatibility fold, as a bit set indexed like ``enabled``.
    private static let foldSensitive = mask(of: [
        .pathSeparators, .dotSegments, .trailingDots, .reservedDeviceNames, .hiddenExecutables,
    ])

    /// The first scalar of `name` whose compatibility fold contains one of `targets`, as a string.
    private static func firstFoldingTo(_ targets: Set<Character>, in name: String) -> String? {
        let scalar = name.unicodeScalars.first {
            NameNormalization.compatibilityFold(of: String($0))?.contains(where: targets.contains) ?? false
        }
        return scalar.map { String($0) }
    }

    /// The character classes of a name's bytes.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> CharacterScan {
        guard ASCII.isASCII(bytes) else { return scanCharacters(bytes) }
        var characters = CharacterScan()
        for byte in bytes where byte < 0x30 || byte == 0x5C || byte == 0x7F {
            if byte < 0x20 || byte == 0x7F {
                if characters.control == nil { characters.control = Unicode.Scalar(byte) }
            } else if byte == 0x2F || byte == 0x5C {
                if characters.separator == nil { characters.separator = Unicode.Scalar(byte) }
            }
        }
        return characters
    }

    /// The common case, decided in one pass: an ASCII name with no control character, no separator, at most
    /// one dot (so no hidden extension), no space or dot at its ends, and a first part that cannot be a device
    /// name. Such a name passes every check, whichever are on.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var dots = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x30 || byte == 0x5C || byte == 0x7F {
                if byte < 0x20 || byte == 0x7F || byte == 0x2F || byte == 0x5C { return false }
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        let first = bytes[0]
        let last = bytes[bytes.count - 1]
        let mayBeDevice = DeviceNames.mayStartDeviceName(first) && (3...7).contains(DeviceNames.stemEnd(in: bytes))
        return dots < 2 && !mayBeDevice && first != 0x20 && last != 0x20 && last != UInt8(ascii: ".")
    }

    private func isOn(_ check: BuiltInCheck) -> Bool {
        guard let bit = BuiltInCheck.ordered.firstIndex(of: check) else { return false }
        return enabled & (1 << bit) != 0
    }

    private func evaluate(
        _ check: BuiltInCheck, name: String, bytes: UnsafeBufferPointer<UInt8>, characters: CharacterScan
    ) -> NameFinding? {
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
            let dots = bytes.allSatisfy { $0 == UInt8(ascii: ".") }
            return dots && bytes.count <= 2 ? finding(name) : nil
        case .surroundingSpaces:
            return Self.surroundingSpace(in: name, bytes: bytes).map { finding(Self.codePoint($0)) }
        case .trailingDots:
            return bytes.last == UInt8(ascii: ".") ? finding(nil) : nil
        case .reservedDeviceNames:
            return Self.reservedDeviceName(in: bytes).map(finding)
        case .hiddenExecutables:
            return Self.hiddenExecutableExtension(in: bytes).map(finding)
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

    /// One pass over the scalars, keeping what the joiner rules need to know about the ones before.
    private static func scanCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> CharacterScan {
        var scan = CharacterScan()
        walk(UTF8Scalars(bytes)) { value, refusedInvisible in
            if CharacterClasses.isControl(value) {
                if scan.control == nil { scan.control = Unicode.Scalar(value) }
            } else if value < 0x80 {
                if value == 0x2F || value == 0x5C, scan.separator == nil { scan.separator = Unicode.Scalar(value) }
            } else if CharacterClasses.isBidiControl(value) {
                if scan.bidi == nil { scan.bidi = Unicode.Scalar(value) }
            } else if refusedInvisible, scan.invisible == nil {
                scan.invisible = Unicode.Scalar(value)
            }
        }
        return scan
    }

    /// Walks scalar values with the joiner rules' context, telling `body` for each whether it is an invisible
    /// character the `invisibleCharacters` check refuses where it stands (not excused by ``JoinerContext``).
    /// The one place that decides it, for the check and for displays of untrusted text alike.
    @inline(__always)
    fileprivate static func walk<Values: IteratorProtocol<UInt32>>(
        _ values: Values, _ body: (_ value: UInt32, _ refusedInvisible: Bool) -> Void
    ) {
        var values = values
        var context = JoinerContext()
        var current = values.next()
        while let value = current {
            let next = values.next()
            // Every invisible character lies above ASCII: ASCII scalars, most of a name, skip the table.
            let invisible = value >= 0x80 && CharacterClasses.isInvisible(value)
            body(value, invisible && !context.excuses(value, followedBy: next))
            context.advance(past: value)
            current = next
        }
    }

    /// What the scalars before the current one say about joiners and tags.
    ///
    /// ZWJ inside an emoji sequence (👁‍🗨), ZWJ or ZWNJ between letters of scripts that need them (Persian,
    /// Indic) or right after a letter's virama (Malayalam chillu letters spelt with ZWJ end words: അവന്‍),
    /// tag characters inside an emoji tag sequence (subdivision flags), and a variation selector right after a
    /// character it can vary (❤️, 葛󠄀) are legitimate.
    private struct JoinerContext {
        /// The scalar just before the current one.
        private var previous: UInt32?
        /// The scalar before ``previous``.
        private var beforePrevious: UInt32?
        /// The nearest scalar before the current one that is not an emoji extender (or else the first).
        private var emojiBase: UInt32 = 0
        /// Whether the scalars just before are U+1F3F4 WAVING BLACK FLAG followed only by tag characters.
        private var inTagSequence = false

        /// Whether the invisible scalar `value`, seen here, is legitimate.
        func excuses(_ value: UInt32, followedBy next: UInt32?) -> Bool {
            if Self.isTag(value) { return inTagSequence }
            if CharacterClasses.isVariationSelector(value) {
                guard let previous, let base = Unicode.Scalar(previous) else { return false }
                return CharacterClasses.takesVariationSelector(value, after: base)
            }
            guard value == CharacterClasses.zeroWidthJoiner || value == CharacterClasses.zeroWidthNonJoiner else {
                return false
            }
            // After a virama that follows a letter, a joiner picks the half or chillu form (ZWJ) or keeps the
            // virama visible (ZWNJ), whatever comes next: a word often ends there.
            if let previous, let virama = Unicode.Scalar(previous),
                virama.properties.canonicalCombiningClass == .virama, let beforePrevious,
                let consonant = Unicode.Scalar(beforePrevious), Self.takesVirama(consonant)
            {
                return true
            }
            guard let previous, let next, let nextScalar = Unicode.Scalar(next),
                let previousScalar = Unicode.Scalar(previous)
            else { return false }
            if CharacterClasses.isJoiningLetter(previousScalar), CharacterClasses.isJoiningLetter(nextScalar) {
                return true
            }
            guard value == CharacterClasses.zeroWidthJoiner, let base = Unicode.Scalar(emojiBase) else { return false }
            return CharacterClasses.isPictographic(base) && CharacterClasses.isPictographic(nextScalar)
        }

        /// Moves past `value`, the current scalar.
        mutating func advance(past value: UInt32) {
            if previous == nil || !CharacterClasses.isEmojiExtender(value) { emojiBase = value }
            inTagSequence = value == CharacterClasses.blackFlag || (inTagSequence && Self.isTag(value))
            beforePrevious = previous
            previous = value
        }

        private static func isTag(_ value: UInt32) -> Bool { (0xE0020...0xE007F).contains(value) }

        /// A letter outside ASCII, or a nukta (which sits between a consonant and its virama: ज़्).
        private static func takesVirama(_ scalar: Unicode.Scalar) -> Bool {
            guard !scalar.isASCII else { return false }
            if scalar.properties.canonicalCombiningClass == .nukta { return true }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }
    }

    // MARK: Whole-name checks

    /// White space at either end of the name, if any.
    private static func surroundingSpace(in name: String, bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let first = bytes[0]
        let last = bytes[bytes.count - 1]
        if isASCIISpace(first) { return Unicode.Scalar(first) }
        if first >= 0x80, let scalar = name.unicodeScalars.first, scalar.properties.isWhitespace { return scalar }
        if isASCIISpace(last) { return Unicode.Scalar(last) }
        if last >= 0x80, let scalar = name.unicodeScalars.last, scalar.properties.isWhitespace { return scalar }
        return nil
    }

    /// The device name when the part before the first dot or colon, trailing spaces removed, is reserved on
    /// Windows (see ``DeviceNames/stemEnd(in:)``).
    static func reservedDeviceName(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let end = DeviceNames.stemEnd(in: bytes)
        // Every reserved name starts with C, P, A, N or L and is 3 to 7 bytes long (COM¹ is 5).
        guard (3...7).contains(end), DeviceNames.mayStartDeviceName(bytes[0]) else { return nil }
        let stem = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        return DeviceNames.reserved.contains(stem.uppercased()) ? stem : nil
    }

    /// An executable or script extension found between the first and the last dot-separated part. A part read
    /// up to a character that ends a name for some reader counts too (``endsExtension(_:)``): IIS 6 runs
    /// `shell.asp;.jpg` as ASP, NTFS writes `shell.asp:.jpg` as a file `shell.asp` with a data stream,
    /// `shell.php%00.jpg` decodes to a NUL that cuts the name at `shell.php`, and in a URL built from the name
    /// `shell.php?.jpg` and `shell.php#.jpg` ask for `shell.php`.
    static func hiddenExecutableExtension(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard var start = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        start += 1
        while let dot = bytes[start...].firstIndex(of: UInt8(ascii: ".")) {
            var lower = start
            var upper = bytes[start..<dot].firstIndex(where: endsExtension) ?? dot
            while lower < upper, bytes[lower] == 0x20 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
            if (1...8).contains(upper - lower), bytes[lower..<upper].allSatisfy({ $0 < 0x80 }) {
                var part = ""
                for byte in bytes[lower..<upper] {
                    part.unicodeScalars.append(Unicode.Scalar((0x41...0x5A).contains(byte) ? byte + 0x20 : byte))
                }
                if DeviceNames.executableExtensions.contains(part) { return part }
            }
            start = dot + 1
        }
        return nil
    }

    /// `;` (IIS path parameters), `:` (NTFS data streams), `%` (a percent-escape such as `%00`), `?` and `#`
    /// (a URL's query and fragment).
    private static func endsExtension(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"): true
        default: false
        }
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension CharacterClasses {
    /// Calls `body` with each scalar of `text` and whether it is hidden there: a control or bidi control, or an
    /// invisible character the `invisibleCharacters` check refuses where it stands. A ZWJ inside an emoji
    /// sequence, a ZWJ or ZWNJ between letters, tags in a flag sequence and a variation selector right after a
    /// character it varies are not hidden; the same characters anywhere else are (`application/pdf` followed by
    /// a ZWJ or VS16 renders as `application/pdf`). Displays of untrusted text mark exactly these.
    package static func forEachScalar(in text: String, _ body: (Unicode.Scalar, _ isHidden: Bool) -> Void) {
        NameInspector.walk(text.unicodeScalars.lazy.map(\.value).makeIterator()) { value, refusedInvisible in
            // Every value came from a scalar of `text`, so it is one.
            body(Unicode.Scalar(value)!, isControl(value) || isBidiControl(value) || refusedInvisible)
        }
    }
}
