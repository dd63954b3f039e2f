/// Read-only views of the MIME database for tools (`uploadgate lint` suggestions); not used on the decision path.
extension MIMEDatabase {
    /// Every canonical type the database defines (shared-mime-info `types`), sorted; aliases not included.
    ///
    /// For suggestions ("did you mean …?") and documentation; use ``isKnown(_:)`` to test one type.
    public var allTypes: [String] { knownTypes.sorted() }
}
