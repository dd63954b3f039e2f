/// Byte-level helpers for the ASCII fast paths.
enum ASCII {
    /// Whether every byte is below 0x80, testing eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        var accumulated: UInt64 = 0
        while index + 8 <= count {
            accumulated |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < count {
            accumulated |= UInt64(base[index])
            index += 1
        }
        return accumulated & 0x8080_8080_8080_8080 == 0
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
