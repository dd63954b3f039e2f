internal import _FoundationICU

/// ICU's decomposition mappings, one character at a time, for the texts whose runs of combining marks are too
/// long to hand ICU's normalisers as they are.
///
/// ICU puts combining marks in canonical order by insertion, which costs time in proportion to the square of the
/// number of marks in a row: 8,000 alternating marks took about 17 ms, a megabyte of them tens of seconds. For a
/// text with a run of more than ``longRun`` non-starters (characters of nonzero combining class), the
/// ``UnicodeNormalizer`` instead hands ICU the text decomposed here, with each run put in canonical order by a
/// stable sort on combining class (which is what canonical ordering is), so ICU's reordering has nothing left
/// to move. The result is the same normal form, in linear time plus the sort.
struct UnicodeDecomposer: @unchecked Sendable {
    /// Canonical decomposition (NFD's mappings), ahead of NFC.
    static let canonical = UnicodeDecomposer(form: "NFD", swift_unorm2_getNFDInstance)
    /// Compatibility decomposition (NFKD's mappings), ahead of NFKC: more characters decompose to non-starters
    /// under it (U+FF9E, the halfwidth voiced mark, becomes U+3099).
    static let compatibility = UnicodeDecomposer(form: "NFKD", swift_unorm2_getNFKDInstance)

    /// The longest run of non-starters left to ICU as it is: Unicode's limit for stream-safe text (UAX #15 §13),
    /// which no writing system comes near.
    static let longRun = 30

    /// ICU's shared instance: immutable and never freed, so any thread may use it (hence `@unchecked Sendable`).
    private let instance: OpaquePointer
    private let form: String

    private init(form: String, _ sharedInstance: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?) {
        var status = U_ZERO_ERROR
        guard let instance = sharedInstance(&status), status.rawValue <= U_ZERO_ERROR.rawValue else {
            fatalError("ICU has no \(form) normaliser (\(ICUStatus.describe(status)))")
        }
        self.instance = instance
        self.form = form
    }

    /// Whether `units` (UTF-16) decompose to a run of more than ``longRun`` non-starters.
    func hasLongRun(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var run = 0
        for scalar in UTF16Scalars(units) {
            // Most characters neither decompose nor combine: they end a run.
            if swift_unorm2_isInert(instance, Int32(bitPattern: scalar)) != 0 {
                run = 0
                continue
            }
            var leading = 0
            var trailing = 0
            var count = 0
            forEachPart(of: scalar) { _, combiningClass in
                count += 1
                trailing = combiningClass == 0 ? 0 : trailing + 1
                if leading == count - 1, combiningClass != 0 { leading += 1 }
            }
            // UAX #15's count: the leading non-starters join the run; a starter inside ends it.
            if run + leading > Self.longRun { return true }
            run = leading == count ? run + count : trailing
        }
        return false
    }

    /// `units` (UTF-16) decomposed and in canonical order, as UTF-16: the text's NFD or NFKD.
    func decomposedInCanonicalOrder(_ units: UnsafeBufferPointer<UInt16>) -> [UInt16] {
        var parts: [(scalar: UInt32, combiningClass: UInt8)] = []
        parts.reserveCapacity(units.count)
        for scalar in UTF16Scalars(units) {
            forEachPart(of: scalar) { parts.append(($0, $1)) }
        }
        var start = 0
        while start < parts.count {
            guard parts[start].combiningClass != 0 else {
                start += 1
                continue
            }
            var end = start
            while end < parts.count, parts[end].combiningClass != 0 { end += 1 }
            // Stable: marks of equal class keep their order.
            let ordered = parts[start..<end].enumerated().sorted {
                ($0.element.combiningClass, $0.offset) < ($1.element.combiningClass, $1.offset)
            }
            parts.replaceSubrange(start..<end, with: ordered.map(\.element))
            start = end
        }
        var output: [UInt16] = []
        output.reserveCapacity(parts.count + parts.count / 4)
        for part in parts {
            if part.scalar < 0x10000 {
                output.append(UInt16(truncatingIfNeeded: part.scalar))
            } else {
                output.append(UInt16(truncatingIfNeeded: 0xD7C0 + (part.scalar >> 10)))
                output.append(UInt16(truncatingIfNeeded: 0xDC00 | (part.scalar & 0x3FF)))
            }
        }
        return output
    }

    /// Calls `body` with each scalar of the full decomposition of `scalar` (itself when it has none) and its
    /// combining class.
    private func forEachPart(of scalar: UInt32, _ body: (UInt32, UInt8) -> Void) {
        // The longest decomposition, NFKD's of U+FDFA, is 18 UTF-16 units; a longer one in a later Unicode takes
        // the second call.
        var inline: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        let done = withUnsafeMutableBytes(of: &inline) { raw in
            forEachPart(of: scalar, buffer: raw.bindMemory(to: UInt16.self), body)
        }
        if !done {
            var heap = [UInt16](repeating: 0, count: 256)
            _ = heap.withUnsafeMutableBufferPointer { forEachPart(of: scalar, buffer: $0, body) }
        }
    }

    /// The work of ``forEachPart(of:_:)`` with `buffer` for the decomposition; false, having called nothing,
    /// when it does not fit.
    private func forEachPart(
        of scalar: UInt32, buffer: UnsafeMutableBufferPointer<UInt16>, _ body: (UInt32, UInt8) -> Void
    ) -> Bool {
        var status = U_ZERO_ERROR
        let length = swift_unorm2_getDecomposition(
            instance, Int32(bitPattern: scalar), buffer.baseAddress, Int32(buffer.count), &status)
        if status == U_BUFFER_OVERFLOW_ERROR { return false }
        ICUStatus.check(status, form)
        guard length >= 0 else {
            body(scalar, swift_unorm2_getCombiningClass(instance, Int32(bitPattern: scalar)))
            return true
        }
        for part in UTF16Scalars(UnsafeBufferPointer(rebasing: buffer[..<Int(length)])) {
            body(part, swift_unorm2_getCombiningClass(instance, Int32(bitPattern: part)))
        }
        return true
    }
}
