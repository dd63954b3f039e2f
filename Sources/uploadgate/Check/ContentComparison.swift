import UploadPolicy

/// Whether a file's name and its content tell the same story: the type a browser derives from the extension
/// against the type libmagic reads from the bytes.
enum ContentComparison: Equatable, Sendable {
    /// The content is of the kind the name says, or a more or less specific form of it (libmagic calls a
    /// `.docx` `application/zip`, a `.csv` `text/plain`; a `.txt` may hold CSV). A more specific form that can run
    /// (a script, a web page, an SVG image) does not agree with a name that says it cannot.
    case agree
    /// The content is something else; the string says what.
    case disagree(String)
    /// Nothing to compare; the string says why (empty file, unknown extension, unrecognised content).
    case notCompared(String)

    /// Compares the two types.
    /// - Parameters:
    ///   - browserType: The type the extension implies (canonical), or nil when none does.
    ///   - contentType: What libmagic detected.
    static func compare(browserType: String?, contentType: String, database: MIMEDatabase) -> ContentComparison {
        let content = database.canonical(contentType)
        if content == "inode/x-empty" || content == "application/x-empty" {
            return .notCompared("empty file")
        }
        if content.hasPrefix("inode/") { return .notCompared("libmagic sees \(content)") }
        guard let browser = browserType else { return .notCompared("the extension implies no type") }
        if MIMEDatabase.isGeneric(content) { return .notCompared("libmagic does not recognise the content") }
        let agrees: Bool
        if database.isKnown(content) {
            // Less specific content (zip for a .docx) agrees. More specific content agrees unless it can run and
            // the name does not say so: shared-mime-info counts every text/* as a text/plain and SVG and XHTML as
            // XML, so an HTML page or a Node script named .txt, or an SVG with scripts named .xml, is "a kind of"
            // what its name says, and yet a browser or a shell would run it.
            agrees = database.isKind(browser, of: content) || database.passes(canonical: content, for: browser)
        } else {
            // A name libmagic uses but shared-mime-info lacks (text/x-script.python): a script or program agrees
            // with a name that says script or program; anything else with a name of the same top-level type.
            agrees =
                database.isProgram(content)
                ? database.isProgram(browser)
                : content.split(separator: "/").first == browser.split(separator: "/").first
        }
        if agrees { return .agree }
        let runs =
            database.isProgram(content)
            ? " (a program or script)" : database.canRun(content) ? " (it can run scripts)" : ""
        return .disagree("the name says \(browser), the content is \(content)\(runs)")
    }
}
