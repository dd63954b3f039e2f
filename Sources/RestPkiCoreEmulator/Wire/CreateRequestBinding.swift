import Foundation
import RestPkiCore

/// The parts of a `CreateSignatureSessionRequest` the emulator acts on, bound as ASP.NET Core binds them:
/// property names case-insensitive (`returnUrl`, `ReturnUrl`), `null` and absence alike, unknown properties
/// ignored. Properties the emulator only stores or ignores (`documentMetadata`, `certificateRequirements`, the
/// signature options) are checked for their JSON type only.
struct CreateRequestBinding: Sendable {
    /// One predefined document.
    struct Document: Sendable {
        let id: UUID?
        let name: String
        let mimeType: String?
        let length: Int64
        let content: Data?
        let signatureType: SignatureType
    }

    var returnUrl: String?
    var callbackArgument: String?
    var enableBackgroundProcessing = false
    var documents: [Document]?

    /// Binds a body; an empty body is `{}` (the spec marks it optional).
    ///
    /// - Throws: `BindingProblem` naming the field: wrong JSON types, strings over 1024 characters, a
    ///   document without a source, inline content without a name or not Base64, an unknown signature type.
    init(body: [UInt8]) throws(BindingProblem) {
        guard !body.isEmpty else { return }
        guard let json = JSONValue.parse(body) else {
            throw BindingProblem(field: "$", message: "The JSON value could not be parsed.")
        }
        guard case .object = json else {
            throw BindingProblem(field: "$", message: "The body must be a JSON object, not \(json.typeName).")
        }
        returnUrl = try Self.string(json, "returnUrl", maxLength: 1024)
        _ = try Self.uuid(json, "securityContextId")
        callbackArgument = try Self.string(json, "callbackArgument", maxLength: 1024)
        enableBackgroundProcessing = try Self.bool(json, "enableBackgroundProcessing") ?? false
        _ = try Self.bool(json, "disableDownloads")  // checked; the emulator's page offers no downloads anyway
        for name in ["documentMetadata", "pdfSignatureOptions", "cmsSignatureOptions"] {
            try Self.expect(json, name, object: true)
        }
        try Self.expect(json, "certificateRequirements", object: false)
        if case .array(let items)? = try json.member("documents") {
            documents = try items.enumerated().map { index, item throws(BindingProblem) in
                do throws(BindingProblem) {
                    return try Self.document(item)
                } catch {
                    throw error.nested(under: "documents[\(index)]")
                }
            }
        } else {
            try Self.expect(json, "documents", object: false)
        }
    }

    private static func document(_ json: JSONValue) throws(BindingProblem) -> Document {
        guard case .object = json else {
            throw BindingProblem(field: "$", message: "A document must be a JSON object, not \(json.typeName).")
        }
        guard let file = try json.member("file"), case .object = file else {
            throw BindingProblem(field: "file", message: "The file is required.")
        }
        let id = try uuid(json, "id")
        let type = try string(json, "signatureType", maxLength: 64).map(SignatureType.init(rawValue:)) ?? .pdf
        guard type.isDocumented else {
            throw BindingProblem(field: "signatureType", message: "The value '\(type.rawValue)' is not valid.")
        }
        do throws(BindingProblem) {
            let base64 = try string(file, "content", maxLength: nil)
            let url = try string(file, "url", maxLength: nil)
            let blobToken = try string(file, "blobToken", maxLength: nil)
            var name = try string(file, "name", maxLength: nil)
            var mimeType = try string(file, "mimeType", maxLength: nil)
            if mimeType == nil { mimeType = try string(file, "contentType", maxLength: nil) }
            let length = try integer(file, "length")
            var content: Data?
            if let base64 {
                guard let data = Data(base64Encoded: base64) else {
                    throw BindingProblem(field: "content", message: "The content is not valid Base64.")
                }
                guard name?.isEmpty == false else {
                    throw BindingProblem(field: "name", message: "The name is required when content is given.")
                }
                content = data
            } else if let url {
                name = name ?? URL(string: url)?.lastPathComponent.nilIfEmpty ?? "document"
            } else if blobToken != nil {
                name = name ?? "document"
            } else {
                throw BindingProblem(field: "$", message: "The file must give content, url or blobToken.")
            }
            return Document(
                id: id, name: name ?? "document", mimeType: mimeType,
                length: content.map { Int64($0.count) } ?? length ?? 0, content: content, signatureType: type)
        } catch {
            throw error.nested(under: "file")
        }
    }

    private static func string(_ json: JSONValue, _ name: String, maxLength: Int?) throws(BindingProblem) -> String? {
        switch try json.member(name) {
        case nil, .null?: return nil
        case .string(let text)?:
            if let maxLength, text.count > maxLength {
                throw BindingProblem(field: name, message: "The field must be at most \(maxLength) characters long.")
            }
            return text
        case let other?: throw BindingProblem(field: name, message: "Expected a string, found \(other.typeName).")
        }
    }

    private static func bool(_ json: JSONValue, _ name: String) throws(BindingProblem) -> Bool? {
        switch try json.member(name) {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?: throw BindingProblem(field: name, message: "Expected a boolean, found \(other.typeName).")
        }
    }

    private static func integer(_ json: JSONValue, _ name: String) throws(BindingProblem) -> Int64? {
        switch try json.member(name) {
        case nil, .null?: return nil
        case .integer(let value)? where value >= 0: return value
        case let other?:
            throw BindingProblem(field: name, message: "Expected a non-negative integer, found \(other.typeName).")
        }
    }

    private static func uuid(_ json: JSONValue, _ name: String) throws(BindingProblem) -> UUID? {
        guard let text = try string(json, name, maxLength: nil) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw BindingProblem(field: name, message: "The value is not a valid UUID.")
        }
        return id
    }

    private static func expect(_ json: JSONValue, _ name: String, object: Bool) throws(BindingProblem) {
        switch (try json.member(name), object) {
        case (nil, _), (.null?, _), (.object?, true), (.array?, false): return
        case (let other?, _):
            throw BindingProblem(
                field: name, message: "Expected \(object ? "an object" : "an array"), found \(other.typeName).")
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
