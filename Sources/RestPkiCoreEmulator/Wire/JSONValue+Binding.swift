import UploadPolicy

/// The engine's JSON values (``JSONParser``, strict RFC 8259), bound the way ASP.NET binds request bodies.
extension JSONValue {
    /// Parses a whole body; nil when it is not JSON.
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONParser.parse(bytes)
    }

    /// The members of an object found by name case-insensitively, as ASP.NET binds properties.
    ///
    /// - Returns: nil when absent; `.some(.null)` for an explicit null.
    /// - Throws: `BindingProblem` when two members differ only in case (which one wins is undefined).
    func member(_ name: String) throws(BindingProblem) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        let matches = object.filter { $0.key.lowercased() == name.lowercased() }
        if matches.count > 1 {
            let spellings = matches.map(\.key).sorted().map { "'\($0)'" }.joined(separator: " and ")
            throw BindingProblem(field: name, message: "The property is given more than once (\(spellings)).")
        }
        return matches.first?.value
    }
}

/// Why a request body could not be bound: the JSON path of the field and what is wrong with it.
struct BindingProblem: Error, Sendable {
    /// The field's JSON path, e.g. `documents[0].file.name`, or `$` for the whole body.
    let field: String
    /// What is wrong.
    let message: String

    /// The same problem, with the field prefixed by `path` (for nested objects).
    func nested(under path: String) -> BindingProblem {
        BindingProblem(field: field == "$" ? path : path + "." + field, message: message)
    }
}
