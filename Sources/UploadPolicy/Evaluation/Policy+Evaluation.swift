extension Policy {
    /// Decides on one file.
    ///
    /// Order: the name is normalised to NFC; built-in checks and name length; `reject` rules; size limits;
    /// the first `accept` entry whose pattern the name contains; that entry's types against the reported type.
    /// The first failing step decides. A pattern stopped by a limit fails closed (``DecisionCode/patternLimit``).
    /// - Parameter candidate: The name, reported type and length.
    /// - Returns: The decision; never throws, whatever the input.
    /// - Note: Thread-safe. This overload allocates match data per call; hot loops may pass their own.
    public func evaluate(_ candidate: FileCandidate) -> Decision {
        var recorder = SilentRecorder()
        return run(candidate, scratch: MatchScratch(), recorder: &recorder)
    }

    /// Decides on one file using the caller's per-thread scratch.
    public func evaluate(_ candidate: FileCandidate, scratch: MatchScratch) -> Decision {
        var recorder = SilentRecorder()
        return run(candidate, scratch: scratch, recorder: &recorder)
    }

    /// Decides on one file and records every step taken.
    public func explain(_ candidate: FileCandidate) -> Explanation {
        var recorder = StepRecorder()
        let decision = run(candidate, scratch: MatchScratch(), recorder: &recorder)
        return Explanation(decision: decision, steps: recorder.steps)
    }

    private func run<Recorder: EvaluationRecorder>(
        _ candidate: FileCandidate, scratch: MatchScratch, recorder: inout Recorder
    ) -> Decision {
        if let refusal = refuseFarTooLong(candidate.name, recorder: &recorder) { return refusal }
        let (name, isOwnFold) = NameNormalization.nfcAndFoldCheck(candidate.name)
        // Compare bytes: String's == treats NFD and NFC as equal.
        recorder.record(
            "normalize", .passed, name.utf8.elementsEqual(candidate.name.utf8) ? "already NFC" : "converted to NFC")

        if let rejection = checkName(name, isOwnFold: isOwnFold, recorder: &recorder) { return rejection }

        return name.withUTF8Bytes { utf8 in
            for (index, rule) in rejectRules.enumerated() {
                switch rule.name.matches(utf8: utf8, scratch: scratch) {
                case .match:
                    recorder.record(rule.path, .failed, "matched \(rule.name.source)")
                    return reject(
                        .rejectedByRule, rule: rule.path, ruleReason: rule.reason,
                        [
                            .name: .text(name), .extension: .text(Self.finalExtension(of: name) ?? ""),
                        ])
                case .noMatch:
                    recorder.record(rejectRules[index].path, .noMatch, rule.name.source)
                case .limitExceeded(let kind):
                    recorder.record(rule.path, .failed, "pattern stopped by the \(kind.rawValue) limit")
                    return reject(.patternLimit, rule: rule.path, [:])
                }
            }

            if let rejection = checkSize(candidate.length, recorder: &recorder) { return rejection }

            for index in acceptIndex.candidates(for: name) {
                let entry = acceptEntries[index]
                switch entry.name.matches(utf8: utf8, scratch: scratch) {
                case .match:
                    recorder.record(entry.path, .matched, "\(entry.name.source) (\(entry.label.text(in: .english)))")
                    return checkType(candidate.contentType, entry: entry, name: name, recorder: &recorder)
                case .noMatch:
                    recorder.record(entry.path, .noMatch, entry.name.source)
                case .limitExceeded(let kind):
                    recorder.record(entry.path, .failed, "pattern stopped by the \(kind.rawValue) limit")
                    return reject(.patternLimit, rule: entry.path, [:])
                }
            }
            recorder.record("accept", .failed, "no accept entry matched")
            return reject(
                .notAccepted, rule: "accept",
                [
                    .name: .text(name), .extension: .text(Self.finalExtension(of: name) ?? ""),
                ])
        }
    }

    // MARK: Steps

    /// Refuses, before normalising it, a name whose NFC form cannot fit `limits.maxNameBytes`: composition
    /// shrinks UTF-8 by at most 3.5× (U+1FBE, the spacing ι, with two combining marks, 7 bytes, becomes ΐ, 2
    /// bytes; Hangul jamo, 9 bytes, one syllable of 3), so a name of 4× the limit or more is too long whatever NFC
    /// makes of it, and is refused without paying for the normaliser.
    private func refuseFarTooLong<Recorder: EvaluationRecorder>(_ name: String, recorder: inout Recorder) -> Decision? {
        guard let limit = limits.maxNameBytes, name.utf8.count / 4 >= limit else { return nil }
        let bytes = name.utf8.count
        recorder.record("limits.maxNameBytes", .failed, "\(bytes) bytes > 4 × \(limit), before normalising")
        return reject(
            .nameTooLongBytes, rule: "limits.maxNameBytes",
            [
                .nameBytes: .count(bytes), .maxNameBytes: .count(limit),
            ])
    }

    private func checkName<Recorder: EvaluationRecorder>(
        _ name: String, isOwnFold: Bool, recorder: inout Recorder
    ) -> Decision? {
        if let finding = inspector.firstFinding(in: name, isOwnFold: isOwnFold) {
            recorder.record("checks", .failed, "\(finding.check.rawValue): \(finding.check.summary)")
            let detail = ReasonArgument.text(finding.detail ?? "")
            return reject(
                finding.check.code, rule: "options.checks.\(finding.check.rawValue)",
                [
                    .character: detail, .device: detail, .extension: detail, .name: .text(name),
                ])
        }
        let bytes = name.utf8.count
        if let limit = limits.maxNameBytes, bytes > limit {
            recorder.record("limits.maxNameBytes", .failed, "\(bytes) bytes > \(limit)")
            return reject(
                .nameTooLongBytes, rule: "limits.maxNameBytes",
                [
                    .nameBytes: .count(bytes), .maxNameBytes: .count(limit),
                ])
        }
        if let limit = limits.maxNameCharacters, bytes > limit {  // a character is at least one byte
            let characters = name.count
            if characters > limit {
                recorder.record("limits.maxNameCharacters", .failed, "\(characters) characters > \(limit)")
                return reject(
                    .nameTooLongCharacters, rule: "limits.maxNameCharacters",
                    [
                        .nameCharacters: .count(characters), .maxNameCharacters: .count(limit),
                    ])
            }
        }
        recorder.record("checks", .passed, options.checks.map(\.rawValue).sorted().joined(separator: ", "))
        return nil
    }

    private func checkSize<Recorder: EvaluationRecorder>(_ length: Int64?, recorder: inout Recorder) -> Decision? {
        guard let length else {
            recorder.record("limits", .skipped, "no length given")
            return nil
        }
        if length < 0 {
            recorder.record("limits", .failed, "negative length \(length)")
            return reject(.invalidSize, rule: "length", [.size: .count(Int(clamping: length))])
        }
        if let minimum = limits.minSize, length < minimum {
            recorder.record("limits.minSize", .failed, "\(length) < \(minimum)")
            return reject(.tooSmall, rule: "limits.minSize", [.size: .bytes(length), .minSize: .bytes(minimum)])
        }
        if let maximum = limits.maxSize, length > maximum {
            recorder.record("limits.maxSize", .failed, "\(length) > \(maximum)")
            return reject(.tooLarge, rule: "limits.maxSize", [.size: .bytes(length), .maxSize: .bytes(maximum)])
        }
        recorder.record("limits", .passed, "length \(length)")
        return nil
    }

    // MARK: Helpers

    func reject(
        _ code: DecisionCode, rule: String, ruleReason: LocalizedText? = nil,
        _ arguments: KeyValuePairs<ReasonPlaceholder, ReasonArgument>
    ) -> Decision {
        Decision(
            policyID: id, code: code, rule: rule,
            message: ReasonMessage(context: reasonContext, ruleReason: ruleReason, arguments: arguments))
    }

    /// The text after the last dot, or nil when there is no dot. Found over UTF-8, as ``AcceptIndex`` and the
    /// MIME database find it: a dot that a combining mark follows is still a dot.
    static func finalExtension(of name: String) -> String? {
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        return String(name[utf8.index(after: dot)...])
    }
}
