public import UploadPolicy

/// What the pre-check does with a document whose name or size the request does not carry.
///
/// A document referenced by `url` or `blobToken` may come without `name` or `length`: Rest PKI Core learns them
/// when it fetches the file, the app never sees them. The type is never "unknown" in this sense: a missing
/// `mimeType` is judged exactly as a browser reporting no type, by the policy's `emptyType` option.
public enum UnknownFileFacts: Sendable, Hashable {
    /// Refuse such a document (the default): without the name (or, when the policy limits sizes, the length)
    /// nothing shows the document would pass, and a check that silently passes what it cannot see is no check.
    /// The refusal's code is `precheck.name_unknown` or `precheck.length_unknown`.
    case refuse
    /// Check what is known: without a length, size limits are skipped; without a name the document is not
    /// checked at all (reported as `.unchecked`, never refused). For apps that trust their own URLs.
    case checkWhatIsKnown
}

/// Checks the predefined documents of a `CreateSignatureSessionRequest` against an UploadPolicy `Policy`, the
/// same policy the validation endpoint applies to user uploads. Pure: no I/O.
///
/// For each document the facts are: the name from `file.name`; the type from `file.mimeType`, else the
/// deprecated `file.contentType` (nil or empty means "none reported"); the length from the inline `content`
/// when there is one (what the server will receive, whatever `file.length` says), else `file.length`.
/// A name is never derived from a URL: the server may name the file differently.
public struct PolicyPrecheck: Sendable {
    /// The outcome for one document.
    public struct DocumentCheck: Sendable {
        /// What happened to the document.
        public enum Verdict: Sendable {
            /// The policy accepts the document.
            case passed
            /// The document fails the policy, or lacks a fact the policy needs.
            case refused(DocumentPolicyRefusal)
            /// Not checked (only with `.checkWhatIsKnown`): the reason, e.g. that the name is unknown.
            case unchecked(String)
        }

        /// The document's position in the request, from 0.
        public let index: Int
        /// The facts the policy evaluated, or nil when it was not asked (a name or needed length unknown).
        public let file: FileCandidate?
        /// The outcome.
        public let verdict: Verdict

        /// The refusal, when the verdict is `.refused`.
        public var refusal: DocumentPolicyRefusal? {
            if case .refused(let refusal) = verdict { return refusal }
            return nil
        }
    }

    /// The policy documents are checked against.
    public let policy: Policy
    /// The language of the reasons.
    public let language: Language
    /// What happens to documents whose name or length is unknown.
    public let unknownFacts: UnknownFileFacts

    /// Creates a pre-check.
    ///
    /// - Parameters:
    ///   - policy: The policy, e.g. loaded with `PolicyLoader`.
    ///   - language: The language of the reasons; English by default.
    ///   - unknownFacts: What to do with documents whose name or length the request does not give.
    public init(policy: Policy, language: Language = .english, unknownFacts: UnknownFileFacts = .refuse) {
        self.policy = policy
        self.language = language
        self.unknownFacts = unknownFacts
    }

    /// Checks every predefined document of `request`, in order. A request without documents (the user uploads)
    /// gives an empty list.
    ///
    /// - Parameter request: The request to check.
    /// - Returns: One check per document.
    public func check(_ request: CreateSignatureSessionRequest) -> [DocumentCheck] {
        check(request.documents ?? [])
    }

    /// Checks documents, in order.
    ///
    /// - Parameter documents: The predefined documents.
    /// - Returns: One check per document.
    public func check(_ documents: [SignatureSessionDocumentData]) -> [DocumentCheck] {
        documents.enumerated().map { index, document in check(document.file, index: index) }
    }

    /// The refused documents of `request`, in order; empty when every document passes.
    ///
    /// - Parameter request: The request to check.
    /// - Returns: The refusals.
    public func refusals(for request: CreateSignatureSessionRequest) -> [DocumentPolicyRefusal] {
        check(request).compactMap(\.refusal)
    }

    private func check(_ file: FileReferenceModel?, index: Int) -> DocumentCheck {
        let name = file?.name.flatMap { $0.isEmpty ? nil : $0 }
        guard let name else {
            switch unknownFacts {
            case .refuse:
                return refused(index, name: nil, code: .precheckNameUnknown)
            case .checkWhatIsKnown:
                return DocumentCheck(index: index, file: nil, verdict: .unchecked(Self.nameUnknown(language)))
            }
        }
        let type = file?.mimeType ?? file?.contentType
        let length = file?.content.map { Int64($0.count) } ?? file?.length
        let limitsSize = policy.limits.minSize != nil || policy.limits.maxSize != nil
        if length == nil, limitsSize, unknownFacts == .refuse {
            return refused(index, name: name, code: .precheckLengthUnknown)
        }
        let candidate = FileCandidate(name: name, contentType: type, length: length)
        let decision = policy.evaluate(candidate)
        guard !decision.isAccepted else { return DocumentCheck(index: index, file: candidate, verdict: .passed) }
        let refusal = DocumentPolicyRefusal(
            index: index, name: name, code: decision.code, rule: decision.rule,
            reason: decision.reason(in: language) ?? decision.code.rawValue)
        return DocumentCheck(index: index, file: candidate, verdict: .refused(refusal))
    }

    private func refused(_ index: Int, name: String?, code: DecisionCode) -> DocumentCheck {
        let reason = code == .precheckNameUnknown ? Self.nameUnknown(language) : Self.lengthUnknown(language)
        let refusal = DocumentPolicyRefusal(index: index, name: name, code: code, rule: nil, reason: reason)
        return DocumentCheck(index: index, file: nil, verdict: .refused(refusal))
    }

    static func nameUnknown(_ language: Language) -> String {
        switch language {
        case .brazilianPortuguese:
            return "A requisição não informa o nome do arquivo (documento referenciado por URL ou blob token sem "
                + "nome), então a política não pode ser verificada. Informe o nome do arquivo."
        case .english:
            return "The request does not give the file name (a document referenced by URL or blob token without "
                + "a name), so the policy cannot be checked. Give the file name."
        }
    }

    static func lengthUnknown(_ language: Language) -> String {
        switch language {
        case .brazilianPortuguese:
            return "A requisição não informa o tamanho do arquivo e a política limita tamanhos, então a política "
                + "não pode ser verificada. Informe o tamanho (length)."
        case .english:
            return "The request does not give the file size and the policy limits sizes, so the policy cannot be "
                + "checked. Give the length."
        }
    }
}
