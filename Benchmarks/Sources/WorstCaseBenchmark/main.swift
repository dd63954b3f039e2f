// The worst case of bounded evaluation: how long one decision can take on a policy of catastrophic patterns
// (nested quantifiers, overlapping alternations under repetition), over every adversarial name of up to 255
// bytes, with PCRE2's JIT and without it (the interpreter, as on hosts that forbid executable memory).
// Run through `make bench`, or alone: swift run -c release WorstCaseBenchmark [--quick] [--limits 100000,10000].
//
// Part 1 times each pattern alone at several match limits, to choose the default (PatternLimits.default).
// Part 2 times whole decisions on one policy holding every pattern, with the default limits.
// Part 3 times decisions on floods of combining marks and of Unicode 16 vowel signs that compose with each other,
// as large as the endpoint's default body cap allows, on a policy without name limits: such long segments are
// normalised in linear time (UnicodeNormalizer), not by ICU's quadratic reordering and recomposition.
import Foundation
import UploadPolicy

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let limits: [UInt32] = arguments.firstIndex(of: "--limits").flatMap { index in
    index + 1 < arguments.count ? arguments[index + 1].split(separator: ",").compactMap { UInt32($0) } : nil
} ?? [10_000, 5_000]
let names = quick ? Array(Catastrophes.names.prefix(100)) : Catastrophes.names
let rounds = quick ? 1 : 5

/// The fastest of `rounds` runs of `body`, in microseconds: the cost of the work, not of the machine's noise.
func microseconds(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
    }
    return best
}

func describe(_ name: String) -> String {
    let shown = name.count > 24 ? String(name.prefix(12)) + "…" + String(name.suffix(8)) : name
    return "\"\(shown)\" (\(name.utf8.count) B)"
}

print("Worst case per pattern: the slowest of \(names.count) names, best of \(rounds) runs each")
print("pattern".padding(toLength: 18, withPad: " ", startingAt: 0), "limit    ", "engine ", "µs worst", " name")
let scratch = MatchScratch()
for (pattern, _) in Catastrophes.patterns {
    for limit in limits {
        for jit in [true, false] {
            let options = PatternOptions(
                caseInsensitive: true, limits: PatternLimits(matchLimit: limit, depthLimit: 2_000, heapLimitKiB: 2_048))
            guard let compiled = try? CompiledPattern((jit ? "" : "(*NO_JIT)") + pattern, options: options) else {
                fatalError("\(pattern) does not compile")
            }
            var worst = (time: 0.0, name: "", result: PatternMatch.noMatch)
            for name in names {
                var subject = name
                var result = PatternMatch.noMatch
                let time = microseconds { result = subject.withUTF8 { compiled.matches(utf8: $0, scratch: scratch) } }
                if time > worst.time { worst = (time, name, result) }
            }
            let columns = [
                pattern.padding(toLength: 18, withPad: " ", startingAt: 0),
                String(limit).padding(toLength: 9, withPad: " ", startingAt: 0),
                jit ? "JIT    " : "interp.", String(format: "%8.1f", worst.time),
            ]
            print(columns.joined(separator: " "), describe(worst.name), worst.result)
        }
    }
}

let entries = Catastrophes.patterns.enumerated().map { index, entry in
    #"{"label": "pattern \#(index)", "name": "\#(entry.pattern.replacingOccurrences(of: "\\", with: "\\\\"))"}"#
}
let json = #"{"id": "catastrophic", "accept": [\#(entries.joined(separator: ", "))], "limits": {"maxNameBytes": 255}}"#
var loader = PolicyLoader(mimeDatabase: try MIMEDatabase.load())
guard let policy = loader.load(data: Data(json.utf8), source: "<benchmark>") else { fatalError("\(loader.errors)") }
var worst = (time: 0.0, name: "", code: DecisionCode.accepted)
var limitHits = 0
for name in names {
    var decision: Decision?
    let candidate = FileCandidate(name: name, contentType: "text/plain")
    let time = microseconds { decision = policy.evaluate(candidate, scratch: scratch) }
    if decision?.code == .patternLimit { limitHits += 1 }
    if time > worst.time { worst = (time, name, decision?.code ?? .accepted) }
}
let limit = PatternLimits.default.matchLimit
print("\nDecisions on one policy of all \(Catastrophes.patterns.count) patterns, default match limit \(limit), JIT:")
print(String(format: "worst %.1f µs", worst.time), "for", describe(worst.name), "→", worst.code.rawValue)
print("\(limitHits) of \(names.count) names failed closed with pattern.limit")

let unlimited = #"""
    {"id": "unlimited", "accept": [{"label": "PDF", "name": "\\.pdf$"}],
     "limits": {"maxNameBytes": null, "maxNameCharacters": null}}
    """#
guard let floodPolicy = loader.load(data: Data(unlimited.utf8), source: "<benchmark>") else {
    fatalError("\(loader.errors)")
}
print("\nLong segments on a policy without name limits (16 KiB, the endpoint's default body cap):")
let floods = [
    ("one class (U+0316)", String(repeating: "\u{0316}", count: 8_000)),
    ("alternating classes (U+0301 U+0316)", String(repeating: "\u{0301}\u{0316}", count: 4_000)),
    ("halfwidth voiced marks (U+FF9E U+0334)", String(repeating: "\u{FF9E}\u{0334}", count: 2_700)),
    ("Kirat Rai vowel signs (U+16D67)", String(repeating: "\u{16D67}", count: 4_000)),
    ("composed Kirat Rai AI (U+16D68)", String(repeating: "\u{16D68}", count: 4_000)),
]
for (label, marks) in floods {
    let candidate = FileCandidate(name: "a" + marks + ".pdf", contentType: "application/pdf")
    var decision: Decision?
    let time = microseconds { decision = floodPolicy.evaluate(candidate, scratch: scratch) }
    let columns = [label.padding(toLength: 38, withPad: " ", startingAt: 0), String(format: "%8.1f µs", time)]
    print(columns.joined(separator: " "), "→", decision?.code.rawValue ?? "-")
}
