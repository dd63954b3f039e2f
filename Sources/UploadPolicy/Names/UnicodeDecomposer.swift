internal import _FoundationICU

/// ICU's decomposition mappings, one character at a time, with runs of combining marks sorted into canonical
/// order here: a text's NFD or NFKD in time linear in its length plus the sorts, for the texts
/// ``UnicodeNormalizer`` keeps away from ICU's own normalisers (whose reordering and recomposition take time in
/// proportion to the square of a segment's length).
struct UnicodeDecomposer: @unchecked Sendable {
    /// Canonical decomposition (NFD's mappings), ahead of NFC.
    static let canonical = UnicodeDecomposer(form: "NFD", swift_unorm2_getNFDInstance)
    /// Compatibility decomposition (NFKD's mappings), ahead of NFKC: more characters decompose to non-starters
    /// under it (U+FF9E, the halfwidth voiced mark, becomes U+3099).
    static let compatibility = UnicodeDecomposer(form: "NFKD", swift_unorm2_getNFKDInstance)

    /// A scalar of a decomposition and its canonical combining class.
    struct Part {
        let scalar: UInt32
        let combiningClass: UInt8
    }

    /// ICU's shared instance: immutable and never freed, so any thread may use it (hence `@unchecked Sendable`).
    private let instance: OpaquePointer
    private let form: String

    private init(form: String, _ sharedInstance: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?) {
        instance = ICUStatus.sharedNormalizer(form, sharedInstance)
        self.form = form
    }

    /// `units` (UTF-16) decomposed and in canonical order: the text's NFD or NFKD.
    func decomposedInCanonicalOrder(_ units: UnsafeBufferPointer<UInt16>) -> [Part] {
        var parts: [Part] = []
        parts.reserveCapacity(units.count)
        for scalar in UTF16Scalars(units) {
            forEachPart(of: scalar) { parts.append(Part(scalar: $0, combiningClass: $1)) }
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
        return parts
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
