internal import CICU

/// ICU's Unicode normalisers: the only code in this module that calls ICU (through the CICU door).
///
/// ICU first runs its quick-check tables over the text and rewrites only texts that need it. Both steps work on
/// UTF-16, so a name is transcoded on the way in and, when its normal form differs, on the way out; ASCII text,
/// which every normal form leaves alone, never gets that far.
struct UnicodeNormalizer: @unchecked Sendable {
    /// Normalization Form C: canonical decomposition, then canonical composition.
    static let nfc = UnicodeNormalizer(form: "NFC", cicu_nfc_instance)
    /// Normalization Form KC: compatibility decomposition, then canonical composition.
    static let nfkc = UnicodeNormalizer(form: "NFKC", cicu_nfkc_instance)

    /// ICU's shared instance: immutable and never freed, so any thread may use it (hence `@unchecked Sendable`).
    private let instance: UnsafeRawPointer
    private let form: String

    private init(form: String, _ sharedInstance: (UnsafeMutablePointer<Int32>) -> UnsafeRawPointer?) {
        var status: Int32 = 0
        let instance = sharedInstance(&status)
        guard let instance, status <= 0 else {
            fatalError("ICU has no \(form) normaliser (\(Self.describe(status))); is ICU's data library installed?")
        }
        self.instance = instance
        self.form = form
    }

    /// `utf8` (valid UTF-8, such as a `String`'s bytes) in this normal form, or nil when it already is.
    func normalized(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        if ASCII.isASCII(utf8) { return nil }
        precondition(utf8.count <= Int32.max, "a text of \(utf8.count) bytes is beyond ICU's reach")
        // UTF-16 never takes more units than UTF-8 takes bytes.
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: utf8.count) { buffer in
            let units = UnsafeBufferPointer(rebasing: buffer[..<Self.transcode(utf8, into: buffer)])
            var status: Int32 = 0
            let span = cicu_span_quick_check_yes(instance, units.baseAddress, Int32(units.count), &status)
            check(status)
            return span == units.count ? nil : rewritten(units)
        }
    }

    /// The normal form of `units`, which failed the quick check, or nil when it turns out to be `units` itself
    /// (a "maybe" of the quick check, such as a combining mark that composes with nothing before it).
    private func rewritten(_ units: UnsafeBufferPointer<UInt16>) -> String? {
        // NFC makes UTF-16 text at most 3 times longer and NFKC 18 times, but names grow by a few units at most:
        // start with that, and ask once more with the length ICU reports when it needs more room.
        var capacity = units.count + 16
        while true {
            let result: String?? = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { output in
                var status: Int32 = 0
                let length = cicu_normalize(
                    instance, units.baseAddress, Int32(units.count), output.baseAddress, Int32(capacity), &status)
                if status == cicu_buffer_overflow_error {
                    capacity = Int(length)
                    return .none
                }
                check(status)
                let normalized = UnsafeBufferPointer(rebasing: output[..<Int(length)])
                return .some(normalized.elementsEqual(units) ? nil : String(decoding: normalized, as: UTF16.self))
            }
            if let result { return result }
        }
    }

    /// Writes the UTF-16 form of `utf8` to the start of `buffer` and returns how many units it took.
    private static func transcode(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt16>)
        -> Int
    {
        var count = 0
        var scalars = UTF8Scalars(utf8)
        while let value = scalars.next() {
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
        return count
    }

    /// ICU fails on valid input only when it cannot allocate memory, which Swift treats as fatal everywhere.
    /// Statuses above zero are errors (ICU's `U_FAILURE`); below zero, warnings.
    private func check(_ status: Int32) {
        if status > 0 { fatalError("ICU's \(form) normaliser failed: \(Self.describe(status))") }
    }

    private static func describe(_ status: Int32) -> String { String(cString: cicu_status_name(status)) }
}
