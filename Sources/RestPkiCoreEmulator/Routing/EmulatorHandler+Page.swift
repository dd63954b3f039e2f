import Foundation
import HTTPServer

// The user's signature page, where the redirect URL points. A read-only status page: the user's actions are
// the control routes. The token in the link must match, as Rest PKI Core's page requires its session token.

extension EmulatorHandler {
    /// `GET /signature-sessions/{id}?token=…`.
    func signaturePage(_ text: String, token: String?) throws(EmulatorFailure) -> HTTPResponse {
        guard let id = UUID(uuidString: text), let session = core.store.session(id) else {
            throw EmulatorFailure.notFound
        }
        guard let token, token == session.token else { throw EmulatorFailure.forbidden }
        return HTTPResponse(
            status: .ok,
            headers: [
                "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            ],
            body: Array(page(session).utf8))
    }

    private func page(_ session: EmulatedSession) -> String {
        let id = EmulatorJSON.id(session.id)
        var rows = ""
        for document in session.documents {
            rows += "<tr><td>\(Self.escape(document.name))</td><td>\(Self.escape(document.mimeType ?? ""))</td>"
            rows += "<td>\(document.length)</td><td>\(document.status.rawValue)</td></tr>\n"
        }
        var uploads = ""
        for upload in session.uploads {
            let verdict = upload.accepted ? "accepted" : Self.escape(upload.message ?? "rejected")
            uploads += "<li>\(Self.escape(upload.name)): \(verdict)</li>\n"
        }
        let control = "\(core.baseURL)_emulator/sessions/\(id)"
        return """
            <!doctype html>
            <html lang="\(core.configuration.pageLanguage.rawValue)"><head><meta charset="utf-8">
            <title>Signature session \(id) (Rest PKI Core emulator)</title></head>
            <body style="font-family: sans-serif">
            <h1>Signature session</h1>
            <p>Session <code>\(id)</code> is <strong>\(session.status.rawValue)</strong>\
            \(session.status == .processing ? " (\(Int(session.progress)) %)" : "").</p>
            <table border="1" cellpadding="4"><tr><th>Document</th><th>Type</th><th>Bytes</th><th>Status</th></tr>
            \(rows)</table>
            <h2>Files picked</h2><ul>
            \(uploads)</ul>
            <p>This is the Rest PKI Core emulator. Act as the user with the control routes, e.g.
            <code>curl -X POST \(Self.escape(control))/complete</code> (see docs/emulator.md).</p>
            </body></html>
            """
    }

    /// Text made safe inside HTML elements and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "&#xFFFD;"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
