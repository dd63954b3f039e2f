import Foundation
import FuzzSupport
@testable import UploadPolicy

/// Fuzzes `PolicyLoader.load(data:source:)` with any bytes as a policy file.
///
/// Invariants: a load yields a policy exactly when it reports no error; every error names the file, a code and
/// a message; loading is deterministic; a policy that loads runs its own examples with well-formed, quick
/// decisions; its extension index agrees with trying every accept entry on each example name; and each of its
/// patterns finds the same as its whole-search rewrite on each example name.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(FuzzDriver.bytes(data, size))
    var loader = PolicyLoader(mimeDatabase: FuzzFixtures.mimeDatabase)
    let policy = loader.load(data: bytes, source: "fuzz.json")

    invariant(
        (policy == nil) == !loader.errors.isEmpty,
        "policy \(policy == nil ? "nil" : "loaded") with errors \(loader.errors)")
    for error in loader.errors {
        invariant(error.file == "fuzz.json", "error names the wrong file: \(error)")
        invariant(!error.code.rawValue.isEmpty && !error.message.isEmpty, "error without code or message: \(error)")
        invariant(!error.description.isEmpty, "error with an empty description")
    }
    var again = PolicyLoader(mimeDatabase: FuzzFixtures.mimeDatabase)
    let second = again.load(data: bytes, source: "fuzz.json")
    invariant(
        again.errors.map(\.description) == loader.errors.map(\.description) && (second == nil) == (policy == nil),
        "loading twice differs: \(loader.errors) versus \(again.errors)")

    guard let policy else { return 0 }
    invariant(policy.contentHash == second?.contentHash, "content hash differs between loads")
    _ = try? PolicySet(policies: [policy])
    let patterns = policy.acceptEntries.map(\.name) + policy.rejectRules.map(\.name)
    for example in policy.examples {
        let decision = PatternChecks.evaluateQuickly(policy, example.candidate)
        DecisionChecks.checkShape(decision, example.candidate, policy: policy)
        let name = NameNormalization.nfc(example.candidate.name)
        DecisionChecks.checkAcceptIndex(policy, name: name)
        for pattern in patterns { PatternChecks.checkWholeSearch(pattern, name: name) }
    }
    return 0
}
