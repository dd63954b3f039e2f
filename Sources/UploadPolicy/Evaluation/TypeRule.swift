/// One entry of an accept entry's `types`, resolved against the MIME database.
enum TypeRule: Hashable, Sendable {
    /// `*/*`: any type.
    case any
    /// `image/*`: any type under a top-level type.
    case topLevel(String)
    /// A concrete type (canonical): it and every kind of it (`text/plain` admits `text/csv`), except kinds that
    /// can run when it cannot (`text/plain` does not admit `text/html`, `application/xml` not `image/svg+xml`;
    /// see ``MIMEDatabase/canRun(_:)``).
    case kind(of: String)

    /// Parses one `types` entry; nil when it is not a MIME type.
    init?(_ text: String, database: MIMEDatabase) {
        guard let media = MediaType(parsing: text), media.parameters.isEmpty else { return nil }
        switch (media.type, media.subtype) {
        case ("*", "*"): self = .any
        case ("*", _): return nil
        case (let type, "*"): self = .topLevel(type)
        default: self = .kind(of: database.canonical(media.essence))
        }
    }

    /// Whether a canonical type fits this rule.
    func admits(_ type: String, database: MIMEDatabase) -> Bool {
        switch self {
        case .any: true
        case .topLevel(let top): type.hasPrefix(top) && type.utf8.dropFirst(top.utf8.count).first == UInt8(ascii: "/")
        case .kind(let expected): database.passes(canonical: type, for: expected)
        }
    }
}

extension Array where Element == TypeRule {
    /// Whether any rule admits `type`; an empty list admits everything.
    func admit(_ type: String, database: MIMEDatabase) -> Bool {
        isEmpty || contains { $0.admits(type, database: database) }
    }
}
