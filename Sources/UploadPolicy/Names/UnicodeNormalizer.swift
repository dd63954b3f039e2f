internal import _FoundationICU

/// ICU's Unicode normalisers: with ``UnicodeDecomposer`` and ``ICUStatus``, the only code in UploadGate that calls
/// ICU.
///
/// The ICU is the toolchain's own copy, the one Foundation is built on (module `_FoundationICU`, whose C
/// functions carry a `swift_` prefix), so normal forms follow Foundation's Unicode version whatever ICU the host
/// has installed, and no system package is needed.
///
/// ICU first runs its quick-check tables over the text and rewrites only texts that need it. Both steps work on
/// UTF-16, so a name is transcoded on the way in and, when its normal form differs, on the way out; ASCII text,
/// which every normal form leaves alone, never gets that far.
///
/// ICU normalises a text segment by segment, a segment being a character and those after it that can interact
/// with it (combining marks; the Unicode 16 vowel signs of Kirat Rai, Tulu-Tigalari and Gurung Khema, starters
/// that compose with each other), and within one it takes time in proportion to the square of its length: it
/// reorders marks by insertion and shifts the rest of its buffer for each composition. So a text with a segment
/// of more than ``longSegment`` characters, which no writing system needs, is normalised here instead, in linear
/// time: decomposed and sorted by ``UnicodeDecomposer``, then composed pair by pair with ICU's composition data.
struct UnicodeNormalizer: @unchecked Sendable {
    /// Normalization Form C: canonical decomposition, then canonical composition.
    static let nfc = UnicodeNormalizer(form: "NFC", swift_unorm2_getNFCInstance, decomposer: .canonical)
    /// Normalization Form KC: compatibility decomposition, then canonical composition.
    static let nfkc = UnicodeNormalizer(form: "NFKC", swift_unorm2_getNFKCInstance, decomposer: .compatibility)

    /// The Unicode version of ICU's data (16.0 with Swift 6.3): characters assigned later are unassigned to it,
    /// so it leaves them as they are.
    static let unicodeVersion: (major: Int, minor: Int) = {
        var version: UVersionInfo = (0, 0, 0, 0)
        swift_u_getUnicodeVersion(&version)
        return (Int(version.0), Int(version.1))
    }()

    /// The longest run of characters that interact with the one before left to ICU: Unicode's limit for
    /// stream-safe text (UAX #15 §13), far above anything a writing system needs.
    static let longSegment = 30

    /// ICU's shared instance: immutable and never freed, so any thread may use it (hence `@unchecked Sendable`).
    private let instance: OpaquePointer
    private let form: String
    /// The decomposition this form starts with, for texts with long segments.
    private let decomposer: UnicodeDecomposer

    private init(
        form: String, _ sharedInstance: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?,
        decomposer: UnicodeDecomposer
    ) {
        instance = ICUStatus.sharedNormalizer(form, sharedInstance)
        self.form = form
        self.decomposer = decomposer
    }

    /// `utf8` (valid UTF-8, such as a `String`'s bytes) in this normal form; nil when that is `utf8` itself.
    func normalized(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        Self.withUTF16(of: utf8) { normalized($0) } ?? nil
    }

    /// `utf8` in NFC as ``normalized(_:)`` gives it, and whether `utf8` is in NFKC too, so that it is its own
    /// compatibility fold. One transcoding serves both, and text that passes NFKC's quick check needs no NFC
    /// check at all: NFKC text is NFC text.
    static func nfcAndFoldCheck(_ utf8: UnsafeBufferPointer<UInt8>) -> (nfc: String?, isOwnFold: Bool) {
        withUTF16(of: utf8) { text in
            if !text.mayHaveLongSegments, nfkc.passesQuickCheck(text.units) { return (nil, true) }
            return (nfc.normalized(text), false)
        } ?? (nil, true)
    }

    /// A name transcoded to UTF-16 for ICU.
    private struct UTF16Text {
        let units: UnsafeBufferPointer<UInt16>
        /// Whether a run of scalars is long enough to make a segment of more than ``longSegment`` characters.
        let mayHaveLongSegments: Bool
    }

    /// Calls `body` with `utf8` transcoded to UTF-16; nil without calling it when `utf8` is ASCII, which every
    /// normal form leaves alone.
    private static func withUTF16<Result>(
        of utf8: UnsafeBufferPointer<UInt8>, _ body: (UTF16Text) -> Result
    ) -> Result? {
        if ASCII.isASCII(utf8) { return nil }
        // Keeps every length below within ICU's Int32 lengths, a decomposition 18 times longer (NFKD's most) and
        // ICU's slack included: 64 MiB, far above any request body.
        precondition(utf8.count <= Int(Int32.max) / 32, "a text of \(utf8.count) bytes is beyond ICU's reach")
        // UTF-16 never takes more units than UTF-8 takes bytes.
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: utf8.count) { buffer in
            let transcoded = transcode(utf8, into: buffer)
            return body(
                UTF16Text(
                    units: UnsafeBufferPointer(rebasing: buffer[..<transcoded.count]),
                    mayHaveLongSegments: transcoded.longestCandidateRun > longSegment))
        }
    }

    private func normalized(_ text: UTF16Text) -> String? {
        let units = text.units
        if text.mayHaveLongSegments, hasLongSegment(units) { return normalizedInLinearTime(units) }
        return passesQuickCheck(units) ? nil : rewritten(units, original: units)
    }

    /// Whether `units` hold more than ``longSegment`` characters in a row that can interact with the one before
    /// (ICU: no normalisation boundary before them).
    func hasLongSegment(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var run = 0
        for scalar in UTF16Scalars(units) {
            if swift_unorm2_hasBoundaryBefore(instance, Int32(bitPattern: scalar)) != 0 {
                run = 0
            } else {
                run += 1
                if run > Self.longSegment { return true }
            }
        }
        return false
    }

    /// The normal form of `units`, or nil when that is `units` itself, without ICU's normaliser: the text
    /// decomposed and canonically ordered (``UnicodeDecomposer``), then composed by Unicode's canonical
    /// composition algorithm (The Unicode Standard, §3.11): each character joins the last starter when ICU has a
    /// primary composite for the pair (`unorm2_composePair`, which leaves out composition exclusions) and no
    /// character between them blocks it.
    private func normalizedInLinearTime(_ units: UnsafeBufferPointer<UInt16>) -> String? {
        var composed: [UInt32] = []
        composed.reserveCapacity(units.count)
        var starter: Int?  // index in `composed` of the last starter
        var lastClass: UInt8 = 0  // combining class of the last character kept after that starter
        for part in decomposer.decomposedInCanonicalOrder(units) {
            if let starter {
                // Marks after the starter are in canonical order, so the last kept has the highest class.
                let isBlocked = composed.count - 1 != starter && lastClass >= part.combiningClass
                if !isBlocked {
                    let composite = swift_unorm2_composePair(
                        instance, Int32(bitPattern: composed[starter]), Int32(bitPattern: part.scalar))
                    if composite >= 0 {
                        composed[starter] = UInt32(composite)
                        continue
                    }
                }
            }
            if part.combiningClass == 0 { starter = composed.count }
            lastClass = part.combiningClass
            composed.append(part.scalar)
        }
        if composed.elementsEqual(UTF16Scalars(units)) { return nil }
        return Self.string(composed, maxUTF8Count: composed.count * 4)
    }

    /// Whether ICU's quick check finds all of `units` in this normal form whatever follows.
    private func passesQuickCheck(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var status = U_ZERO_ERROR
        let span = swift_unorm2_spanQuickCheckYes(instance, units.baseAddress, Int32(units.count), &status)
        ICUStatus.check(status, form)
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
                ICUStatus.check(status, form)
                let normalized = UnsafeBufferPointer(rebasing: output[..<Int(length)])
                if normalized.elementsEqual(original) { return .some(nil) }
                // A UTF-16 unit takes at most 3 UTF-8 bytes (a surrogate pair, two units, takes 4).
                return .some(Self.string(UTF16Scalars(normalized), maxUTF8Count: normalized.count * 3))
            }
            if let result { return result }
        }
    }

    /// Whether a scalar may interact with the one before it (have no normalisation boundary before it, in NFC or
    /// NFKC): every such scalar is from U+0300 up (the first combining mark), and none is a CJK ideograph or a
    /// Hangul syllable (checked over every code point against the toolchain's ICU).
    private static func mayInteractWithPrevious(_ value: UInt32) -> Bool {
        value >= 0x300 && !(0x3400...0x9FFF).contains(value) && !(0xAC00...0xD7A3).contains(value)
    }

    /// Writes the UTF-16 form of `utf8` to the start of `buffer`; returns how many units it took, and the longest
    /// run of consecutive scalars that ``mayInteractWithPrevious(_:)``, which costs a comparison or two a scalar.
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
            if mayInteractWithPrevious(value) {
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

    /// The string of `scalars` (valid scalar values), encoded here: `String(decoding:as: UTF16.self)` and
    /// appending to a `String.UnicodeScalarView` take slower general paths, several times the cost of the
    /// normalisation itself for a short name.
    private static func string<Scalars: Sequence<UInt32>>(_ scalars: Scalars, maxUTF8Count: Int) -> String {
        String(unsafeUninitializedCapacity: maxUTF8Count) { bytes in
            var count = 0
            for value in scalars {
                UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { byte in
                    bytes[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
