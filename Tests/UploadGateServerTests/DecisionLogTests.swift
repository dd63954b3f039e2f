import Foundation
import Synchronization
import Testing

@testable import UploadGateServer
import UploadPolicy

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
    func fullMode() async throws {
        let server = try TestService(nameLogging: .full)
        defer { server.stop() }
        var ids: [String] = []
        for name in Self.hostileNames {
            let response = try await server.validate(name, type: "application/pdf", length: 42)
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
                    == [
                        "ts", "decision_id", "policy", "accept", "code", "rule", "name", "type", "length",
                        "duration_us",
                    ])
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

    @Test("Every character the name checks refuse as a control, bidi or invisible character is escaped in a line")
    func everyRefusedCharacterIsEscaped() async throws {
        try await HeavyTestGate.run { try escapeEveryRefusedCharacter() }
    }

    private func escapeEveryRefusedCharacter() throws {
        // Soft hyphens, tags, Hangul fillers and the like read as nothing on a terminal: a logged name holding
        // them would read as another name.
        let policy = try Policy.embeddedDefault(mimeDatabase: try MIMEDatabase.load())
        let refused: Set<String> = ["name.control_character", "name.bidi_control", "name.invisible_character"]
        var writtenAsIs: [String] = []
        // The Basic Multilingual Plane, the musical symbols and the tags: every plane that holds such characters.
        for value in Array(UInt32(0x80)...0xFFFF) + Array(0x1D100...0x1D1FF) + Array(0xE0000...0xE0FFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            let decision = policy.evaluate(FileCandidate(name: "a\(text).pdf", contentType: "application/pdf"))
            guard refused.contains(decision.code.rawValue) else { continue }
            var bytes: [UInt8] = []
            JSONText.escape(text, into: &bytes)
            if String(decoding: bytes, as: UTF8.self).unicodeScalars.contains(scalar) {
                writtenAsIs.append("U+" + String(value, radix: 16, uppercase: true))
            }
        }
        #expect(writtenAsIs.isEmpty, "written as is: \(writtenAsIs)")
    }

    @Test("hash mode: an HMAC of the name, the same for the same name, never the name")
    func hashMode() async throws {
        let key = Array("a shared key for all replicas".utf8)
        let server = try TestService(nameLogging: .hash) { $0.nameHashKey = key }
        defer { server.stop() }
        _ = try await server.validate("Relatório secreto.pdf")
        _ = try await server.validate("Relatório secreto.pdf")
        _ = try await server.validate("Outro.pdf")
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

    @Test("hash mode: one keyed state shared by many threads gives every thread the right HMAC")
    func hashFromManyThreads() {
        let key = Array("a shared key for all replicas".utf8)
        let hasher = NameHasher(key: key)
        let names = (0..<64).map { "Relatório \($0).pdf" }
        let expected = names.map { "hmac-sha256:" + HMACSHA256.hex(key: key, message: Array($0.utf8)) }
        let wrong = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<20 {
                for (name, hash) in zip(names, expected) where hasher.hash(name) != hash { wrong.add(1, ordering: .relaxed) }
            }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
    }

    @Test("none mode: nothing about the name")
    func noneMode() async throws {
        let server = try TestService(nameLogging: .none)
        defer { server.stop() }
        _ = try await server.validate("Relatório secreto.pdf", type: "application/pdf")
        let decisions = server.decisions
        #expect(decisions.count == 1)
        #expect(decisions[0]["name"] == nil && decisions[0]["name_hash"] == nil)
        #expect(decisions[0]["code"] as? String == "accepted")
        #expect(!server.decisionLines.joined().contains("secreto"))
    }

    @Test("A reader that stops reading never holds up a decision: lines past the buffer are dropped and counted")
    func stalledReader() async throws {
        try await HeavyTestGate.run { try await recordWithAStalledReader() }
    }

    private func recordWithAStalledReader() async throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        let log = DecisionLog(mode: .full, descriptor: writeEnd)
        let policy = try Policy.embeddedDefault(mimeDatabase: try MIMEDatabase.load())
        let candidate = FileCandidate(name: String(repeating: "n", count: 1000) + ".pdf")
        let decision = policy.evaluate(candidate)
        let recorded = 5_000  // about 5.6 MB of lines, and nobody reads the pipe (64 KiB)
        let done = Flag()
        let recorder = Thread.detached {
            for _ in 0..<recorded {
                log.record(id: log.nextID(), decision: decision, candidate: candidate, duration: .microseconds(5))
            }
            done.set()
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while !done.isSet, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(done.isSet, "record() waited for the stalled reader")
        #expect(log.droppedLines > 0)

        // The reader comes back: what was kept arrives as whole lines, and nothing else.
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        let stopped = Flag()
        let stopper = Thread.detached {
            log.stop()
            stopped.set()
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var quietSince = ContinuousClock.now
        while !stopped.isSet || ContinuousClock.now - quietSince < .milliseconds(300) {
            let count = read(readEnd, &chunk, chunk.count)
            if count > 0 {
                received += chunk[0..<count]
                quietSince = ContinuousClock.now
            } else {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        await recorder.wait()
        await stopper.wait()
        close(writeEnd)
        let lines = received.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        #expect(received.last == UInt8(ascii: "\n"))
        #expect(lines.count + Int(log.droppedLines) == recorded)
        #expect(lines.allSatisfy { $0.first == UInt8(ascii: "{") && $0.last == UInt8(ascii: "}") })
    }

    @Test("stop() gives up on a reader that has stopped reading instead of holding up shutdown")
    func stopWithAStalledReader() async throws {
        try await HeavyTestGate.run { try await stopAgainstAStalledReader() }
    }

    private func stopAgainstAStalledReader() async throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let log = DecisionLog(mode: .full, descriptor: writeEnd)
        let policy = try Policy.embeddedDefault(mimeDatabase: try MIMEDatabase.load())
        let candidate = FileCandidate(name: String(repeating: "n", count: 200) + ".pdf")
        let decision = policy.evaluate(candidate)
        for _ in 0..<2_000 {  // about 500 KB: more than the pipe holds
            log.record(id: log.nextID(), decision: decision, candidate: candidate, duration: .microseconds(5))
        }
        let stopped = Flag()
        let stopper = Thread.detached {
            log.stop()
            stopped.set()
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while !stopped.isSet, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(stopped.isSet, "stop() waited for the stalled reader")
        // Let every write in flight end (the pipe drained until it stays empty) before the pipe goes: a write
        // into a closed pipe would raise SIGPIPE in the test process.
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        var chunk = [UInt8](repeating: 0, count: 65536)
        var quietSince = ContinuousClock.now
        while !stopped.isSet || ContinuousClock.now - quietSince < .milliseconds(300) {
            if read(readEnd, &chunk, chunk.count) > 0 { quietSince = ContinuousClock.now }
            try await Task.sleep(for: .milliseconds(5))
        }
        await stopper.wait()
        close(readEnd)
        close(writeEnd)
    }

    @Test("Lines from many threads are never interleaved or split")
    func noInterleaving() async throws {
        try await HeavyTestGate.run { try await interleave() }
    }

    private func interleave() async throws {
        let server = try TestService(nameLogging: .full)
        defer { server.stop() }
        let long = String(repeating: "x", count: 200) + ".pdf"
        let threads = (0..<4).map { _ in
            Thread.detached {
                guard let connection = try? RawConnection(port: server.port) else { return }
                for _ in 0..<100 {
                    _ = try? connection.exchange(
                        target: "/validate", headers: [("Content-Type", "application/json")],
                        body: Array(TestService.body(long, nil, nil).utf8))
                }
            }
        }
        for thread in threads { await thread.wait() }
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
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    static func sha256(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) {
            data.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
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

/// Decision ids: a per-process random prefix and a zero-padded counter.
@Suite("Decision ids")
struct DecisionIDTests {
    @Test("Eight hex digits, a dash and the count in at least twelve digits, one more each time")
    func format() {
        let ids = DecisionIDs()
        let first = ids.next()
        let second = ids.next()
        #expect(first.wholeMatch(of: /[0-9a-f]{8}-000000000001/) != nil, "\(first)")
        #expect(second == String(first.dropLast()) + "2")
        let late = DecisionIDs(issued: 999_999_999_998)
        let twelve = late.next()
        let thirteen = late.next()
        #expect(twelve.wholeMatch(of: /[0-9a-f]{8}-999999999999/) != nil, "\(twelve)")
        #expect(thirteen.wholeMatch(of: /[0-9a-f]{8}-1000000000000/) != nil, "\(thirteen)")
        let last = DecisionIDs(issued: UInt64.max - 1).next()
        #expect(last.hasSuffix("-\(UInt64.max)"), "\(last)")
    }
}

/// The decision log's own UTC formatting, against the C library's `gmtime_r`.
@Suite("Decision log timestamps")
struct TimestampTests {
    @Test("Every day from 1900 to 2200, and the seconds of a day, format as gmtime_r says")
    func agreesWithGmtime() {
        var mismatches: [String] = []
        let start: Int64 = -2_208_988_800  // 1900-01-01
        let end: Int64 = 7_258_118_400  // 2200-01-01
        for seconds in stride(from: start, to: end, by: 86_400 - 7) {  // drifts through every time of day
            var value = time_t(seconds)
            var parts = tm()
            gmtime_r(&value, &parts)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.042Z", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                parts.tm_hour, parts.tm_min, parts.tm_sec)
            let formatted = Timestamp.format(secondsSinceEpoch: seconds, milliseconds: 42)
            if formatted != expected { mismatches.append("\(seconds): \(formatted) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(Timestamp.format(secondsSinceEpoch: 951_782_400, milliseconds: 7) == "2000-02-29T00:00:00.007Z")
        #expect(Timestamp.format(secondsSinceEpoch: -1, milliseconds: 999) == "1969-12-31T23:59:59.999Z")
    }
}
