import Foundation
import RestPkiCore

/// One signature session as the emulator keeps it. A value: the store hands out copies.
struct EmulatedSession: Sendable {
    let id: UUID
    /// The signature page's token (URL-safe, like Rest PKI Core's `-`/`_` tokens); only in the redirect URL.
    let token: String
    let returnUrl: String?
    let callbackArgument: String?
    let backgroundProcessing: Bool
    /// Whether the app gave the documents; the user can then add none.
    let predefined: Bool
    var status = SignatureSessionStatus.pending
    /// Background-processing progress, 0–100.
    var progress = 0.0
    var processingErrorCode: String?
    var signer: EmulatedSigner?
    var documents: [EmulatedDocument]
    /// Every upload the user attempted, accepted or not, in order.
    var uploads: [UploadOutcome] = []
    /// Whether the user ended the session on the page (completed or cancelled), so was sent to the return URL.
    var returnedToApp = false
}

/// One document of a session.
struct EmulatedDocument: Sendable {
    let id: UUID
    /// The validation key, 16 characters, e.g. `FUFYQ7SL6XKMBW9A`.
    let key: String
    let name: String
    let mimeType: String?
    let length: Int64
    let signatureType: SignatureType
    /// The bytes, when the app sent them inline; served by the download route.
    let content: Data?
    var status = DocumentStatus.pendingSignature
    var dateSigned: Date?

    init(
        id: UUID = UUID(), name: String, mimeType: String?, length: Int64, signatureType: SignatureType = .pdf,
        content: Data? = nil
    ) {
        self.id = id
        self.key = Self.newKey()
        self.name = name
        self.mimeType = mimeType
        self.length = length
        self.signatureType = signatureType
        self.content = content
    }

    /// `FUFY-Q7SL-6XKM-BW9A` for `FUFYQ7SL6XKMBW9A`.
    var formattedKey: String {
        stride(from: 0, to: key.count, by: 4).map { offset in
            let start = key.index(key.startIndex, offsetBy: offset)
            return String(key[start..<key.index(start, offsetBy: 4)])
        }.joined(separator: "-")
    }

    private static let keyAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    private static func newKey() -> String {
        String((0..<16).map { _ in keyAlphabet.randomElement()! })
    }
}

/// The certificate the emulated user signs with.
struct EmulatedSigner: Sendable {
    let name: String
    let signedAt: Date
}

extension EmulatedSession {
    /// The redirect URL the create call returns: the emulator's signature page for this session.
    func redirectURL(base: String) -> String {
        "\(base)signature-sessions/\(EmulatorJSON.id(id))?token=\(token)"
    }

    /// Where the page sends the browser at the end: the return URL with `signatureSessionId` added (with `&` when
    /// it already has a query, before any fragment). Nil for the new-tab flow or before the user ended the session.
    var finalReturnURL: String? {
        guard returnedToApp, let returnUrl else { return nil }
        let parameter = "signatureSessionId=" + EmulatorJSON.id(id)
        var base = Substring(returnUrl)
        var fragment = ""
        if let hash = base.firstIndex(of: "#") {
            fragment = String(base[hash...])
            base = base[..<hash]
        }
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        return base + separator + parameter + fragment
    }

    /// A new page token: 32 random bytes, Base64url without padding.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
