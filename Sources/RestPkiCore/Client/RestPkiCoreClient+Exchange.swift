import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension RestPkiCoreClient {
    /// Sends one request and interprets the answer, under a hard time limit: the request's timeout, or the
    /// deadline when that comes first.
    ///
    /// - Throws: `RestPkiError`; `.deadlineExceeded` when the deadline (not the timeout) cut the exchange.
    func exchange<T: Decodable & Sendable>(
        method: String, path: String, body: Data?, extraHeaders: [String: String] = [:], timeout: Duration,
        deadline: ContinuousClock.Instant?, as type: T.Type, expected: String
    ) async throws(RestPkiError) -> T {
        let operation = "\(method) \(path)"
        if let problem = base.problem ?? secret.problem {
            throw RestPkiError(.invalidArgument(problem), operation: operation)
        }
        guard let url = base.url(for: path) else {
            throw RestPkiError(.invalidArgument("no URL can be built for \(path)"), operation: operation)
        }
        guard !Task.isCancelled else { throw RestPkiError(.cancelled, operation: operation) }

        var request = URLRequest(url: url)
        request.httpMethod = method
        // The exact limit is enforced below (total time, not idle time). URLSession's own timer only backs it up:
        // swift-corelibs-foundation truncates the interval to whole seconds, so 0.3 s would time out at once.
        request.timeoutInterval = timeout.seconds.rounded(.up) + 1
        request.cachePolicy = .reloadIgnoringLocalCacheData
        request.setValue(secret.value, forHTTPHeaderField: "X-Api-Key")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let language = options.acceptLanguage { request.setValue(language, forHTTPHeaderField: "Accept-Language") }
        for (name, value) in extraHeaders { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }

        let start = ContinuousClock.now
        let timeLimit = start + timeout
        var limit = timeLimit
        var cutByDeadline = false
        if let deadline, deadline < timeLimit {
            limit = deadline
            cutByDeadline = true
        }
        let transport = self.transport
        let prepared = request
        let maxBytes = options.maxResponseBytes
        logger.log(.trace, "\(operation): sending", metadata: ["url": Endpoint.redacted(url)])

        let reply: HTTPReply
        do {
            let answer = try await Self.withTimeLimit(limit) { try await transport.send(prepared, limit: maxBytes) }
            guard let answer else {
                logger.log(.debug, "\(operation): cut after \(ContinuousClock.now - start)")
                if cutByDeadline {
                    throw RestPkiError(.deadlineExceeded(progress: "during the call"), operation: operation)
                }
                throw RestPkiError(.timeout(seconds: timeout.seconds), operation: operation)
            }
            reply = answer
        } catch let error as RestPkiError {
            throw error
        } catch {
            let mapped = map(error, operation: operation, timeout: timeout, expected: expected)
            logger.log(.debug, "\(operation): failed: \(mapped.kind)", metadata: ["error": mapped.description])
            throw mapped
        }
        logger.log(
            .debug, "\(operation) → \(reply.status) in \(ContinuousClock.now - start), \(reply.body.count) bytes")
        return try interpreter.interpret(reply, as: type, expected: expected + " JSON object", operation: operation)
    }

    /// Maps a transport-level failure to a `RestPkiError`.
    private func map(_ error: any Error, operation: String, timeout: Duration, expected: String) -> RestPkiError {
        if Task.isCancelled || error is CancellationError {
            return RestPkiError(.cancelled, operation: operation)
        }
        if let tooLarge = error as? HTTPTransport.ResponseTooLarge {
            let problem = "the body is larger than the limit of \(tooLarge.limit) bytes (options.maxResponseBytes)"
            switch tooLarge.status {
            case 401: return RestPkiError(.unauthorized(excerpt: nil), operation: operation)
            case 403: return RestPkiError(.forbidden(excerpt: nil), operation: operation)
            case let status? where !(200..<300).contains(status):
                return RestPkiError(.unexpectedStatus(status, summary: problem, excerpt: nil), operation: operation)
            default:
                return RestPkiError(
                    .invalidResponse(
                        status: tooLarge.status, expected: expected + " JSON object", problem: problem, excerpt: nil),
                    operation: operation)
            }
        }
        guard let urlError = error as? URLError else {
            return RestPkiError(.transport(reason: String(describing: error)), operation: operation)
        }
        if urlError.code == .timedOut { return RestPkiError(.timeout(seconds: timeout.seconds), operation: operation) }
        return RestPkiError(.transport(reason: Self.explain(urlError, host: base.url.host)), operation: operation)
    }

    private static func explain(_ error: URLError, host: String?) -> String {
        let place = host.map { " \($0)" } ?? ""
        let reason: String
        switch error.code {
        case .cannotConnectToHost: reason = "could not connect to\(place) (connection refused or unreachable)"
        case .cannotFindHost, .dnsLookupFailed: reason = "the host\(place) was not found"
        case .networkConnectionLost:
            reason = "the connection to\(place) was lost before the response was complete"
        case .notConnectedToInternet: reason = "there is no network connection"
        case .secureConnectionFailed: reason = "the TLS connection to\(place) failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
            .serverCertificateHasUnknownRoot:
            reason = "the TLS certificate of\(place) was not accepted"
        case .badServerResponse: reason = "the answer from\(place) was not valid HTTP"
        case .cancelled: reason = "the request was cancelled by the URL session"
        default: reason = "the request to\(place) failed"
        }
        return "\(reason) (URLError \(error.code.rawValue))"
    }

    /// Runs `operation`, returning nil if `limit` passes first (the operation is then cancelled).
    static func withTimeLimit<T: Sendable>(
        _ limit: ContinuousClock.Instant, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(until: limit, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return nil }
            return first
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (whole, attoseconds) = components
        return TimeInterval(whole) + TimeInterval(attoseconds) / 1e18
    }
}
