import UploadPolicy

/// What `explain` shows about a name and a reported type before the steps: how the engine reads them.
struct InputReading: Encodable {
    /// The name as the engine matches it (NFC).
    let normalizedName: String
    /// Whether NFC changed the name (macOS sends NFD).
    let nameWasNormalized: Bool
    /// The type as sent; nil when none was sent.
    let reportedType: String?
    /// Whether the reported type parses as a MIME type (true when none was sent).
    let typeIsValid: Bool
    /// `type/subtype`, lowercased, parameters dropped.
    let essence: String?
    /// The parameters that were dropped, as written.
    let parameters: [String]
    /// The essence after aliases (`image/jpg` → `image/jpeg`).
    let canonicalType: String?
    /// Whether the type says nothing (`application/octet-stream`, ""), so the policy's `emptyType` applies.
    let isGeneric: Bool
    /// The type the name's extension implies, from the MIME database's globs.
    let impliedType: String?
    /// The glob that implies it (`*.pdf`).
    let impliedBy: String?

    init(_ candidate: FileCandidate, database: MIMEDatabase) {
        normalizedName = candidate.normalizedName
        nameWasNormalized = !normalizedName.utf8.elementsEqual(candidate.name.utf8)
        reportedType = candidate.contentType
        let text = candidate.contentType ?? ""
        let blank = text.unicodeScalars.allSatisfy { " \t\r\n".unicodeScalars.contains($0) }
        let media = blank ? nil : MediaType(parsing: text)
        typeIsValid = blank || media != nil
        essence = media?.essence
        parameters = media?.parameters.map { "\($0.name)=\($0.value)" } ?? []
        canonicalType = media.map { database.canonical($0.essence) }
        isGeneric = blank || media.map { MIMEDatabase.isGeneric($0.essence) } ?? false
        let name = normalizedName.lowercased()
        impliedType = database.type(forFileName: normalizedName)
        impliedBy = impliedType.flatMap { type in
            database.globs(for: type).first { $0.hasPrefix("*.") && name.hasSuffix($0.dropFirst().lowercased()) }
        }
    }

    /// One line describing the type: `'image/jpg' (alias of image/jpeg)`, `none sent; the name implies …`.
    var typeSummary: String {
        var parts: [String] = []
        if let reportedType, !(isGeneric && essence == nil) {
            var shown = "'\(reportedType)'"
            if !typeIsValid {
                shown += " is not a valid MIME type"
            } else if let essence {
                if !parameters.isEmpty || essence != reportedType { shown += " → \(essence)" }
                if let canonicalType, canonicalType != essence { shown += " → \(canonicalType) (alias)" }
                if isGeneric { shown += " (generic: the policy's emptyType decides)" }
            }
            parts.append(shown)
        } else {
            parts.append(
                reportedType == nil ? "none sent" : "'\(reportedType!)' (empty: the policy's emptyType decides)")
        }
        if let impliedType {
            parts.append("the name implies \(impliedType)" + (impliedBy.map { " (\($0))" } ?? ""))
        } else {
            parts.append("the name implies no type")
        }
        return parts.joined(separator: "; ")
    }
}
