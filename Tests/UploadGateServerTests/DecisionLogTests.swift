import Foundation
import Testing

@testable import UploadGateServer

/// One JSON line per decision, in each name mode, with names that try to break lines or mislead a reader.
@Suite("Decision log")
struct DecisionLogTests {
    static let hostileNames = [
        "line\nbreak.pdf", "quote\"and\\backslash.pdf", "contrato\u{202E}fdp.exe", "tab\there.pdf", "nul\u{0}.pdf",
        "ansi\u{1B}[31mred.pdf", "sep\u{2028}para\u{2029}.pdf", "zero\u{200B}width.pdf", "bom\u{FEFF}.pdf",
        "契約書.pdf", "👩‍💻.pdf", "c1\u{85}next.pdf", "del\u{7F}.pdf",
        #"{"forged":"field"}.pdf"#,
    ]

    @Test("full mode: the line format, one line per decision, and names round-trip exactly")
    func fullMode() throws {
        let server = try TestService(nameLogging: .full)
        defer { server.stop() }
        var ids: [String] = []
        for name in Self.hostileNames {
            let response = try server.validate(name, type: "application/pdf", length: 42)
            #expect(response.status == 200)
            ids.append(try #require(response.header("X-UploadGate-Decision-Id")))
        }
        let lines = server.decisionLines
        #expect(lines.count == Self.hostileNames.count)
        for (index, line) in lines.enumerated() {
            // Nothing that a terminal would act on or that would reorder text survives unescaped.
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            #expect(!line.unicodeScalars.contains { [0x202E, 0x2028, 0x2029, 0x200B, 0xFEFF].contains($0.value) })
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            #expect(
                Set(object.keys)
                    == ["ts", "decision_id", "policy", "accept", "code", "rule", "name", "type", "length", "duration_us"])
            #expect(object["name"] as? String == Self.hostileNames[index])
            #expect(object["decision_id"] as? String == ids[index])
            #expect(object["policy"] as? String == "default")
            #expect(object["type"] as? String == "application/pdf")
            #expect(object["length"] as? Int == 42)
            #expect((object["ts"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
            #expect((object["duration_us"] as? Int ?? -1) >= 0)
        }
        #expect(lines[2].contains(#"\u202e"#))
        #expect(lines[0].contains(#"line\nbreak"#))
        let bidi = try #require(server.decisions.first { ($0["name"] as? String)?.contains("\u{202E}") == true })
        #expect(bidi["accept"] as? Bool == false)
        #expect(bidi["code"] as? String == "name.bidi_control")
        #expect(bidi["rule"] as? String == "options.checks.bidiControls")
    }

    @Test("hash mode: an HMAC of the name, the same for the same name, never the name")
    func hashMode() throws {
        let key = Array("a shared key for all replicas".utf8)
        let server = try TestService(nameLogging: .hash) { $0.nameHashKey = key }
        defer { server.stop() }
        _ = try server.validate("Relatório secreto.pdf")
        _ = try server.validate("Relatório secreto.pdf")
        _ = try server.validate("Outro.pdf")
        let decisions = server.decisions
        #expect(decisions.count == 3)
        #expect(decisions.allSatisfy { $0["name"] == nil })
        let hashes = decisions.compactMap { $0["name_hash"] as? String }
        #expect(hashes.count == 3)
        #expect(hashes[0] == hashes[1] && hashes[0] != hashes[2])
        #expect(hashes[0].wholeMatch(of: /hmac-sha256:[0-9a-f]{64}/) != nil)
        #expect(!server.decisionLines.joined().contains("secreto"))
        // The same key gives the same hash in another process (replicas correlate): HMAC-SHA256, checked
        // against an independent implementation.
        #expect(
            HMACSHA256.hex(key: [UInt8](repeating: 0x0B, count: 20), message: Array("Hi There".utf8))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")  // RFC 4231, case 1
        #expect(hashes[2] == "hmac-sha256:" + HMACSHA256.hex(key: key, message: Array("Outro.pdf".utf8)))
    }

    @Test("none mode: nothing about the name")
    func noneMode() throws {
        let server = try TestService(nameLogging: .none)
        defer { server.stop() }
        _ = try server.validate("Relatório secreto.pdf", type: "application/pdf")
        let decisions = server.decisions
        #expect(decisions.count == 1)
        #expect(decisions[0]["name"] == nil && decisions[0]["name_hash"] == nil)
        #expect(decisions[0]["code"] as? String == "accepted")
        #expect(!server.decisionLines.joined().contains("secreto"))
    }

    @Test("Lines from many threads are never interleaved or split")
    func noInterleaving() throws {
        let server = try TestService(nameLogging: .full)
        defer { server.stop() }
        let long = String(repeating: "x", count: 200) + ".pdf"
        let threads = (0..<8).map { _ in
            Thread.detached {
                guard let connection = try? RawConnection(port: server.port) else { return }
                for _ in 0..<50 {
                    _ = try? connection.exchange(
                        target: "/validate", headers: [("Content-Type", "application/json")],
                        body: Array(TestService.body(long, nil, nil).utf8))
                }
            }
        }
        threads.forEach { $0.join() }
        let lines = server.decisionLines
        #expect(lines.count == 400)
        #expect(lines.allSatisfy { $0.hasPrefix(#"{"ts":""#) && $0.hasSuffix("}") && $0.contains(long) })
    }
}

/// HMAC-SHA256 (RFC 2104) over a SHA-256 written here from FIPS 180-4, as a second implementation to check the
/// server's GnuTLS-based name hashing against.
enum HMACSHA256 {
    static func hex(key: [UInt8], message: [UInt8]) -> String {
        var key = key.count > 64 ? sha256(key) : key
        key += [UInt8](repeating: 0, count: 64 - key.count)
        let inner = sha256(key.map { $0 ^ 0x36 } + message)
        return sha256(key.map { $0 ^ 0x5C } + inner).map { String(format: "%02x", $0) }.joined()
    }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func sha256(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        ]
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
        for block in stride(from: 0, to: data.count, by: 64) {
            var w = [UInt32](repeating: 0, count: 64)
            for i in 0..<16 {
                w[i] = (0..<4).reduce(0) { $0 << 8 | UInt32(data[block + i * 4 + $1]) }
            }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let t1 = hh &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (index, value) in [a, b, c, d, e, f, g, hh].enumerated() { h[index] = h[index] &+ value }
        }
        return h.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32($0))) } }
    }
}
