/// The scalar values of valid UTF-8 (a `String`'s bytes), decoded in place: the name checks read names this way
/// rather than through `String.UnicodeScalarView`, whose index checks cost more than the checks themselves.
struct UTF8Scalars: IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether every byte has been decoded (false after ``next()`` stopped at a byte no scalar starts with).
    var isAtEnd: Bool { index == bytes.count && !stopped }
    private var stopped = false

    /// The next scalar value; nil at the end, or at a byte that cannot start a scalar of valid UTF-8.
    @inline(__always)
    mutating func next() -> UInt32? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        let remaining = bytes.count - index
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        let value: UInt32
        let length: Int
        switch lead {
        case 0..<0x80:
            value = UInt32(lead)
            length = 1
        case 0xC0..<0xE0 where remaining >= 2:
            value = UInt32(lead & 0x1F) << 6 | continuation(1)
            length = 2
        case 0xE0..<0xF0 where remaining >= 3:
            value = UInt32(lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
            length = 3
        case 0xF0..<0xF8 where remaining >= 4:
            value = UInt32(lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
            length = 4
        default:
            index = bytes.count
            stopped = true
            return nil
        }
        index += length
        return value
    }
}
