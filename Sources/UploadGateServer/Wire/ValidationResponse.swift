public import UploadPolicy

/// The answer Rest PKI Core reads: `{"accept": true, "rejectReason": null}` or
/// `{"accept": false, "rejectReason": "…"}`. The deciding code and rule travel in headers, never in the body.
public enum ValidationResponse {
    /// The JSON body for a decision, with the reason in `language`: `rejectReason` is always present, `null`
    /// when accepted, as ASP.NET writes it. Built by hand: this runs for every request.
    public static func body(for decision: Decision, language: Language) -> [UInt8] {
        guard let reason = decision.reason(in: language) else {
            return Array(#"{"accept":\#(decision.isAccepted),"rejectReason":null}"#.utf8)
        }
        var bytes = Array(#"{"accept":\#(decision.isAccepted),"rejectReason":""#.utf8)
        bytes.reserveCapacity(bytes.count + reason.utf8.count + 16)
        JSONText.escape(reason, into: &bytes)
        bytes.append(contentsOf: #""}"#.utf8)
        return bytes
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
