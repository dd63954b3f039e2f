import Synchronization
import Testing

@testable import UploadGateServer

/// The credential comparison reads the same bytes, in the same order, wherever a presented value first differs
/// from the secret, or whether it matches at all: the structural half of "constant time" (the review half is in
/// docs/security.md).
@Suite("Constant-time comparison")
struct ConstantTimeTests {
    /// Presented bytes that record every position read.
    struct CountingBytes: RandomAccessCollection {
        let bytes: [UInt8]
        let reads: Reads
        var startIndex: Int { 0 }
        var endIndex: Int { bytes.count }
        subscript(position: Int) -> UInt8 {
            reads.record(position)
            return bytes[position]
        }
    }

    final class Reads: Sendable {
        private let positions = Mutex<[Int]>([])
        func record(_ position: Int) { positions.withLock { $0.append(position) } }
        var all: [Int] { positions.withLock { $0 } }
    }

    static let secret = Array("app|0f1e2d3c4b5a69788796a5b4c3d2e1f0".utf8)

    /// Presented values of the secret's length: equal, and differing first at the start, the middle, the end.
    static var sameLength: [(String, [UInt8])] {
        var first = secret
        first[0] ^= 1
        var middle = secret
        middle[secret.count / 2] ^= 0x80
        var last = secret
        last[secret.count - 1] ^= 1
        return [("equal", secret), ("first byte", first), ("middle byte", middle), ("last byte", last)]
    }

    @Test("Every position is read once, in order, wherever the first difference is")
    func readsEveryPosition() {
        var traces: [String: [Int]] = [:]
        for (name, presented) in Self.sameLength {
            let reads = Reads()
            let difference = ConstantTime.difference(
                Self.secret, CountingBytes(bytes: presented, reads: reads), over: Authenticator.maxSecretLength)
            #expect((difference == 0) == (name == "equal"), "\(name)")
            traces[name] = reads.all
        }
        let expected = Array(0..<Self.secret.count)
        for (name, trace) in traces {
            #expect(trace == expected, "\(name) read \(trace.count) positions")
        }
    }

    @Test("Shorter and longer values are read to their end, and a prefix or extension of the secret never matches")
    func lengths() {
        for presented in [Array(Self.secret.dropLast()), Self.secret + [0], [], Self.secret + Self.secret] {
            let reads = Reads()
            let difference = ConstantTime.difference(
                Self.secret, CountingBytes(bytes: presented, reads: reads), over: Authenticator.maxSecretLength)
            #expect(difference != 0)
            #expect(reads.all == Array(0..<presented.count))
        }
        // A secret padded with NULs is not the secret: the lengths are part of the difference.
        #expect(ConstantTime.difference(Self.secret, Self.secret + [0, 0], over: 512) != 0)
    }

    @Test("isNonZero maps 0 to 0 and every other byte to 1")
    func isNonZero() {
        #expect(ConstantTime.isNonZero(0) == 0)
        for value in 1...255 {
            #expect(ConstantTime.isNonZero(UInt8(value)) == 1)
        }
    }

    @Test("With several secrets, the second one matches as well as the first, and none is skipped")
    func severalSecrets() throws {
        let authenticator = try Authenticator(mode: .apiKey, secrets: ["first-secret", "second-secret"])
        for key in ["first-secret", "second-secret"] {
            #expect(authenticator.check { $0 == "X-Api-Key" ? key : nil } == .allowed)
        }
        #expect(authenticator.check { $0 == "X-Api-Key" ? "second-secreT" : nil } != .allowed)
    }
}
