import Foundation
import UploadPolicy

/// How the cost of a decision grows with the number of accept entries and with the length of the name.
enum Growth {
    static func run(mime: MIMEDatabase, quick: Bool) {
        print("Growth with accept entries (generated policies, entry i accepts '.e<i>' as application/x-e<i>)")
        print(Table.row(["entries", "ns/decision", "vs 10"]))
        print(Table.rule(3))
        var baseline = 0.0
        for count in quick ? [10, 100] : [10, 100, 1_000, 10_000] {
            let policy = generatedPolicy(entries: count, mime: mime)
            var random = SeededRandom(seed: UInt64(count))
            let inputs = (0..<1_000).map { _ -> FileCandidate in
                let entry = random.next(count)
                return FileCandidate(name: "Relatório \(entry).e\(entry)", contentType: "application/x-e\(entry)")
            }
            let cost = nanoseconds(policy, inputs, rounds: quick ? 1 : 50)
            if count == 10 { baseline = cost }
            print(Table.row([String(count), String(format: "%.0f", cost), String(format: "%.2f×", cost / baseline)]))
        }
        print("bar: 1,000 entries ≤ 4× the cost of 10")
        print("")

        print("Growth with name length (default policy, PDF names)")
        print(Table.row(["characters", "script", "ns/decision"]))
        print(Table.rule(3))
        guard let policy = try? Policy.embeddedDefault(mimeDatabase: mime) else { return }
        for length in [10, 100, 1_000] {
            for (script, letter) in [("ASCII", "a"), ("Latin NFD", "e\u{301}"), ("CJK", "契")] {
                let name = String(repeating: letter, count: length - 4) + ".pdf"
                let inputs = [FileCandidate(name: name, contentType: "application/pdf")]
                let cost = nanoseconds(policy, inputs, rounds: quick ? 10 : 20_000)
                print(Table.row([String(length), script, String(format: "%.0f", cost)]))
            }
        }
        print("(the default limits refuse names over 255 bytes before any pattern runs,")
        print(" and names of 1,020 bytes or more before normalising them)")
    }

    static func nanoseconds(_ policy: Policy, _ inputs: [FileCandidate], rounds: Int) -> Double {
        let scratch = MatchScratch()
        let rate = bestRate(operations: inputs.count * rounds) {
            var accepted = 0
            for _ in 0..<rounds {
                for input in inputs where policy.evaluate(input, scratch: scratch).isAccepted { accepted += 1 }
            }
            blackHole(accepted)
        }
        return 1e9 / rate
    }

    static func generatedPolicy(entries: Int, mime: MIMEDatabase) -> Policy {
        let accept = (0..<entries).map { index in
            #"{"label":"Kind \#(index)","name":"\\.e\#(index)$","types":["application/x-e\#(index)"]}"#
        }
        let json = #"{"id":"generated-\#(entries)","accept":[\#(accept.joined(separator: ","))]}"#
        var loader = PolicyLoader(mimeDatabase: mime)
        guard let policy = loader.load(data: Data(json.utf8), source: "<generated>") else {
            fatalError("generated policy: \(loader.errors)")
        }
        return policy
    }
}

/// Fixed-width text columns.
enum Table {
    static let width = 13
    static func row(_ cells: [String]) -> String {
        cells.map { $0.count >= width ? $0 + " " : $0 + String(repeating: " ", count: width - $0.count) }
            .joined().trimmingCharacters(in: .whitespaces)
    }
    static func rule(_ columns: Int) -> String { String(repeating: "-", count: columns * width - 1) }
}
