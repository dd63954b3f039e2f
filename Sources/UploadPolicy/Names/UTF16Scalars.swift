/// The scalar values of valid UTF-16, decoded in place.
struct UTF16Scalars: Sequence, IteratorProtocol {
    private let units: UnsafeBufferPointer<UInt16>
    private var index = 0

    init(_ units: UnsafeBufferPointer<UInt16>) {
        self.units = units
    }

    mutating func next() -> UInt32? {
        guard index < units.count else { return nil }
        let lead = UInt32(units[index])
        index += 1
        guard UTF16.isLeadSurrogate(UInt16(lead)), index < units.count, UTF16.isTrailSurrogate(units[index]) else {
            return lead
        }
        let trail = UInt32(units[index])
        index += 1
        return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)
    }
}
