import Foundation
import Testing
import UploadPolicy

/// One case from `Cases/*.json`: a policy (a shipped id or an inline policy), an input and the wanted verdict.
struct Case: Decodable, CustomTestStringConvertible, Sendable {
    let id: String
    let note: String
    let policy: PolicyReference
    let input: FileCandidate
    let want: Want

    struct Want: Decodable, Sendable {
        let accept: Bool
        let code: String
    }

    enum PolicyReference: Decodable, Sendable {
        case shipped(String)
        case inline(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let id = try? container.decode(String.self) {
                self = .shipped(id)
            } else {
                let object = try container.decode(AnyJSON.self)
                let data = try JSONSerialization.data(withJSONObject: object.value)
                self = .inline(String(decoding: data, as: UTF8.self))
            }
        }
    }

    var testDescription: String { "\(id) \(note.prefix(60))" }

    /// Every case in every file under Cases/.
    static let all: [Case] = {
        let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/UploadPolicyTests/Cases")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().flatMap { file -> [Case] in
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) ?? Data()
            do { return try JSONDecoder().decode([Case].self, from: data) } catch { fatalError("\(file): \(error)") }
        }
    }()
}

/// Any JSON value, for re-serialising inline policies.
struct AnyJSON: Decodable {
    let value: Any

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let object = try? container.decode([String: AnyJSON].self) {
            value = object.mapValues(\.value)
        } else if let array = try? container.decode([AnyJSON].self) {
            value = array.map(\.value)
        } else if let flag = try? container.decode(Bool.self) {
            value = flag
        } else if let number = try? container.decode(Int.self) {
            value = number
        } else {
            value = try container.decode(String.self)
        }
    }
}

@Suite("Real-world upload cases")
struct CaseTests {
    @Test func casesArePresent() {
        #expect(Case.all.count >= 40)
        let upload = Set(Case.all.map(\.id).filter { $0.hasPrefix("C") })
        #expect(
            upload == [
                "C03", "C06", "C07", "C14", "C16", "C19", "C22", "C23", "C25", "C28", "C35", "C37",
                "C40", "C44", "C46",
            ])
    }

    @Test(arguments: Case.all)
    func comesOutRight(_ testCase: Case) throws {
        let policy: Policy
        switch testCase.policy {
        case .shipped(let id): policy = try Fixtures.shipped(id)
        case .inline(let json): policy = try Fixtures.policy(json)
        }
        let decision = policy.evaluate(testCase.input)
        #expect(decision.isAccepted == testCase.want.accept, "\(decision)")
        #expect(decision.code.rawValue == testCase.want.code, "\(decision)")
        if !decision.isAccepted {
            #expect(decision.reason(in: .english)?.isEmpty == false)
            #expect(decision.reason(in: .brazilianPortuguese)?.isEmpty == false)
        }
    }
}
