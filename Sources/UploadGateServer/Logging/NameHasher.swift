internal import CGnuTLS
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

    /// 32 random bytes from GnuTLS's generator.
    static func randomKey() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 32)
        let result = bytes.withUnsafeMutableBytes { gnutls_rnd(GNUTLS_RND_KEY, $0.baseAddress, 32) }
        precondition(result == 0, "GnuTLS could not produce random bytes")
        return bytes
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
/// as much as hashing a short name, so it is done once rather than per decision.
private final class KeyedHMAC: @unchecked Sendable {
    // Unchecked: the handle is only read (copied) after init, which GnuTLS allows from any number of threads.
    private let handle: gnutls_hmac_hd_t

    init(key: [UInt8]) {
        var handle: gnutls_hmac_hd_t?
        let result = key.withUnsafeBytes { gnutls_hmac_init(&handle, GNUTLS_MAC_SHA256, $0.baseAddress, $0.count) }
        guard result == 0, let handle else { preconditionFailure("GnuTLS HMAC-SHA256 setup failed (\(result))") }
        self.handle = handle
    }

    deinit { gnutls_hmac_deinit(handle, nil) }

    /// Writes HMAC-SHA256(key, message) into the 32 bytes of `output`.
    func digest(_ message: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableRawBufferPointer) {
        guard let copy = gnutls_hmac_copy(handle) else { preconditionFailure("GnuTLS could not copy an HMAC state") }
        let result = gnutls_hmac(copy, message.baseAddress, message.count)
        gnutls_hmac_deinit(copy, output.baseAddress)
        precondition(result == 0, "GnuTLS HMAC-SHA256 failed")
    }
}
