import Foundation

/// The compatibility fold of names: the NFKC form that NFKC normalisers (Python's `secure_filename` and its
/// kind) and Windows' best-fit mapping to ANSI code pages give a name on the systems that store the file, where
/// `shell．php.jpg` becomes `shell.php.jpg` and `ＣＯＮ.pdf` becomes `CON.pdf`. ``NameInspector`` runs its
/// structural checks on that form too.
enum CompatibilityFold {
    /// The NFKC form of `name` (already in NFC), or nil when it is the name itself.
    ///
    /// Only worth asking for names with a scalar for which ``mayChange(_:)`` holds: the others (ASCII and the
    /// scripts in ``foldFreeRanges``) are their own NFKC form.
    static func form(of name: String) -> String? {
        let form = name.precomposedStringWithCompatibilityMapping
        return form.utf8.elementsEqual(name.utf8) ? nil : form
    }

    /// Whether a name holding this scalar may have an NFKC form other than itself.
    static func mayChange(_ value: UInt32) -> Bool {
        value >= 0x80 && !isFoldFree(value)
    }

    /// Whether `value` lies in one of ``foldFreeRanges``: one bit test for the Basic Multilingual Plane, a walk
    /// of the few ranges above it otherwise.
    static func isFoldFree(_ value: UInt32) -> Bool {
        if value < 0x10000 {
            return basicPlaneBits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
        }
        return foldFreeRanges.reversed().contains { $0.contains(value) }
    }

    /// ``foldFreeRanges`` below U+10000 as a bit per scalar (8 KiB), built once.
    private static let basicPlaneBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for range in foldFreeRanges where range.lowerBound < 0x10000 {
            for value in range where value < 0x10000 {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            }
        }
        return bits
    }()

    /// Scalars whose compatibility decomposition is their canonical one, so NFKC leaves an NFC name made of them
    /// unchanged: the parts of ``NameNormalization/inertRanges`` without compatibility characters (`ª`, `²`,
    /// `ĳ`, `ſ`, `ǆ`, `ʰ`, `ϐ`, `ẚ`, `‥`, `′`, `₨`, the ideographic space, fullwidth forms …). Sorted and
    /// disjoint; `CompatibilityFoldTests` checks every scalar listed against Foundation's NFKC.
    static let foldFreeRanges: [ClosedRange<UInt32>] = [
        0x0080...0x009F, 0x00A1...0x00A7, 0x00A9...0x00A9, 0x00AB...0x00AE, 0x00B0...0x00B1, 0x00B6...0x00B7,
        0x00BB...0x00BB, 0x00BF...0x0131, 0x0134...0x013E, 0x0141...0x0148, 0x014A...0x017E, 0x0180...0x01C3,
        0x01CD...0x01F0, 0x01F4...0x02AF, 0x02B9...0x02D7, 0x02DE...0x02DF, 0x02E5...0x02FF, 0x0386...0x0386,
        0x0388...0x03CF, 0x03D7...0x03EF, 0x03F3...0x03F3, 0x03F6...0x03F8, 0x03FA...0x0482, 0x048A...0x04FF,
        0x05D0...0x05EA, 0x0620...0x064A, 0x0660...0x0669, 0x0671...0x0674, 0x0679...0x06D3, 0x1E00...0x1E99,
        0x1E9C...0x1EFF, 0x200C...0x200D, 0x2010...0x2010, 0x2012...0x2016, 0x2018...0x2023, 0x2027...0x2027,
        0x2030...0x2032, 0x2035...0x2035, 0x2038...0x203B, 0x203D...0x203D, 0x203F...0x2046, 0x204A...0x2056,
        0x2058...0x205E, 0x20A0...0x20A7, 0x20A9...0x20C0, 0x2600...0x27BF, 0x3001...0x3011, 0x3041...0x3096,
        0x30A1...0x30FA, 0x30FC...0x30FC, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE0F...0xFE0F, 0x1F1E6...0x1F1FF,
        0x1F300...0x1FAFF,
    ]
}
