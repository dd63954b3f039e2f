/// What a request path asks for. Matching is exact and case-sensitive on the once-decoded path; anything
/// else is ``unknown`` (404), so `/validate/../metrics`, `/VALIDATE` or `//validate` never reach a handler.
enum Route: Equatable {
    /// `/validate` or `/validate/`: the default policy.
    case validateDefault
    /// `/validate/{id}` or `/validate/{id}/`: a named policy (the id is not yet known to exist).
    case validate(policyID: String)
    case health
    case ready
    case metrics
    case policies
    case unknown

    init(path: String) {
        switch path {
        case "/validate", "/validate/": self = .validateDefault
        case "/healthz": self = .health
        case "/readyz": self = .ready
        case "/metrics": self = .metrics
        case "/policies": self = .policies
        default:
            let prefix = "/validate/"
            if path.hasPrefix(prefix) {
                var id = path.dropFirst(prefix.count)
                if id.hasSuffix("/") { id = id.dropLast() }
                self = Route.isPolicyID(id) ? .validate(policyID: String(id)) : .unknown
            } else {
                self = .unknown
            }
        }
    }

    /// The methods the route answers (HEAD goes with GET).
    var allowedMethods: [String] {
        switch self {
        case .validateDefault, .validate: ["POST"]
        case .health, .ready, .metrics, .policies: ["GET", "HEAD"]
        case .unknown: []
        }
    }

    /// The route's template, the only form used as a metric label.
    var template: String {
        switch self {
        case .validateDefault: "/validate"
        case .validate: "/validate/{policy}"
        case .health: "/healthz"
        case .ready: "/readyz"
        case .metrics: "/metrics"
        case .policies: "/policies"
        case .unknown: "other"
        }
    }

    /// Policy ids have the shape the policy loader enforces: 1–64 of `a-z 0-9 . _ -`, not starting with `.`
    /// or `-` (so never `.` or `..`).
    static func isPolicyID(_ id: Substring) -> Bool {
        guard (1...64).contains(id.utf8.count), id.first != ".", id.first != "-" else { return false }
        return id.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x5F
                || byte == 0x2D
        }
    }
}
