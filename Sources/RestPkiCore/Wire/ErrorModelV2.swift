/// The body of an API error (HTTP 422) (`ErrorModelV2` in the API). Every field is optional.
///
/// Decoding is deliberately forgiving, because this is what a caller reads when something already went wrong:
/// each field is read on its own, and a field of the wrong type is dropped instead of failing the whole body.
public struct ErrorModelV2: Codable, Hashable, Sendable {
    /// The machine error code; undocumented codes are kept.
    public var code: RestPkiErrorCode?
    /// A human-readable description in English, meant for logs rather than for users.
    public var message: String?
    /// Extra detail (API 2.x and later).
    public var detail: String?
    /// Free-form key/value details. Values that are `null` are left out; numbers and booleans become text.
    public var details: [String: String]?
    /// The failed checks, when `code` is `ValidationError`.
    public var validationResults: ValidationResultsModel?

    /// Creates an error body.
    public init(
        code: RestPkiErrorCode? = nil, message: String? = nil, detail: String? = nil, details: [String: String]? = nil,
        validationResults: ValidationResultsModel? = nil
    ) {
        self.code = code
        self.message = message
        self.detail = detail
        self.details = details
        self.validationResults = validationResults
    }

    private enum CodingKeys: String, CodingKey {
        case code, message, detail, details, validationResults
    }

    /// Decodes an error body field by field; a field that is absent, `null` or of the wrong type reads as nil.
    ///
    /// - Throws: `DecodingError` only when the body is not a JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = (try? container.decodeIfPresent(String.self, forKey: .code)).flatMap { $0 }.map(RestPkiErrorCode.init)
        message = (try? container.decodeIfPresent(String.self, forKey: .message)).flatMap { $0 }
        detail = (try? container.decodeIfPresent(String.self, forKey: .detail)).flatMap { $0 }
        details = (try? container.decodeIfPresent([String: LenientText].self, forKey: .details))
            .flatMap { $0 }?.compactMapValues(\.text)
        validationResults = (try? container.decodeIfPresent(ValidationResultsModel.self, forKey: .validationResults))
            .flatMap { $0 }
    }

    /// Whether the body carries anything at all (a code, a message or a detail).
    var isMeaningful: Bool { code != nil || message != nil || detail != nil }
}

/// The outcome of a validation (`ValidationResultsModel` in the API).
public struct ValidationResultsModel: Codable, Hashable, Sendable {
    /// The checks that passed.
    public var passedChecks: [ValidationItemModel]?
    /// The checks that failed.
    public var errors: [ValidationItemModel]?
    /// The checks that raised a warning.
    public var warnings: [ValidationItemModel]?

    /// Creates validation results.
    public init(
        passedChecks: [ValidationItemModel]? = nil, errors: [ValidationItemModel]? = nil,
        warnings: [ValidationItemModel]? = nil
    ) {
        self.passedChecks = passedChecks
        self.errors = errors
        self.warnings = warnings
    }

    /// A one-line summary of the errors and warnings, nested results flattened, e.g.
    /// `"2 errors (CertificateExpired: The certificate expired; …), 1 warning (…)"`.
    public var summary: String {
        var parts: [String] = []
        let errors = flattened(\.errors)
        let warnings = flattened(\.warnings)
        if !errors.isEmpty { parts.append(Self.describe(errors, noun: "error")) }
        if !warnings.isEmpty { parts.append(Self.describe(warnings, noun: "warning")) }
        return parts.isEmpty ? "no errors" : parts.joined(separator: ", ")
    }

    private func flattened(_ list: KeyPath<ValidationResultsModel, [ValidationItemModel]?>) -> [ValidationItemModel] {
        var result: [ValidationItemModel] = []
        for item in self[keyPath: list] ?? [] {
            result.append(item)
            if let inner = item.innerValidationResults { result += inner.flattened(list) }
        }
        return result
    }

    private static func describe(_ items: [ValidationItemModel], noun: String) -> String {
        let shown = items.prefix(3).map { item in
            [item.type?.rawValue, item.message].compactMap { $0 }.joined(separator: ": ")
        }
        let more = items.count > 3 ? "; …" : ""
        return "\(items.count) \(noun)\(items.count == 1 ? "" : "s") (\(shown.joined(separator: "; "))\(more))"
    }
}

/// One validation check (`ValidationItemModel` in the API).
public struct ValidationItemModel: Codable, Hashable, Sendable {
    /// The kind of check; undocumented kinds are kept.
    public var type: ValidationItemType?
    /// What the check found.
    public var message: String?
    /// More detail.
    public var detail: String?
    /// The results of checks nested under this one (e.g. the issuer's certificate).
    public var innerValidationResults: ValidationResultsModel?

    /// Creates a validation item.
    public init(
        type: ValidationItemType? = nil, message: String? = nil, detail: String? = nil,
        innerValidationResults: ValidationResultsModel? = nil
    ) {
        self.type = type
        self.message = message
        self.detail = detail
        self.innerValidationResults = innerValidationResults
    }
}

/// A JSON scalar read as text: strings as they are, numbers and booleans printed, `null` as nil.
private struct LenientText: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = nil
        } else if let value = try? container.decode(String.self) {
            text = value
        } else if let value = try? container.decode(Bool.self) {
            text = String(value)
        } else if let value = try? container.decode(Int64.self) {
            text = String(value)
        } else if let value = try? container.decode(Double.self) {
            text = String(value)
        } else {
            text = nil
        }
    }
}
