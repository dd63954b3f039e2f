import CPCRE2Floor
import Foundation
import UploadPolicy

/// The two references a policy's decision rate is compared with.
enum References {
    /// The C floor: a plain loop over `pcre2_jit_match` with the policy's reject then accept patterns, on the
    /// same (NFC) names. Returns names per second, best of `rounds`.
    static func cFloor(policy: Policy, names: [String], rounds: Int = 5) -> Double {
        let patterns = policy.rejectRules.map(\.name.source) + policy.acceptEntries.map(\.name.source)
        let cPatterns = patterns.map { strdup($0) }
        defer { for pattern in cPatterns { free(pattern) } }
        let cNames = names.map { strdup($0) }
        defer { for name in cNames { free(name) } }
        let lengths = names.map { $0.utf8.count }
        var best = 0.0
        let iterations = max(1, 400_000 / names.count)
        for _ in 0..<(rounds + 1) {
            var matched = 0
            let elapsed = cPatterns.map { UnsafePointer($0) }.withUnsafeBufferPointer { patterns in
                cNames.map { UnsafePointer($0) }.withUnsafeBufferPointer { names in
                    cpcre2floor_run(
                        patterns.baseAddress, patterns.count, policy.rejectRules.count,
                        policy.options.caseInsensitive ? 1 : 0, names.baseAddress, lengths, names.count,
                        iterations, &matched)
                }
            }
            precondition(elapsed > 0, "a pattern did not compile in C")
            best = max(best, Double(iterations * names.count) / (Double(elapsed) / 1e9))
        }
        return best
    }

    /// The same policy evaluated with NSRegularExpression: reject patterns, then accept patterns in order.
    static func nsRegularExpression(policy: Policy, names: [String]) -> Double {
        let options: NSRegularExpression.Options = policy.options.caseInsensitive ? [.caseInsensitive] : []
        func compile(_ source: String) -> NSRegularExpression {
            do { return try NSRegularExpression(pattern: source, options: options) } catch {
                fatalError("NSRegularExpression refused \(source): \(error)")
            }
        }
        let rejects = policy.rejectRules.map { compile($0.name.source) }
        let accepts = policy.acceptEntries.map { compile($0.name.source) }
        let subjects = names.map { $0 as NSString }
        let iterations = max(1, 20_000 / names.count)
        return bestRate(operations: iterations * names.count, rounds: 3) {
            var matched = 0
            for _ in 0..<iterations {
                for subject in subjects {
                    let range = NSRange(location: 0, length: subject.length)
                    let text = subject as String
                    if rejects.contains(where: { $0.firstMatch(in: text, range: range) != nil }) { continue }
                    if accepts.contains(where: { $0.firstMatch(in: text, range: range) != nil }) { matched += 1 }
                }
            }
            blackHole(matched)
        }
    }
}
