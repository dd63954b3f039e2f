import Foundation
import HTTPServer
import Testing
import UploadGateLogging
import UploadPolicy

@testable import UploadGateServer

/// The handler called directly, without a server, with random bodies, headers, methods and targets: every
/// answer is a well-formed response and none is a 500.
@Suite("Fuzzing the handler")
struct FuzzTests {
    /// A deterministic generator (SplitMix64), so a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [UInt64] = [1, 2, 3, 0xC0FFEE]

    static let fragments: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u0000", "null", "true", "false",
        "-", "0", "1e999", "-0.0e-0", "99999999999999999999", "\"name\"", "\"Name\"", "\"NAME\"", "\"contentType\"",
        "\"length\"", "\"a.pdf\"", "\"x.exe\"", "\"\u{202E}\"", " ", "\n", "\t", "\u{FEFF}", "é", "👩‍💻", "\"\\n\"",
    ]

    static let contentTypes: [String?] = [
        nil, "application/json", "text/json", "application/problem+json", "application/json; charset=utf-16", "",
        "text/plain", ";;;", "application/json; charset", "a/b+json; q=\"\\", "\u{00E9}/json",
    ]

    static let targets = [
        "/validate", "/validate/default", "/validate/pdf-only", "/validate/slow", "/validate/x", "/validate/../metrics",
        "/healthz", "/readyz", "/metrics", "/policies", "/", "", "*", "/validate/%", "/validate/%zz", "//",
        "/validate?x",
    ]

    static let methods: [HTTPMethod] = [
        .get, .head, .post, .put, .delete, .options, HTTPMethod("BREW"), HTTPMethod(""),
    ]

    private func makeHandler(authenticator: Authenticator) throws -> EndpointHandler {
        let folder = try PolicyFolder.standard()
        defer { folder.remove() }
        let mime = try MIMEDatabase.load(from: MIMEDatabase.defaultDirectory)
        let store = try PolicyStore(source: .directory(folder.path, defaultPolicyID: nil), mimeDatabase: mime)
        let devNull = open("/dev/null", O_WRONLY)
        return EndpointHandler(
            store: store, authenticator: authenticator, metrics: Metrics(),
            decisionLog: DecisionLog(mode: .full, descriptor: devNull), maxBodySize: 16384)
    }

    private static func body(_ random: inout SplitMix) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &random) {
        case 0:  // random bytes
            return (0..<Int.random(in: 0..<200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 1:  // random fragments
            return Array(
                (0..<Int.random(in: 0..<30, using: &random)).map { _ in Self.fragments.randomElement(using: &random)! }
                    .joined().utf8)
        default:  // a valid body, mutated a little
            var bytes = Array(
                #"{"name":"Contrato \u00e9.pdf","contentType":"application/pdf","length":1000,"x":[1,{"y":null}]}"#.utf8
            )
            for _ in 0..<Int.random(in: 0..<4, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: index)
                default: bytes.insert(contentsOf: Array(fragments.randomElement(using: &random)!.utf8), at: index)
                }
                if bytes.isEmpty { break }
            }
            return bytes
        }
    }

    @Test("Random requests never get a 500, and every error body is a JSON error", arguments: seeds)
    func neverA500(_ seed: UInt64) async throws {
        try await HeavyTestGate.run { try await fuzzOnce(seed) }
    }

    private func fuzzOnce(_ seed: UInt64) async throws {
        let modes: [Authenticator] = [
            .none, try Authenticator(mode: .apiKey, secrets: ["k"]), try Authenticator(mode: .basic, secrets: ["u:p"]),
            try Authenticator(mode: .bearer, secrets: ["t"]),
        ]
        let handler = try makeHandler(authenticator: modes[Int(seed % 4)])
        // CPU-bound: off the cooperative pool, problems collected and checked afterwards.
        let (problems, statuses) = try await offPool { Self.fuzz(handler, seed: seed, iterations: 2000) }
        #expect(problems.isEmpty, "\(problems.count) problems, e.g. \(problems.prefix(3))")
        #expect(statuses.keys.count >= 4, "too few kinds of answers: \(statuses)")
    }

    private static func fuzz(_ handler: EndpointHandler, seed: UInt64, iterations: Int) -> ([String], [Int: Int]) {
        var random = SplitMix(state: seed)
        var statuses: [Int: Int] = [:]
        var problems: [String] = []
        for iteration in 0..<iterations {
            var headers = HTTPHeaders()
            if let type = contentTypes.randomElement(using: &random)! {
                headers.add(name: "Content-Type", value: type)
            }
            if Bool.random(using: &random) {
                headers.add(
                    name: "Accept-Language",
                    value: ["pt-BR", "*", "q=;", "pt;q=nan", "en;q=-1", "\u{0}"].randomElement(using: &random)!)
            }
            if Bool.random(using: &random) {
                headers.add(
                    name: ["X-Api-Key", "Authorization", "Authentication"].randomElement(using: &random)!,
                    value: ["k", "Bearer t", "Basic dTpw", "Basic ====", "Bearer", "", "Basic \u{FF}"].randomElement(
                        using: &random)!)
            }
            let request = HTTPRequest(
                method: methods.randomElement(using: &random)!, target: targets.randomElement(using: &random)!,
                headers: headers, body: body(&random))
            let response = handler.respond(to: request)
            let status = response.status.code
            statuses[status, default: 0] += 1
            let where_ = "seed \(seed) iteration \(iteration): \(request.method) \(request.target)"
            if status >= 500 { problems.append("\(where_): status \(status)") }
            let json = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
            if !(request.path == "/metrics" && status == 200), json == nil {
                problems.append("\(where_): not JSON")
            }
            if status >= 400, !((json as? [String: Any])?["error"] is [String: Any]) {
                problems.append("\(where_): no error object")
            }
        }
        return (problems, statuses)
    }

    @Test("Random names of any Unicode never crash or 500 the decision path")
    func randomNames() async throws {
        try await HeavyTestGate.run { try await names() }
    }

    private func names() async throws {
        let handler = try makeHandler(authenticator: .none)
        let statuses = try await offPool {
            var random = SplitMix(state: 42)
            var statuses: [Int] = []
            for _ in 0..<2000 {
                let name = String(
                    String.UnicodeScalarView(
                        (0..<Int.random(in: 0..<300, using: &random)).compactMap { _ in
                            Unicode.Scalar(
                                UInt32.random(
                                    in: 0...[0x7F, 0x800, 0x10FFFF].randomElement(using: &random)!, using: &random))
                        }))
                let target = ["/validate", "/validate/slow", "/validate/images"].randomElement(using: &random)!
                let response = handler.respond(
                    to: HTTPRequest(
                        method: .post, target: target, headers: ["Content-Type": "application/json"],
                        body: Array(TestService.body(name, nil, Int64.random(in: -5...5, using: &random)).utf8)))
                statuses.append(response.status.code)
            }
            return statuses
        }
        #expect(statuses.count == 2000)
        #expect(statuses.allSatisfy { $0 == 200 })
    }
}
