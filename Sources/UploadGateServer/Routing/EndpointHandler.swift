import Foundation
public import HTTPServer
import UploadPolicy

/// The validation endpoint's request handling: routing, authentication, the wire contract, decisions,
/// metrics and the decision log. Every outcome is a well-formed response; errors are ``EndpointError``s
/// rendered as JSON.
public struct EndpointHandler: HTTPHandler {
    let store: PolicyStore
    let authenticator: Authenticator
    let metrics: Metrics
    let decisionLog: DecisionLog
    let maxBodySize: Int
    let readiness: Readiness

    /// A handler over a policy store; `readiness` is shared with the service that stops it (a fresh one, always
    /// ready, by default).
    init(
        store: PolicyStore, authenticator: Authenticator, metrics: Metrics, decisionLog: DecisionLog,
        maxBodySize: Int, readiness: Readiness = Readiness()
    ) {
        self.store = store
        self.authenticator = authenticator
        self.metrics = metrics
        self.decisionLog = decisionLog
        self.maxBodySize = maxBodySize
        self.readiness = readiness
    }

    /// Answers one request: a decision (200), an operations route, or a JSON error; never throws, never 5xx.
    /// - Parameter request: The complete request.
    /// - Returns: The response; for `HEAD` the server sends its head only.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let start = ContinuousClock.now
        let route = Route(path: request.path)
        let response: HTTPResponse
        do {
            response = try dispatch(request, route: route)
        } catch {
            response = Self.render(error)
        }
        metrics.recordRequest(
            route: route.template, method: Self.methodLabel(request.method), status: response.status.code,
            seconds: Self.seconds(ContinuousClock.now - start))
        return response  // for HEAD the server sends the head only, with the body's Content-Length
    }

    /// Renders a failure the HTTP layer found itself (body over the limit, ambiguous framing, malformed target)
    /// as the same JSON error body, and counts it.
    /// - Parameters:
    ///   - failure: What the server refused, with its status.
    ///   - request: The request head.
    /// - Returns: The JSON error response.
    public func respond(to failure: HTTPRequestFailure, for request: HTTPRequest) -> HTTPResponse {
        let error =
            failure.code == .bodyTooLarge
            ? EndpointError.bodyTooLarge(limit: maxBodySize)
            : EndpointError(status: failure.status.code, code: failure.code.rawValue, message: failure.message)
        let route = Route(path: request.path)
        metrics.recordRequest(
            route: route.template, method: Self.methodLabel(request.method), status: error.status, seconds: 0)
        return Self.render(error)
    }

    // MARK: Dispatch

    private func dispatch(_ request: HTTPRequest, route: Route) throws(EndpointError) -> HTTPResponse {
        let allowed = route.allowedMethods
        guard !allowed.isEmpty else { throw EndpointError.unknownRoute(request.path) }
        guard allowed.contains(request.method.rawValue) else {
            throw EndpointError.methodNotAllowed(request.method.rawValue, allowed: allowed)
        }
        switch route {
        case .validateDefault:
            try authenticate(request)
            return try validate(request, policy: store.policies.defaultPolicy)
        case .validate(let id):
            try authenticate(request)
            let policies = store.policies
            guard let policy = policies[id] else {
                throw EndpointError.unknownPolicy(id, known: policies.policies.map(\.id).sorted())
            }
            return try validate(request, policy: policy)
        case .health:
            return .json(#"{"status":"ok"}"#)
        case .ready:
            let count = store.policies.policies.count
            guard !readiness.isStopping else {
                return .json(#"{"policies":\#(count),"status":"stopping"}"#, status: .serviceUnavailable)
            }
            return .json(#"{"policies":\#(count),"status":"ready"}"#)
        case .metrics:
            return HTTPResponse(
                status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                body: Array(metrics.render(decisionLogDroppedLines: decisionLog.droppedLines).utf8))
        case .policies:
            try authenticate(request)
            return .json(PolicyListing.body(for: store.policies))
        case .unknown:
            throw EndpointError.unknownRoute(request.path)
        }
    }

    private func authenticate(_ request: HTTPRequest) throws(EndpointError) {
        if case .refused(let message, let challenge) = authenticator.check(header: { request.headers[$0] }) {
            throw EndpointError.unauthorized(message, challenge: challenge)
        }
    }

    private func validate(_ request: HTTPRequest, policy: Policy) throws(EndpointError) -> HTTPResponse {
        try RequestMediaType.requireJSON(request.headers["Content-Type"])
        let candidate = try ValidationRequest.decode(request.body)
        let start = ContinuousClock.now
        let decision = policy.evaluate(candidate, scratch: ThreadScratch.current)
        let id = decisionLog.nextID()
        decisionLog.record(id: id, decision: decision, candidate: candidate, duration: ContinuousClock.now - start)
        metrics.recordDecision(policy: policy.id, code: decision.code.rawValue)

        let language = AcceptLanguage.language(for: request.headers["Accept-Language"])
        var headers = HTTPHeaders(reservingCapacity: 7)
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: ValidationResponse.Header.decision, value: decision.code.rawValue)
        headers.add(name: ValidationResponse.Header.policy, value: policy.id)
        headers.add(name: ValidationResponse.Header.decisionID, value: id)
        headers.add(name: "Content-Language", value: language.rawValue)
        if let rule = decision.rule { headers.add(name: ValidationResponse.Header.rule, value: rule) }
        return HTTPResponse(
            status: .ok, headers: headers, body: ValidationResponse.body(for: decision, language: language))
    }

    // MARK: Rendering

    private static func render(_ error: EndpointError) -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        for (name, value) in error.headers { headers.set(name: name, value: value) }
        return HTTPResponse(status: HTTPStatus(error.status), headers: headers, body: error.body)
    }

    /// Methods outside the usual set are counted together, so clients cannot mint label values.
    private static func methodLabel(_ method: HTTPMethod) -> String {
        let known = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        return known.contains(method.rawValue) ? method.rawValue : "other"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
