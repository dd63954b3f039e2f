/// Decides on one file the user picks, as the signature page does: the acceptable-name pattern first (cheap;
/// a mismatch never reaches the endpoint), then the validation endpoint, whose answer decides; a failed call is
/// decided by the configured failure handling.
struct UploadJudge: Sendable {
    let pattern: FileNamePattern?
    let endpoint: FileValidationClient?
    let onFailure: RestPkiEmulator.FailureHandling

    init(subscription: RestPkiEmulator.Subscription) throws(RestPkiEmulatorError) {
        pattern = try subscription.acceptableFileNamePattern.map { text throws(RestPkiEmulatorError) in
            try FileNamePattern(text)
        }
        if let validation = subscription.fileValidation {
            let scheme = validation.url.scheme?.lowercased()
            guard scheme == "http" || scheme == "https", validation.url.host?.isEmpty == false else {
                throw RestPkiEmulatorError("the file validation URL must be an absolute http or https URL")
            }
            let value = validation.authentication.header?.value ?? ""
            guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw RestPkiEmulatorError(
                    "the file validation credentials contain control characters, which cannot go in a header")
            }
        }
        endpoint = subscription.fileValidation.map(FileValidationClient.init(settings:))
        onFailure = subscription.fileValidation?.onFailure ?? .reject
    }

    /// Judges one file; blocks while the endpoint is called.
    func judge(
        name: String, contentType: String, length: Int64, language: RestPkiEmulator.PageLanguage
    ) -> UploadOutcome {
        var outcome = UploadOutcome(
            name: name, contentType: contentType, length: length, accepted: true, decidedBy: .noValidation)
        if let pattern, !pattern.admits(name) {
            outcome.accepted = false
            outcome.decidedBy = .pattern
            outcome.message = PageMessages.patternMismatch(in: language)
            return outcome
        }
        guard let endpoint else { return outcome }
        let answer: ValidationAnswer
        switch endpoint.call(name: name, contentType: contentType, length: length, language: language) {
        case .answered(let status, let body):
            outcome.endpointStatus = status
            answer = ValidationAnswer.read(status: status, body: body)
        case .failed(let reason):
            answer = .unreadable(reason)
        }
        switch answer {
        case .accept:
            outcome.decidedBy = .endpoint
        case .reject(let reason):
            outcome.accepted = false
            outcome.decidedBy = .endpoint
            outcome.rejectReason = reason
            outcome.message = PageMessages.rejected(reason: reason, in: language)
        case .unreadable(let problem):
            outcome.decidedBy = .endpointFailure
            outcome.failure = problem
            if onFailure == .reject {
                outcome.accepted = false
                outcome.message = PageMessages.validationFailed(in: language)
            }
        }
        return outcome
    }

    /// Cancels calls in flight.
    func invalidate() {
        endpoint?.invalidate()
    }
}
