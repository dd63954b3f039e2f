import FuzzSupport
import UploadPolicy

/// How the evaluation target reads its input bytes:
///
/// ```
/// byte 0        policy: index into FuzzFixtures.policies, modulo their count
/// byte 1        bit 0: a content type follows the name; bit 1: a length follows this byte
/// bytes 2–9     the length, little-endian Int64 (only with bit 1)
/// then          the name's UTF-8 bytes, up to a 0xFF byte (never part of UTF-8), then the content type
/// ```
/// Invalid UTF-8 becomes U+FFFD, as a JSON decoder would have refused it anyway.
struct EvaluationInput {
    let policy: Policy
    let candidate: FileCandidate

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 2 else { return nil }
        let policies = FuzzFixtures.policies
        policy = policies[Int(bytes[0]) % policies.count]
        let flags = bytes[1]
        var rest = bytes[2...]
        var length: Int64?
        if flags & 2 != 0 {
            guard rest.count >= 8 else { return nil }
            length = rest.prefix(8).reversed().reduce(Int64(0)) { $0 << 8 | Int64($1) }
            rest = rest.dropFirst(8)
        }
        let separator = rest.firstIndex(of: 0xFF) ?? rest.endIndex
        let name = String(decoding: rest[..<separator], as: UTF8.self)
        var contentType: String?
        if flags & 1 != 0 {
            contentType = String(decoding: rest[separator...].dropFirst(), as: UTF8.self)
        }
        candidate = FileCandidate(name: name, contentType: contentType, length: length)
    }
}
