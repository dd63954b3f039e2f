import Foundation
import HTTPServer

/// Answers every request of the emulator: the three API routes, the signature page and the control routes.
/// Every outcome is a well-formed response, logged (path and status, never headers or queries).
struct EmulatorHandler: HTTPHandler {
    let core: EmulatorCore

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let route = EmulatorRoute(path: request.path)
        var keyCheck: EmulatorRequestRecord.KeyCheck?
        let response: HTTPResponse
        do throws(EmulatorFailure) {
            let allowed = route.allowedMethods
            guard !allowed.isEmpty else { throw EmulatorFailure.notFound }
            guard allowed.contains(request.method) else { throw EmulatorFailure.methodNotAllowed(allowed) }
            if route.isAPI {
                let check = core.check(apiKey: request.headers["X-Api-Key"])
                keyCheck = check
                guard check == .valid else { throw EmulatorFailure.unauthorized }
            }
            response = try dispatch(route, request)
        } catch {
            response = error.response
        }
        record(request, route: route, status: response.status.code, keyCheck: keyCheck)
        return response
    }

    func respond(to failure: HTTPRequestFailure, for request: HTTPRequest) -> HTTPResponse {
        let route = EmulatorRoute(path: request.path)
        record(request, route: route, status: failure.status.code, keyCheck: nil)
        return EmulatorFailure.transport(failure).response
    }

    private func dispatch(_ route: EmulatorRoute, _ request: HTTPRequest) throws(EmulatorFailure) -> HTTPResponse {
        switch route {
        case .createSession:
            return try createSession(request)
        case .session(let text):
            return try session(EmulatorRoute.uuid(text))
        case .whenCompleted(let text):
            return try whenCompleted(EmulatorRoute.uuid(text))
        case .signaturePage(let text):
            return try signaturePage(text, token: request.queryValue(for: "token"))
        case .controlSession(let text):
            return try controlView(EmulatorRoute.uuid(text))
        case .control(let text, let action):
            return try control(action, on: EmulatorRoute.uuid(text), body: request.body)
        case .requestLog:
            struct Body: Encodable { let requests: [EmulatorRequestRecord] }
            return .json(EmulatorJSON.encode(Body(requests: core.requestLog.all)))
        case .download(let text, let signed):
            return try download(EmulatorRoute.uuid(text), signed: signed)
        case .unknown:
            throw EmulatorFailure.notFound
        }
    }

    private func record(
        _ request: HTTPRequest, route: EmulatorRoute, status: Int, keyCheck: EmulatorRequestRecord.KeyCheck?
    ) {
        core.requestLog.append(
            EmulatorRequestRecord(
                method: request.method.rawValue, path: request.path, status: status, apiKey: keyCheck,
                isControl: route.isControl))
    }
}
