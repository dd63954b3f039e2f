internal import CNettle
import Foundation

/// Hashes file names for the decision log's `hash` mode: HMAC-SHA256 under a key, so the same name gives the
/// same hash (names can be correlated across lines, and across replicas sharing the key) but cannot be looked
/// up in a table of common names without the key.
struct NameHasher: Sendable {
    private let keyed: KeyedHMAC

    /// - Parameter key: The HMAC key; at least 16 bytes. Use ``randomKey()`` when no shared key is configured.
    init(key: [UInt8]) {
        precondition(key.count >= 16, "the name-hashing key must be at least 16 bytes")
        self.keyed = KeyedHMAC(key: key)
    }

    /// 32 random bytes from the system's cryptographically secure generator (`getrandom` on Linux).
    static func randomKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `hmac-sha256:<64 hex digits>` of the name's UTF-8 bytes.
    func hash(_ name: String) -> String {
        let prefix: StaticString = "hmac-sha256:"
        let hex: StaticString = "0123456789abcdef"
        // The digest lives on the stack and the text is written straight into the string's storage: no arrays.
        return withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { digest in
            var name = name
            name.withUTF8 { keyed.digest($0, into: digest) }
            return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + 64) { text in
                prefix.withUTF8Buffer { _ = text.initialize(fromContentsOf: $0) }
                var index = prefix.utf8CodeUnitCount
                hex.withUTF8Buffer { digits in
                    for byte in digest {
                        text[index] = digits[Int(byte >> 4)]
                        text[index + 1] = digits[Int(byte & 0x0F)]
                        index += 2
                    }
                }
                return index
            }
        }
    }
}

/// An HMAC-SHA256 state with the key already absorbed, copied for each message: keying costs two SHA-256 blocks,
/// as much as hashing a short name, so it is done once rather than per decision. Nettle's state is a plain
/// struct, so the copy is a memory copy on the stack.
private struct KeyedHMAC: Sendable {
    private let keyed: hmac_sha256_ctx

    init(key: [UInt8]) {
        var context = hmac_sha256_ctx()
        key.withUnsafeBufferPointer { nettle_hmac_sha256_set_key(&context, $0.count, $0.baseAddress) }
        keyed = context
    }

    /// Writes HMAC-SHA256(key, message) into the 32 bytes of `output`.
    func digest(_ message: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= 32, "an HMAC-SHA256 digest is 32 bytes")
        var context = keyed
        nettle_hmac_sha256_update(&context, message.count, message.baseAddress)
        nettle_hmac_sha256_digest(&context, 32, output.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
}
