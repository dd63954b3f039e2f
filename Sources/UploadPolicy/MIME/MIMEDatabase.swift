/// The system's MIME knowledge, read from a shared-mime-info directory (`/usr/share/mime` on Debian): aliases,
/// the subclass hierarchy and the file-name globs, plus the browser quirks real uploads carry.
///
/// Immutable once loaded, so one instance is shared by every policy and every thread.
public struct MIMEDatabase: Sendable {
    /// The directory it was read from.
    public let directory: String
    /// alias essence → canonical essence (shared-mime-info `aliases` plus ``BrowserQuirks/aliases``).
    let aliases: [String: String]
    /// canonical essence → every ancestor, explicit (`subclasses`) and implicit (text/* ⊂ text/plain).
    let ancestors: [String: Set<String>]
    /// Every canonical type the database defines (`types`).
    let knownTypes: Set<String>
    /// Extension and file-name globs (`globs2`).
    let globs: GlobTable

    /// The type every file is implicitly a kind of.
    public static let genericType = "application/octet-stream"

    /// The canonical name of a type: aliases resolved (`image/pjpeg` → `image/jpeg`, `text/xml` →
    /// `application/xml`, `image/jpg` → `image/jpeg`). Unknown types are returned unchanged.
    /// - Parameter essence: A lowercased `type/subtype`.
    public func canonical(_ essence: String) -> String {
        aliases[essence] ?? essence
    }

    /// Whether the database knows `essence`, as a type or as an alias.
    public func isKnown(_ essence: String) -> Bool {
        knownTypes.contains(essence) || aliases[essence] != nil
    }

    /// Whether `type` is `ancestor` or a kind of it: `text/csv` is a `text/plain`, a `.docx` type is an
    /// `application/zip`, and everything is an `application/octet-stream`. Both arguments are canonicalised.
    public func isKind(_ type: String, of ancestor: String) -> Bool {
        isKind(canonical: canonical(type), of: canonical(ancestor))
    }

    /// ``isKind(_:of:)`` for types already in canonical form.
    func isKind(canonical type: String, of ancestor: String) -> Bool {
        if type == ancestor || ancestor == Self.genericType { return true }
        if ancestor == "text/plain", type.hasPrefix("text/") { return true }
        return ancestors[type]?.contains(ancestor) ?? false
    }

    /// The type a browser or desktop would give a file of this name, from the globs (case-insensitive unless a
    /// glob says otherwise; the highest weight wins, then the longest glob, so `x.tar.gz` is a compressed tar).
    /// - Returns: The canonical type, or nil when no glob matches.
    public func type(forFileName name: String) -> String? {
        globs.type(forFileName: name)
    }

    /// The file-name globs of a type, e.g. `["*.pdf"]`, for messages and lint hints.
    public func globs(for type: String) -> [String] {
        globs.patterns(for: canonical(type))
    }
}

/// A MIME database that could not be read.
public struct MIMEDatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file that failed.
    public let file: String
    /// What was wrong.
    public let message: String

    public var description: String { "\(file): \(message)" }
}
