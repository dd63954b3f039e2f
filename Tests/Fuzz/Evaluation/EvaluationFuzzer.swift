import Foundation
import FuzzSupport
import _FoundationICU

@testable import UploadPolicy

/// Fuzzes `Policy.evaluate` with any name, type and length on every shipped policy (plus the fuzz-only ones
/// in `Tests/Fuzz/Policies`), checking the decision rather than only surviving it: well-formed and quick,
/// the same twice, with a caller's scratch, through `explain` and for the NFD form of the name; accepted names
/// free of what the policy's checks refuse; the extension index never hiding a match. See
/// ``EvaluationInput`` for the input layout.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = EvaluationInput(FuzzDriver.bytes(data, size)) else { return 0 }
    let policy = input.policy
    let candidate = input.candidate
    let decision = PatternChecks.evaluateQuickly(policy, candidate)

    DecisionChecks.checkShape(decision, candidate, policy: policy)
    checkSameDecision(decision, policy.evaluate(candidate), "evaluating twice", candidate)
    checkSameDecision(decision, policy.evaluate(candidate, scratch: MatchScratch()), "a caller's scratch", candidate)
    checkSameDecision(decision, policy.explain(candidate).decision, "explain", candidate)

    var decomposed = candidate
    decomposed.name = nfd(candidate.name)
    checkNFDForm(decision, policy.evaluate(decomposed), candidate, decomposed, policy: policy)

    if decision.isAccepted { checkAcceptedName(candidate, policy: policy) }
    DecisionChecks.checkAcceptIndex(policy, name: NameNormalization.nfc(candidate.name))
    return 0
}

/// `text` in NFD by ICU in one call. Not Foundation's `decomposedStringWithCanonicalMapping`: on Linux it drops
/// marks from long runs (`x` followed by U+0F73 U+0F81 a hundred times loses some).
private func nfd(_ text: String) -> String {
    var status = U_ZERO_ERROR
    let units = Array(text.utf16)
    var output = [UInt16](repeating: 0, count: units.count * 4 + 16)  // NFD grows UTF-16 at most 4× (U+1F82)
    let length = swift_unorm2_normalize(
        swift_unorm2_getNFDInstance(&status), units, Int32(units.count), &output, Int32(output.count), &status)
    invariant(status.rawValue <= 0, "ICU's NFD failed on \(text.debugDescription)")
    return String(decoding: output.prefix(Int(length)), as: UTF16.self)
}

private func checkSameDecision(_ first: Decision, _ second: Decision, _ what: String, _ candidate: FileCandidate) {
    invariant(
        first.code == second.code && first.rule == second.rule && first.reason() == second.reason(),
        "\(what) changes the decision on \(candidate): \(first) versus \(second)")
}

/// The NFD form of a name decides as the name does, unless either form is 4× or more over `maxNameBytes` as
/// sent: such a name is refused for its length before normalisation and the checks, so both are refused but
/// the code may differ (a bidi control in the one, the length in the other). A name that fits the limit never
/// gets there in either form, since NFD grows UTF-8 by at most 3×.
private func checkNFDForm(
    _ decision: Decision, _ nfdDecision: Decision, _ candidate: FileCandidate, _ decomposed: FileCandidate,
    policy: Policy
) {
    if let limit = policy.limits.maxNameBytes,
        max(candidate.name.utf8.count, decomposed.name.utf8.count) / 4 >= limit
    {
        invariant(
            !decision.isAccepted && !nfdDecision.isAccepted,
            "a name 4× over maxNameBytes in one form was accepted: \(candidate)")
        invariant(
            nfdDecision.code == .nameTooLongBytes || decomposed.name.utf8.count / 4 < limit,
            "the NFD form, 4× over maxNameBytes, was not refused for its length: \(nfdDecision)")
        return
    }
    checkSameDecision(decision, nfdDecision, "the NFD form of the name", candidate)
}

/// What every accepted name must satisfy, for each built-in check the policy has on, and the limits.
private func checkAcceptedName(_ candidate: FileCandidate, policy: Policy) {
    let name = NameNormalization.nfc(candidate.name)
    let checks = policy.options.checks
    let scalars = name.unicodeScalars
    func on(_ check: BuiltInCheck) -> Bool { checks.contains(check) }

    invariant(!on(.emptyName) || !name.isEmpty, "accepted an empty name")
    invariant(
        !on(.controlCharacters) || !scalars.contains { CharacterClasses.isControl($0.value) },
        "accepted a control character in \(candidate)")
    invariant(
        !on(.bidiControls) || !scalars.contains { CharacterClasses.isBidiControl($0.value) },
        "accepted a bidi control in \(candidate)")
    invariant(
        !on(.invisibleCharacters) || !scalars.contains { isNeverExcusedInvisible($0.value) },
        "accepted an invisible character in \(candidate)")
    invariant(
        !on(.invisibleCharacters) || variationSelectorsFollowWhatTheyVary(scalars),
        "accepted a variation selector after a character it cannot vary in \(candidate)")
    invariant(!on(.pathSeparators) || !name.contains("/") && !name.contains("\\"), "accepted a path: \(candidate)")
    invariant(!on(.dotSegments) || (name != "." && name != ".."), "accepted a dot segment")
    invariant(!on(.trailingDots) || !name.hasSuffix("."), "accepted a trailing dot: \(candidate)")
    invariant(
        !on(.surroundingSpaces)
            || !(scalars.first?.properties.isWhitespace ?? false) && !(scalars.last?.properties.isWhitespace ?? false),
        "accepted surrounding white space: \(candidate)")
    if let limit = policy.limits.maxNameBytes {
        invariant(name.utf8.count <= limit, "accepted \(name.utf8.count) bytes over \(limit)")
    }
    if let limit = policy.limits.maxNameCharacters {
        invariant(name.count <= limit, "accepted \(name.count) characters over \(limit)")
    }
    if let length = candidate.length {
        invariant(length >= 0, "accepted a negative length")
        invariant(length >= policy.limits.minSize ?? 0, "accepted \(length) under minSize")
        invariant(length <= policy.limits.maxSize ?? .max, "accepted \(length) over maxSize")
    }
}

/// Invisible characters that no emoji or script sequence excuses (ZWJ, ZWNJ, tags and variation selectors can be
/// legitimate; variation selectors are checked by ``variationSelectorsFollowWhatTheyVary(_:)``).
private func isNeverExcusedInvisible(_ value: UInt32) -> Bool {
    CharacterClasses.isInvisible(value) && value != CharacterClasses.zeroWidthJoiner
        && value != CharacterClasses.zeroWidthNonJoiner && !(0xE0020...0xE007F).contains(value)
        && !CharacterClasses.isVariationSelector(value)
}

/// Whether every variation selector comes right after a character it can vary (never first, never after another
/// selector or after ASCII other than a keycap or emoji base).
private func variationSelectorsFollowWhatTheyVary(_ scalars: String.UnicodeScalarView) -> Bool {
    var previous: Unicode.Scalar?
    for scalar in scalars {
        if CharacterClasses.isVariationSelector(scalar.value) {
            guard let base = previous, !CharacterClasses.isVariationSelector(base.value),
                CharacterClasses.takesVariationSelector(scalar.value, after: base)
            else { return false }
        }
        previous = scalar
    }
    return true
}
