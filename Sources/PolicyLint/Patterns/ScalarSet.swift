/// A set of Unicode scalar values, kept as sorted, disjoint, non-adjacent closed ranges.
///
/// The lint's pattern analysis uses it for "which characters can this piece of a pattern consume", to decide
/// whether two repeats compete for the same characters and to pick characters for generated test names.
struct ScalarSet: Hashable, Sendable {
    /// The ranges, sorted and merged.
    private(set) var ranges: [ClosedRange<UInt32>]

    static let maxScalar: UInt32 = 0x10FFFF

    /// The empty set.
    static let empty = ScalarSet(ranges: [])
    /// Every scalar.
    static let all = ScalarSet(ranges: [0...maxScalar])

    init(ranges: [ClosedRange<UInt32>]) {
        self.ranges = Self.normalized(ranges)
    }

    init(_ scalar: Unicode.Scalar) {
        ranges = [scalar.value...scalar.value]
    }

    init(_ characters: String) {
        self.init(ranges: characters.unicodeScalars.map { $0.value...$0.value })
    }

    var isEmpty: Bool { ranges.isEmpty }

    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else if ranges[middle].lowerBound > value {
                high = middle - 1
            } else {
                return true
            }
        }
        return false
    }

    func union(_ other: ScalarSet) -> ScalarSet {
        ScalarSet(ranges: ranges + other.ranges)
    }

    func intersection(_ other: ScalarSet) -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var i = 0
        var j = 0
        while i < ranges.count, j < other.ranges.count {
            let low = max(ranges[i].lowerBound, other.ranges[j].lowerBound)
            let high = min(ranges[i].upperBound, other.ranges[j].upperBound)
            if low <= high { result.append(low...high) }
            if ranges[i].upperBound < other.ranges[j].upperBound { i += 1 } else { j += 1 }
        }
        return ScalarSet(ranges: result)
    }

    func overlaps(_ other: ScalarSet) -> Bool { !intersection(other).isEmpty }

    /// Every scalar not in the set (surrogates included; they never occur in a Swift string anyway).
    func inverted() -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound == Self.maxScalar { return ScalarSet(ranges: result) }
            next = range.upperBound + 1
        }
        result.append(next...Self.maxScalar)
        return ScalarSet(ranges: result)
    }

    /// The set with the other case of every ASCII letter added (what `(?i)` does to ASCII; enough for overlap
    /// questions, which are what this type answers).
    func addingASCIICaseVariants() -> ScalarSet {
        var extra: [ClosedRange<UInt32>] = []
        for range in ranges {
            for (from, to) in [(UInt32(65), UInt32(90)), (UInt32(97), UInt32(122))] {
                let low = max(range.lowerBound, from)
                let high = min(range.upperBound, to)
                guard low <= high else { continue }
                let shift: Int64 = from == 65 ? 32 : -32
                extra.append(UInt32(Int64(low) + shift)...UInt32(Int64(high) + shift))
            }
        }
        return extra.isEmpty ? self : ScalarSet(ranges: ranges + extra)
    }

    /// A character of the set that a real file name could carry, preferring plain letters and digits, so that
    /// generated names pass the engine's built-in checks; nil when the set holds nothing printable.
    var sample: Unicode.Scalar? {
        for candidate in Self.preferredSamples where contains(candidate.value) { return candidate }
        for range in ranges {
            var value = max(range.lowerBound, 0x21)
            while value <= range.upperBound, value <= range.lowerBound + 256 {
                if let scalar = Unicode.Scalar(value), Self.isPrintable(scalar) { return scalar }
                value += 1
            }
        }
        return nil
    }

    private static let preferredSamples = Array(
        "abcdefghijklmnopqrstuvwxyz0123456789_-. ABCDEFGHIJKLMNOPQRSTUVWXYZéçñ字".unicodeScalars)

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .nonspacingMark, .enclosingMark, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func normalized(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = result.last, UInt64(range.lowerBound) <= UInt64(last.upperBound) + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
