extension Policy {
    /// Decides whether the reported type fits the accept entry the name picked.
    ///
    /// A type fits when it is one of the entry's types or a kind of one (through aliases and subclasses).
    /// Failing that, it still fits when the extension's own type fits the entry and the browser reported either
    /// a less specific type of it (`application/zip` for a `.docx`) or a type browsers are known to report for
    /// that extension (`application/vnd.ms-excel` for a `.csv`). Empty and generic types follow `emptyType`.
    func checkType<Recorder: EvaluationRecorder>(
        _ reported: String?, entry: AcceptEntry, name: String, recorder: inout Recorder
    ) -> Decision {
        var accepted: Decision { Decision.accepted(policy: id, rule: entry.path) }
        let text = reported ?? ""
        if MediaType.essence(of: text, isOneOf: entry.listedTypes) {  // most uploads: exactly a listed type
            recorder.record("type", .passed, "\(text) is listed")
            return accepted
        }
        let isBlank = text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }

        var media: MediaType?
        if !isBlank {
            media = MediaType(parsing: text)
            if media == nil {
                recorder.record("type", .failed, "“\(text)” is not a MIME type")
                return reject(.invalidType, rule: "\(entry.path).types", [.type: .text(text)])
            }
        }
        if entry.typeRules.isEmpty {
            recorder.record("type", .passed, "the entry accepts any type")
            return accepted
        }
        guard let media, !BrowserQuirks.genericTypes.contains(media.essence) else {
            return checkGenericType(media?.essence ?? "", entry: entry, name: name, recorder: &recorder)
        }

        let type = mimeDatabase.canonical(media.essence)
        if entry.typeRules.admit(type, database: mimeDatabase) {
            recorder.record("type", .passed, type == media.essence ? type : "\(media.essence) is \(type)")
            return accepted
        }
        if let implied = mimeDatabase.type(forFileName: name), entry.typeRules.admit(implied, database: mimeDatabase) {
            if mimeDatabase.isKind(implied, of: type) {
                recorder.record("type", .passed, "\(type) is a less specific type of \(implied), the extension's type")
                return accepted
            }
            let fileExtension = Self.finalExtension(of: name)?.lowercased() ?? ""
            if BrowserQuirks.reportedTypesByExtension[fileExtension]?.contains(media.essence) == true {
                recorder.record("type", .passed, "browsers report .\(fileExtension) files as \(media.essence)")
                return accepted
            }
        }
        recorder.record("type", .failed, "\(type) is not among \(entry.types.joined(separator: ", "))")
        return mismatch(reportedType: media.essence, entry: entry)
    }

    private func checkGenericType<Recorder: EvaluationRecorder>(
        _ reported: String, entry: AcceptEntry, name: String, recorder: inout Recorder
    ) -> Decision {
        let shown = reported.isEmpty ? "no type" : reported
        switch options.emptyType {
        case .accept:
            recorder.record("type", .passed, "\(shown) reported; emptyType is accept")
            return Decision.accepted(policy: id, rule: entry.path)
        case .reject:
            recorder.record("type", .failed, "\(shown) reported; emptyType is reject")
            return reject(.missingType, rule: "options.emptyType", [.type: .text(reported)])
        case .infer:
            guard let implied = mimeDatabase.type(forFileName: name) else {
                recorder.record("type", .failed, "\(shown) reported and the name implies none")
                return reject(.undeterminedType, rule: "options.emptyType", [.type: .text(reported)])
            }
            if entry.typeRules.admit(implied, database: mimeDatabase) {
                recorder.record("type", .passed, "\(shown) reported; the name implies \(implied)")
                return Decision.accepted(policy: id, rule: entry.path)
            }
            recorder.record("type", .failed, "\(shown) reported; the name implies \(implied), not accepted here")
            return mismatch(reportedType: implied, entry: entry)
        }
    }

    private func mismatch(reportedType: String, entry: AcceptEntry) -> Decision {
        reject(
            .typeMismatch, rule: "\(entry.path).types",
            [
                .type: .text(reportedType), .label: .localized(entry.label), .expectedTypes: .list(entry.types),
            ])
    }
}
