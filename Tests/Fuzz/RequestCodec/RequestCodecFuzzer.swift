import Foundation
import FuzzSupport
@testable import HTTPServer
import UploadPolicy
@testable import UploadGateServer

/// Fuzzes the endpoint's request handling without a network: any method, target, headers and body go
/// straight into ``EndpointHandler/respond(to:)`` (see ``RequestInput`` for the input layout).
///
/// Invariants: never a 5xx; every response can be sent (header names are tokens, values are non-empty and
/// free of CR, LF and NUL, which libmicrohttpd refuses); JSON routes answer well-formed JSON of the right
/// shape: a decision `{"accept": Bool, "rejectReason": String|null}` with a reason exactly when rejected, or
/// an error `{"error": {"code": String, "message": String}}`. A HEAD answer carries the body a GET would get,
/// for its Content-Length; the server sends only the head.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = RequestInput(FuzzDriver.bytes(data, size))
    let handler = Handlers.all[input.authMode] ?? Handlers.all["none"]!
    let request = input.request
    let response = handler.respond(to: request)
    let body = DecisionChecks.scalars(String(decoding: request.body, as: UTF8.self))
    let context = "\(request.method) \(request.target) \(request.headers.fields) \(body)"

    invariant((200..<500).contains(response.status.code), "status \(response.status.code) for \(context)")
    for field in response.headers {
        invariant(HTTPHeaders.isToken(field.name), "header name \(field.name) is not a token")
        invariant(
            !field.value.isEmpty && !field.value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 },
            "header \(field.name) has an unsendable value \(DecisionChecks.scalars(field.value)) for \(context)")
    }
    if Route(path: request.path) == .metrics, response.status.code == 200 { return 0 }

    let json = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
    guard let object = json as? [String: Any] else {
        invariant(false, "not a JSON object: \(String(decoding: response.body, as: UTF8.self)) for \(context)")
        return 0
    }
    invariant(response.headers["Content-Type"]?.hasPrefix("application/json") == true, "JSON without its type")
    if let error = object["error"] as? [String: Any] {
        invariant(response.status.code >= 400, "an error body with status \(response.status.code)")
        invariant(
            !((error["code"] as? String) ?? "").isEmpty && !((error["message"] as? String) ?? "").isEmpty,
            "an error without code or message: \(object)")
    } else if let accept = object["accept"] as? Bool {
        let reason = object["rejectReason"]
        invariant(object.count == 2 && reason != nil, "decision body with other members: \(object)")
        if accept {
            invariant(reason is NSNull, "an acceptance with a reason: \(object)")
        } else {
            invariant(!((reason as? String) ?? "").isEmpty, "a rejection without a reason: \(object)")
        }
        invariant(response.headers[ValidationResponse.Header.decision] != nil, "a decision without its code header")
    } else {
        invariant(response.status.code == 200, "an unexpected body \(object) with status \(response.status.code)")
    }
    return 0
}

/// One handler per authentication mode, over every policy the evaluation target uses.
enum Handlers {
    static let all: [String: EndpointHandler] = {
        let store: PolicyStore
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("uploadgate-fuzz-\(getpid())")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in FuzzFixtures.policyFiles {
                let url = URL(fileURLWithPath: file)
                try FileManager.default.copyItem(at: url, to: folder.appendingPathComponent(url.lastPathComponent))
            }
            store = try PolicyStore(
                source: .directory(folder.path, defaultPolicyID: "default"), mimeDatabase: FuzzFixtures.mimeDatabase)
            try FileManager.default.removeItem(at: folder)
        } catch {
            fatalError("fuzz fixtures: \(error)")
        }
        let devNull = open("/dev/null", O_WRONLY)
        var handlers: [String: EndpointHandler] = [:]
        let modes: [(String, AuthenticationMode, [String])] = [
            ("none", .none, []), ("api-key", .apiKey, ["key-1", "key-2"]), ("basic", .basic, ["signer:s3cret"]),
            ("bearer", .bearer, ["token-1"]),
        ]
        for (name, mode, secrets) in modes {
            guard let authenticator = try? Authenticator(mode: mode, secrets: secrets) else {
                fatalError("fuzz fixtures: authenticator \(name)")
            }
            handlers[name] = EndpointHandler(
                store: store, authenticator: authenticator, metrics: Metrics(),
                decisionLog: DecisionLog(mode: .hash, descriptor: devNull), maxBodySize: 16384)
        }
        return handlers
    }()
}
