/// Read-only views of the MIME database for tools (`uploadgate lint` suggestions); not used on the decision path.
extension MIMEDatabase {
    /// Every canonical type the database defines (shared-mime-info `types`), sorted; aliases not included.
    ///
    /// For suggestions ("did you mean …?") and documentation; use ``isKnown(_:)`` to test one type.
    public var allTypes: [String] { knownTypes.sorted() }
}

extension MIMEDatabase {
    /// Whether a reported type says nothing about the file (`application/octet-stream` and the like), so that
    /// the policy's `emptyType` option decides, as for an empty type.
    /// - Parameter essence: A lowercased `type/subtype`.
    public static func isGeneric(_ essence: String) -> Bool {
        BrowserQuirks.genericTypes.contains(essence)
    }
}
