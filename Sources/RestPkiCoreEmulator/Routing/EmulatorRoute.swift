import Foundation
import HTTPServer

/// What a request path asks for.
///
/// API paths match as ASP.NET Core routes do: case-insensitively, with or without one trailing slash; an id
/// segment in any case. Control paths (`/_emulator/…`) match the same way. Anything else is `.unknown` (404).
enum EmulatorRoute: Equatable {
    /// `POST /api/signature-sessions`.
    case createSession
    /// `GET /api/signature-sessions/{id}`.
    case session(String)
    /// `GET /api/signature-sessions/{id}/when-completed`.
    case whenCompleted(String)
    /// `GET /signature-sessions/{id}?token=…`: the user's signature page (the redirect URL).
    case signaturePage(String)
    /// `GET /_emulator/sessions/{id}`: the emulator's view of a session.
    case controlSession(String)
    /// `POST /_emulator/sessions/{id}/{action}`.
    case control(String, ControlAction)
    /// `GET /_emulator/requests`: the request log.
    case requestLog
    /// `GET /_emulator/documents/{id}/original` or `/signed`: a document's bytes.
    case download(String, signed: Bool)
    case unknown

    /// What a control route does to a session.
    enum ControlAction: String, CaseIterable {
        case uploads, complete, cancel, expire, progress
        case processingError = "processing-error"
    }

    init(path: String) {
        var trimmed = Substring(path)
        if trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard path.hasPrefix("/"), !segments.contains("") else {
            self = .unknown
            return
        }
        let lowered = segments.map { $0.lowercased() }
        switch lowered.count {
        case 2 where lowered == ["api", "signature-sessions"]: self = .createSession
        case 3 where lowered[0...1] == ["api", "signature-sessions"]: self = .session(segments[2])
        case 4 where lowered[0...1] == ["api", "signature-sessions"] && lowered[3] == "when-completed":
            self = .whenCompleted(segments[2])
        case 2 where lowered[0] == "signature-sessions": self = .signaturePage(segments[1])
        case 2 where lowered == ["_emulator", "requests"]: self = .requestLog
        case 3 where lowered[0...1] == ["_emulator", "sessions"]: self = .controlSession(segments[2])
        case 4 where lowered[0...1] == ["_emulator", "sessions"]:
            if let action = ControlAction(rawValue: lowered[3]) {
                self = .control(segments[2], action)
            } else {
                self = .unknown
            }
        case 4 where lowered[0...1] == ["_emulator", "documents"] && ["original", "signed"].contains(lowered[3]):
            self = .download(segments[2], signed: lowered[3] == "signed")
        default: self = .unknown
        }
    }

    /// The methods the route answers.
    var allowedMethods: [HTTPMethod] {
        switch self {
        case .createSession, .control: return [.post]
        case .session, .whenCompleted, .signaturePage, .controlSession, .requestLog, .download: return [.get]
        case .unknown: return []
        }
    }

    /// Whether the route is one of the three API routes (which need `X-Api-Key`).
    var isAPI: Bool {
        switch self {
        case .createSession, .session, .whenCompleted: return true
        default: return false
        }
    }

    /// Whether the route is a control route.
    var isControl: Bool {
        switch self {
        case .controlSession, .control, .requestLog, .download: return true
        default: return false
        }
    }

    /// Parses a path id: a canonical UUID in any case; anything else is a 400 naming the value.
    static func uuid(_ text: String) throws(EmulatorFailure) -> UUID {
        guard let id = UUID(uuidString: text) else { throw EmulatorFailure.invalidID(text) }
        return id
    }
}
