public import UploadPolicy

/// One predefined document the policy pre-check refused: which one, what the policy said, and why.
///
/// Carried by `RestPkiError.policyRefusals` when `createSignatureSession(_:checkedBy:language:unknownFacts:
/// subscriptionId:)` refuses a request.
public struct DocumentPolicyRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The document's position in `CreateSignatureSessionRequest.documents`, from 0.
    public let index: Int
    /// The file name as given in the request, or nil when the request gives none.
    public let name: String?
    /// The decision code, e.g. `name.not_accepted`, `type.mismatch`, or `precheck.name_unknown` when a fact the
    /// policy needs is missing from the request.
    public let code: DecisionCode
    /// The JSON path of the policy rule that decided (`accept`, `reject[0]`, `limits.maxSize`), when there is one.
    public let rule: String?
    /// The reason, in the language the check was asked for.
    public let reason: String

    /// Creates a refusal.
    ///
    /// - Parameters:
    ///   - index: The document's position in the request.
    ///   - name: The file name, if the request gives one.
    ///   - code: The decision code.
    ///   - rule: The deciding rule's path, if any.
    ///   - reason: The reason in the requested language.
    public init(index: Int, name: String?, code: DecisionCode, rule: String?, reason: String) {
        self.index = index
        self.name = name
        self.code = code
        self.rule = rule
        self.reason = reason
    }

    /// `#1 "planilha.xlsx" (name.not_accepted): This kind of file is not accepted. …`, with the name shortened
    /// to 80 characters and its invisible and control characters written as `\u{…}`, so that a hostile name
    /// cannot forge or hide log text.
    public var description: String {
        let shown = name.map { "\"\(Self.printable($0))\"" } ?? "(no name)"
        return "#\(index) \(shown) (\(code)): \(reason)"
    }

    /// `text` with control, format (bidi, zero-width) and separator characters other than the space escaped,
    /// and cut at 80 characters.
    static func printable(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 80 {
                result += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            case .spaceSeparator where scalar != " ":
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }
}

extension DecisionCode {
    /// The pre-check could not judge a document because the request does not give its file name (a document
    /// referenced by URL or blob token without `name`). Only produced by the client's pre-check.
    public static let precheckNameUnknown = DecisionCode(rawValue: "precheck.name_unknown")
    /// The pre-check could not judge a document's size because the request gives no length (and has no inline
    /// content) while the policy limits sizes. Only produced by the client's pre-check.
    public static let precheckLengthUnknown = DecisionCode(rawValue: "precheck.length_unknown")
}
