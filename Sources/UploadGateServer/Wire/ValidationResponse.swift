public import UploadPolicy

/// The answer Rest PKI Core reads: `{"accept": true, "rejectReason": null}` or
/// `{"accept": false, "rejectReason": "…"}`. The deciding code and rule travel in headers, never in the body.
public enum ValidationResponse {
    /// The JSON body for a decision, with the reason in `language`: `rejectReason` is always present, `null`
    /// when accepted, as ASP.NET writes it. Built by hand: this runs for every request.
    public static func body(for decision: Decision, language: Language) -> [UInt8] {
        guard let reason = decision.reason(in: language) else {
            return decision.isAccepted ? acceptedWithoutReason : rejectedWithoutReason
        }
        let start = decision.isAccepted ? #"{"accept":true,"rejectReason":""# : #"{"accept":false,"rejectReason":""#
        var bytes: [UInt8] = []
        bytes.reserveCapacity(start.utf8.count + reason.utf8.count + 16)
        bytes.append(contentsOf: start.utf8)
        JSONText.escape(reason, into: &bytes)
        bytes.append(contentsOf: #""}"#.utf8)
        return bytes
    }

    // Built once: most answers are one of these, and returning a shared array costs no allocation.
    private static let acceptedWithoutReason = Array(#"{"accept":true,"rejectReason":null}"#.utf8)
    private static let rejectedWithoutReason = Array(#"{"accept":false,"rejectReason":null}"#.utf8)

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
