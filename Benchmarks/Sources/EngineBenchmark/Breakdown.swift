import UploadPolicy

/// Where the default policy's time goes: the cost of a decision for each stem and each hazard of the mix,
/// over every extension and type the mix pairs them with. Run with `--breakdown`; for profiling by hand.
enum Breakdown {
    static func run(_ policy: Policy) {
        print("Cost by name group (\(policy.id) policy, every extension and reported type of the mix)")
        print(Table.row(["ns/decision", "name"]))
        print(Table.rule(4))
        for stem in NameMix.stems {
            let inputs = NameMix.extensions.flatMap { ext, type in
                [type, "", "application/octet-stream"].map {
                    FileCandidate(name: stem + "." + ext, contentType: $0, length: 1000)
                }
            }
            report(stem, Growth.nanoseconds(policy, inputs, rounds: 200))
        }
        for hazard in NameMix.hazards {
            let inputs = [FileCandidate(name: hazard, contentType: "", length: 1000)]
            report(hazard, Growth.nanoseconds(policy, inputs, rounds: 20_000))
        }
    }

    private static func report(_ name: String, _ cost: Double) {
        let shown = name.unicodeScalars.map {
            $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}"
        }
        print(Table.row([String(format: "%.0f", cost), String(shown.joined().prefix(48))]))
    }
}
