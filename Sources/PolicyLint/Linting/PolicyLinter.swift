public import Foundation
public import UploadPolicy

/// Checks policy files for errors and risky patterns, one file at a time. Pure: it is given the bytes and
/// never touches the file system; `uploadgate lint` does the reading and the printing.
///
/// For each file:
/// 1. the engine loads it; every load error becomes a finding with its `policy.*` code, located in the text
///    (a key written twice in one object is one of them, `policy.duplicate_key`);
/// 2. every pattern that compiles is checked (`pattern.catastrophic`, `pattern.unanchored`, `pattern.dotnet_*`),
///    even when other parts of the file have errors, and so is every MIME type (`type.unknown`);
/// 3. when the file loaded, its accept entries are checked for reachability (`entry.unreachable`) and its
///    examples are run (`example.contradicts`);
///
/// Ids shared by two files (`policy.duplicate_id`) are found when the results are added to a ``LintReport``,
/// so files can be linted in parallel, each with no knowledge of the others.
public struct PolicyLinter: Sendable {
    /// The MIME database types are resolved against.
    public let mimeDatabase: MIMEDatabase

    public init(mimeDatabase: MIMEDatabase) {
        self.mimeDatabase = mimeDatabase
    }

    /// Lints one policy file.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: The name to report it under (the path as the user gave it).
    /// - Returns: The findings, sorted by position in the file, and the policy's id when it loaded.
    public func lint(data: Data, file: String) -> LintedFile {
        var syntaxError: JSONSyntaxError?
        var sourceMap: JSONSourceMap?
        do {
            sourceMap = try JSONSourceMap(bytes: Array(data))
        } catch {
            syntaxError = error
        }
        var loader = PolicyLoader(mimeDatabase: mimeDatabase)
        let policy = loader.load(data: data, source: file)

        let context =
            policy.map { LintContext(file: file, sourceMap: sourceMap, policy: $0) }
            ?? LintContext(file: file, sourceMap: sourceMap, mimeDatabase: mimeDatabase)
        var findings = loader.errors.map { context.finding(for: $0, syntaxError: syntaxError) }

        let sites =
            policy.map(PatternSite.sites(of:))
            ?? sourceMap.map { PatternSite.sites(in: $0, context: context) } ?? []
        for site in sites {
            if let finding = BacktrackingCheck.finding(for: site, in: context) { findings.append(finding) }
            if let finding = AnchorCheck.finding(for: site, in: context) { findings.append(finding) }
            findings += DotNetCheck.findings(for: site, in: context)
        }
        if let sourceMap {
            findings += TypeCheck.findings(in: sourceMap, context: context)
        }
        if let policy {
            findings += ReachabilityCheck.findings(for: policy, sites: sites, in: context)
            findings += ExampleCheck.findings(for: policy, in: context)
        }
        return LintedFile(
            file: file, findings: findings.sorted(by: Self.order), policyID: policy?.id,
            idFinding: { context.finding(FindingID(.duplicateID), at: "id", $0) })
    }

    /// By position in the file (findings without one first), then path, then id.
    static func order(_ lhs: LintFinding, _ rhs: LintFinding) -> Bool {
        let left = lhs.location.map { ($0.line, $0.column) } ?? (0, 0)
        let right = rhs.location.map { ($0.line, $0.column) } ?? (0, 0)
        if left != right { return left < right }
        return (lhs.path, lhs.id.rawValue, lhs.message) < (rhs.path, rhs.id.rawValue, rhs.message)
    }
}

/// What lint found in one file.
public struct LintedFile: Sendable {
    /// The file, as given.
    public let file: String
    /// Its findings, sorted by position.
    public let findings: [LintFinding]
    /// The policy's id, when the file loaded.
    public let policyID: String?
    /// A finding located at the file's `id`, with the given message.
    let idFinding: @Sendable (String) -> LintFinding

    /// A file that could not be read at all.
    public static func unreadable(_ file: String, _ message: String) -> LintedFile {
        let finding = LintFinding.unreadable(file, message)
        return LintedFile(file: file, findings: [finding], policyID: nil, idFinding: { _ in finding })
    }
}
