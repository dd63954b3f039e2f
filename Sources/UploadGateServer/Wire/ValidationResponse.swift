import Foundation
public import UploadPolicy

/// The answer Rest PKI Core reads: `{"accept": true, "rejectReason": null}` or
/// `{"accept": false, "rejectReason": "…"}`. The deciding code and rule travel in headers, never in the body.
public enum ValidationResponse {
    /// The JSON body for a decision, with the reason in `language`.
    public static func body(for decision: Decision, language: Language) -> [UInt8] {
        struct Body: Encodable {
            let accept: Bool
            let rejectReason: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(accept, forKey: .accept)
                try container.encode(rejectReason, forKey: .rejectReason)  // explicit null, as ASP.NET writes it
            }

            enum CodingKeys: String, CodingKey { case accept, rejectReason }
        }
        let body = Body(accept: decision.isAccepted, rejectReason: decision.reason(in: language))
        return JSONBytes.encode(body)
    }

    /// Response headers carrying the decision's details.
    public enum Header {
        /// The decision code, e.g. `name.bidi_control` or `accepted`.
        public static let decision = "X-UploadGate-Decision"
        /// The JSON path of the deciding rule, e.g. `reject[0]`.
        public static let rule = "X-UploadGate-Rule"
        /// The policy that decided.
        public static let policy = "X-UploadGate-Policy"
        /// The id of the decision's log line.
        public static let decisionID = "X-UploadGate-Decision-Id"
    }
}

/// JSON encoding with the settings every UploadGate body uses.
enum JSONBytes {
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            preconditionFailure("UploadGate's own response types always encode: \(error)")
        }
    }
}
