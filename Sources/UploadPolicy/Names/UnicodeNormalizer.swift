internal import _FoundationICU

/// ICU's Unicode normalisers: the only code in UploadGate that calls ICU.
///
/// The ICU is the toolchain's own copy, the one Foundation is built on (module `_FoundationICU`, whose C
/// functions carry a `swift_` prefix), so normal forms follow the same Unicode version as the standard library
/// and Foundation, whatever ICU the host has installed, and no system package is needed.
///
/// ICU first runs its quick-check tables over the text and rewrites only texts that need it. Both steps work on
/// UTF-16, so a name is transcoded on the way in and, when its normal form differs, on the way out; ASCII text,
/// which every normal form leaves alone, never gets that far.
///
/// Reordering combining marks costs ICU time in proportion to the square of their number in a row, so a text
/// is first made *stream-safe* (Unicode Standard Annex #15, section 13): where a run of non-starters (characters
/// with a nonzero combining class, counted in their canonical decomposition) would grow past
/// ``maxNonStarterRun``, a U+034F COMBINING GRAPHEME JOINER is put before the next one. Text people write never
/// has such runs; a name that does comes out with the joiner, which the `invisibleCharacters` check refuses.
struct UnicodeNormalizer: @unchecked Sendable {
    /// Normalization Form C: canonical decomposition, then canonical composition.
    static let nfc = UnicodeNormalizer(form: "NFC", swift_unorm2_getNFCInstance)
    /// Normalization Form KC: compatibility decomposition, then canonical composition.
    static let nfkc = UnicodeNormalizer(form: "NFKC", swift_unorm2_getNFKCInstance)
    /// Normalization Form D, used only to count non-starters.
    private static let nfd = UnicodeNormalizer(form: "NFD", swift_unorm2_getNFDInstance)

    /// The Unicode version of ICU's data (16.0 with Swift 6.3): characters assigned later are unassigned to it,
    /// so it leaves them as they are.
    static let unicodeVersion: (major: Int, minor: Int) = {
        var version: UVersionInfo = (0, 0, 0, 0)
        swift_u_getUnicodeVersion(&version)
        return (Int(version.0), Int(version.1))
    }()

    /// The longest run of non-starters normalised as it is (UAX #15's limit for stream-safe text).
    static let maxNonStarterRun = 30
    /// U+034F COMBINING GRAPHEME JOINER: a starter that renders as nothing, which ends a run of non-starters.
    static let graphemeJoiner: UInt16 = 0x034F

    /// ICU's shared instance: immutable and never freed, so any thread may use it (hence `@unchecked Sendable`).
    private let instance: OpaquePointer
    private let form: String

    private init(form: String, _ sharedInstance: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?) {
        var status = U_ZERO_ERROR
        let instance = sharedInstance(&status)
        guard let instance, status.rawValue <= U_ZERO_ERROR.rawValue else {
            fatalError("ICU has no \(form) normaliser (\(Self.describe(status)))")
        }
        self.instance = instance
        self.form = form
    }

    /// `utf8` (valid UTF-8, such as a `String`'s bytes) in this normal form, made stream-safe first; nil when
    /// that is `utf8` itself.
    func normalized(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        Self.withUTF16(of: utf8) { normalized($0) } ?? nil
    }

    /// `utf8` in NFC as ``normalized(_:)`` gives it, and whether `utf8` is in NFKC too, so that it is its own
    /// compatibility fold. One transcoding serves both, and text that passes NFKC's quick check needs no NFC
    /// check at all: NFKC text is NFC text.
    static func nfcAndFoldCheck(_ utf8: UnsafeBufferPointer<UInt8>) -> (nfc: String?, isOwnFold: Bool) {
        withUTF16(of: utf8) { text in
            if !text.mayNeedJoiners, nfkc.passesQuickCheck(text.units) { return (nil, true) }
            return (nfc.normalized(text), false)
        } ?? (nil, true)
    }

    /// A name transcoded to UTF-16 for ICU.
    private struct UTF16Text {
        let units: UnsafeBufferPointer<UInt16>
        /// Whether a run of scalars is long enough to hold more than ``maxNonStarterRun`` non-starters.
        let mayNeedJoiners: Bool
    }

    /// Calls `body` with `utf8` transcoded to UTF-16; nil without calling it when `utf8` is ASCII, which every
    /// normal form leaves alone.
    private static func withUTF16<Result>(
        of utf8: UnsafeBufferPointer<UInt8>, _ body: (UTF16Text) -> Result
    ) -> Result? {
        if ASCII.isASCII(utf8) { return nil }
        // Keeps every buffer size below, joiners and ICU's slack included, within ICU's Int32 lengths.
        precondition(utf8.count <= Int(Int32.max) / 2, "a text of \(utf8.count) bytes is beyond ICU's reach")
        // UTF-16 never takes more units than UTF-8 takes bytes.
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: utf8.count) { buffer in
            let transcoded = transcode(utf8, into: buffer)
            return body(
                UTF16Text(
                    units: UnsafeBufferPointer(rebasing: buffer[..<transcoded.count]),
                    mayNeedJoiners: transcoded.longestCandidateRun > maxNonStarterRun / maxNonStartersPerScalar))
        }
    }

    private func normalized(_ text: UTF16Text) -> String? {
        let units = text.units
        if text.mayNeedJoiners {
            // Count the non-starters. A joiner at most every maxNonStarterRun units: at most
            // units.count / maxNonStarterRun + 1 of them.
            let capacity = units.count + units.count / Self.maxNonStarterRun + 1
            let result: String?? = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { safe in
                let written = Self.makeStreamSafe(units, into: safe)
                guard written > units.count else { return .none }  // no joiner needed
                return .some(rewritten(UnsafeBufferPointer(rebasing: safe[..<written]), original: units))
            }
            if let result { return result }
        }
        return passesQuickCheck(units) ? nil : rewritten(units, original: units)
    }

    /// Whether ICU's quick check finds all of `units` in this normal form whatever follows.
    private func passesQuickCheck(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var status = U_ZERO_ERROR
        let span = swift_unorm2_spanQuickCheckYes(instance, units.baseAddress, Int32(units.count), &status)
        check(status)
        return span == units.count
    }

    /// The normal form of `text`, or nil when it turns out to be `original` itself (a "maybe" of the quick
    /// check, such as a combining mark that composes with nothing before it).
    private func rewritten(_ text: UnsafeBufferPointer<UInt16>, original: UnsafeBufferPointer<UInt16>) -> String? {
        // NFC makes UTF-16 text at most 3 times longer and NFKC 18 times, but names grow by a few units at most:
        // start with that, and ask once more with the length ICU reports when it needs more room.
        var capacity = text.count + 16
        while true {
            let result: String?? = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { output in
                var status = U_ZERO_ERROR
                let length = swift_unorm2_normalize(
                    instance, text.baseAddress, Int32(text.count), output.baseAddress, Int32(capacity), &status)
                if status == U_BUFFER_OVERFLOW_ERROR {
                    capacity = Int(length)
                    return .none
                }
                check(status)
                let normalized = UnsafeBufferPointer(rebasing: output[..<Int(length)])
                return .some(normalized.elementsEqual(original) ? nil : Self.string(fromUTF16: normalized))
            }
            if let result { return result }
        }
    }

    /// The most non-starters one scalar's canonical decomposition holds at either end (U+1F82 ᾂ: α and three
    /// marks), so a run of non-starters longer than ``maxNonStarterRun`` spans more than
    /// `maxNonStarterRun / maxNonStartersPerScalar` consecutive scalars that may hold one.
    private static let maxNonStartersPerScalar = 3

    /// Whether a scalar may be a non-starter or decompose to one: the first scalar with a canonical decomposition is
    /// U+00C0 and the first non-starter U+0300; CJK ideographs and Hangul syllables are neither (a syllable
    /// decomposes to jamo, all starters).
    private static func mayHoldNonStarters(_ value: UInt32) -> Bool {
        value >= 0xC0 && !(0x3400...0x9FFF).contains(value) && !(0xAC00...0xD7A3).contains(value)
    }

    /// Writes the UTF-16 form of `utf8` to the start of `buffer`; returns how many units it took, and the longest
    /// run of consecutive scalars that ``mayHoldNonStarters(_:)``, which costs a comparison or two a scalar.
    private static func transcode(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt16>)
        -> (count: Int, longestCandidateRun: Int)
    {
        var count = 0
        var run = 0
        var longestRun = 0
        var scalars = UTF8Scalars(utf8)
        while let value = scalars.next() {
            if value < 0x80 {  // most of most names: no range tests
                buffer[count] = UInt16(truncatingIfNeeded: value)
                count += 1
                run = 0
                continue
            }
            if mayHoldNonStarters(value) {
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
            if value < 0x10000 {
                buffer[count] = UInt16(truncatingIfNeeded: value)
                count += 1
            } else {
                buffer[count] = UInt16(truncatingIfNeeded: 0xD7C0 + (value >> 10))
                buffer[count + 1] = UInt16(truncatingIfNeeded: 0xDC00 | (value & 0x3FF))
                count += 2
            }
        }
        precondition(scalars.isAtEnd, "normalising bytes that are not valid UTF-8")
        return (count, longestRun)
    }

    /// The string `units` (valid UTF-16) spell, transcoded here: `String(decoding:as: UTF16.self)` takes a slower
    /// general path, several times the cost of the normalisation itself for a short name.
    private static func string(fromUTF16 units: UnsafeBufferPointer<UInt16>) -> String {
        // A UTF-16 unit takes at most 3 UTF-8 bytes (a surrogate pair, two units, takes 4).
        String(unsafeUninitializedCapacity: units.count * 3) { bytes in
            var count = 0
            var index = 0
            while index < units.count {
                var value = UInt32(units[index])
                index += 1
                if UTF16.isLeadSurrogate(UInt16(value)), index < units.count, UTF16.isTrailSurrogate(units[index]) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                    index += 1
                }
                UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { byte in
                    bytes[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// Copies `units` to `output` with a ``graphemeJoiner`` wherever UAX #15's stream-safe text process puts one,
    /// and returns how many units it wrote.
    private static func makeStreamSafe(
        _ units: UnsafeBufferPointer<UInt16>, into output: UnsafeMutableBufferPointer<UInt16>
    ) -> Int {
        var written = 0
        var run = 0
        var index = 0
        while index < units.count {
            let isPair =
                UTF16.isLeadSurrogate(units[index]) && index + 1 < units.count
                && UTF16.isTrailSurrogate(units[index + 1])
            let width = isPair ? 2 : 1
            let scalar =
                isPair
                ? 0x10000 + ((Int32(units[index]) - 0xD800) << 10) + (Int32(units[index + 1]) - 0xDC00)
                : Int32(units[index])
            let counts = nfd.nonStarters(in: scalar)
            if run + counts.leading > maxNonStarterRun {
                output[written] = graphemeJoiner
                written += 1
                run = 0
            }
            run = counts.allNonStarters ? run + counts.leading : counts.trailing
            for offset in 0..<width { output[written + offset] = units[index + offset] }
            written += width
            index += width
        }
        return written
    }

    /// How many non-starters begin and end the canonical decomposition of `scalar`, and whether it is all
    /// non-starters. Called on the NFD normaliser.
    private func nonStarters(in scalar: Int32) -> (leading: Int, trailing: Int, allNonStarters: Bool) {
        // ICU's lead and trail combining classes: those of the first and last scalar of the decomposition.
        if swift_u_getIntPropertyValue(scalar, UCHAR_LEAD_CANONICAL_COMBINING_CLASS) == 0,
            swift_u_getIntPropertyValue(scalar, UCHAR_TRAIL_CANONICAL_COMBINING_CLASS) == 0
        {
            return (0, 0, false)
        }
        // The longest canonical decomposition is four scalars, eight UTF-16 units at most.
        var decomposition: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0)
        var status = U_ZERO_ERROR
        let classes = withUnsafeMutableBytes(of: &decomposition) { raw in
            let units = raw.bindMemory(to: UInt16.self)
            let length = swift_unorm2_getDecomposition(instance, scalar, units.baseAddress, Int32(units.count), &status)
            check(status)
            // No decomposition: the scalar is a non-starter itself.
            guard length > 0 else { return [swift_unorm2_getCombiningClass(instance, scalar)] }
            return String(decoding: units.prefix(Int(length)), as: UTF16.self).unicodeScalars.map {
                swift_unorm2_getCombiningClass(instance, Int32(bitPattern: $0.value))
            }
        }
        let leading = classes.prefix { $0 != 0 }.count
        let trailing = classes.reversed().prefix { $0 != 0 }.count
        return (leading, trailing, leading == classes.count)
    }

    /// ICU fails on valid input only when it cannot allocate memory, which Swift treats as fatal everywhere.
    /// Statuses above zero are errors (ICU's `U_FAILURE`); below zero, warnings.
    private func check(_ status: UErrorCode) {
        if status.rawValue > U_ZERO_ERROR.rawValue {
            fatalError("ICU's \(form) normaliser failed: \(Self.describe(status))")
        }
    }

    private static func describe(_ status: UErrorCode) -> String { String(cString: swift_u_errorName(status)) }
}
