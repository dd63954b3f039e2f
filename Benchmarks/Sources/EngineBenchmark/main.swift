// The engine benchmark: decisions per second per core on every shipped policy against a plain C loop over
// pcre2_jit_match (the floor) and against NSRegularExpression; then how cost grows with the number of accept
// entries and with name length. Run through `make bench` (release build); prints a table.
//
// Usage: EngineBenchmark [--policies DIR] [--quick] [--only-default COUNT] [--breakdown]
//   --quick          tiny counts, to check the benchmark runs (used by a smoke test)
//   --only-default N evaluate N inputs on the default policy and exit (for valgrind's DHAT allocation count)
//   --breakdown      the default policy's cost for each name of the mix, then exit (for profiling)
import Foundation
import UploadPolicy

let arguments = CommandLine.arguments
func value(after flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let quick = arguments.contains("--quick")
let policiesDirectory = value(after: "--policies") ?? "../Policies"

let mime: MIMEDatabase
let set: PolicySet
do {
    mime = try MIMEDatabase.load()
    set = try PolicySet.load(directory: policiesDirectory, mimeDatabase: mime)
} catch {
    FileHandle.standardError.write(Data("EngineBenchmark: \(error)\n".utf8))
    exit(2)
}
let inputs = NameMix.make(count: quick ? 200 : 2_000)

if let countText = value(after: "--only-default"), let count = Int(countText) {
    let scratch = MatchScratch()
    var accepted = 0
    for index in 0..<count where set.defaultPolicy.evaluate(inputs[index % inputs.count], scratch: scratch).isAccepted {
        accepted += 1
    }
    print("evaluated \(count) decisions, \(accepted) accepted")
    exit(0)
}

if arguments.contains("--breakdown") {
    Breakdown.run(set.defaultPolicy)
    exit(0)
}

print("UploadGate engine benchmark — one thread, \(inputs.count) inputs per round, best of 5 rounds")
print("")
print(Table.row(["policy", "engine", "C floor", "ratio", "NSRegex", "speed-up", "ns/decision"]))
print(Table.rule(7))
let nfcNames = inputs.map { $0.name.precomposedStringWithCanonicalMapping }
for policy in set.policies.sorted(by: { $0.id < $1.id }) {
    let scratch = MatchScratch()
    let rounds = quick ? 1 : 20
    let engine = bestRate(operations: inputs.count * rounds) {
        var accepted = 0
        for _ in 0..<rounds {
            for input in inputs where policy.evaluate(input, scratch: scratch).isAccepted { accepted += 1 }
        }
        blackHole(accepted)
    }
    let floor = References.cFloor(policy: policy, names: nfcNames, rounds: quick ? 1 : 5)
    let regex = References.nsRegularExpression(policy: policy, names: quick ? Array(nfcNames.prefix(50)) : nfcNames)
    print(
        Table.row([
            policy.id, formatRate(engine), formatRate(floor), String(format: "%.2f×", engine / floor),
            formatRate(regex), String(format: "%.0f×", engine / regex), String(format: "%.0f", 1e9 / engine),
        ]))
}
print("")
print("ratio: engine ÷ C floor (bar ≥ 0.5×); speed-up: engine ÷ NSRegularExpression (bar ≥ 10×)")
print("")
Growth.run(mime: mime, quick: quick)
