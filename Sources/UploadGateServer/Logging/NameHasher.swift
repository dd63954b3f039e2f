internal import CGnuTLS
import Foundation

/// Hashes file names for the decision log's `hash` mode: HMAC-SHA256 under a key, so the same name gives the
/// same hash (names can be correlated across lines, and across replicas sharing the key) but cannot be looked
/// up in a table of common names without the key.
struct NameHasher: Sendable {
    private let key: [UInt8]

    /// - Parameter key: The HMAC key; at least 16 bytes. Use ``randomKey()`` when no shared key is configured.
    init(key: [UInt8]) {
        precondition(key.count >= 16, "the name-hashing key must be at least 16 bytes")
        self.key = key
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
        let result = name.withUTF8 { text in
            key.withUnsafeBytes { key in
                digest.withUnsafeMutableBytes { output in
                    gnutls_hmac_fast(
                        GNUTLS_MAC_SHA256, key.baseAddress, key.count, text.baseAddress, text.count,
                        output.baseAddress)
                }
            }
        }
        precondition(result == 0, "GnuTLS HMAC-SHA256 failed")
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
