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
        var digest = [UInt8](repeating: 0, count: 32)
        var name = name
        name.withUTF8 { text in
            digest.withUnsafeMutableBytes { keyed.digest(text, into: $0) }
        }
        let hex: StaticString = "0123456789abcdef"
        var text = Array("hmac-sha256:".utf8)
        text.reserveCapacity(text.count + 64)
        hex.withUTF8Buffer { digits in
            for byte in digest {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
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
