public import Foundation
public import UploadPolicy

/// Checks policy files for errors and risky patterns, one file at a time. Pure: it is given the bytes and
/// never touches the file system; `uploadgate lint` does the reading and the printing.
///
/// For each file:
/// 1. the engine loads it; every load error becomes a finding with its `policy.*` code, located in the text;
/// 2. every pattern that compiles is checked (`pattern.catastrophic`, `pattern.unanchored`, `pattern.dotnet_*`),
///    even when other parts of the file have errors, and so is every MIME type (`type.unknown`);
/// 3. when the file loaded, its accept entries are checked for reachability (`entry.unreachable`) and its
///    examples are run (`example.contradicts`);
/// 4. its id is compared with the files linted before (`policy.duplicate_id`).
public struct PolicyLinter {
    /// The MIME database types are resolved against.
    public let mimeDatabase: MIMEDatabase
    /// Policy ids seen so far, with the file that used each first.
    private var seenIDs: [String: String] = [:]

    public init(mimeDatabase: MIMEDatabase) {
        self.mimeDatabase = mimeDatabase
    }

    /// Lints one policy file.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: The name to report it under (the path as the user gave it).
    /// - Returns: The findings, sorted by position in the file.
    public mutating func lint(data: Data, file: String) -> [LintFinding] {
        var syntaxError: JSONSourceMap.SyntaxError?
        var sourceMap: JSONSourceMap?
        do {
            sourceMap = try JSONSourceMap(bytes: Array(data))
        } catch {
            syntaxError = error
        }
        var loader = PolicyLoader(mimeDatabase: mimeDatabase)
        let policy = loader.load(data: data, source: file)

        let context = policy.map { LintContext(file: file, sourceMap: sourceMap, policy: $0) }
            ?? LintContext(file: file, sourceMap: sourceMap, mimeDatabase: mimeDatabase)
        var findings = loader.errors.map { context.finding(for: $0, syntaxError: syntaxError) }

        let sites = policy.map(PatternSite.sites(of:))
            ?? sourceMap.map { PatternSite.sites(in: $0, context: context) } ?? []
        for site in sites {
            if let finding = BacktrackingCheck.finding(for: site, in: context) { findings.append(finding) }
            if let finding = AnchorCheck.finding(for: site, in: context) { findings.append(finding) }
            findings += DotNetCheck.findings(for: site, in: context)
        }
        if let sourceMap { findings += TypeCheck.findings(in: sourceMap, context: context) }
        if let policy {
            findings += ReachabilityCheck.findings(for: policy, sites: sites, in: context)
            findings += ExampleCheck.findings(for: policy, in: context)
            if let first = seenIDs[policy.id] {
                findings.append(context.finding(
                    FindingID(.duplicateID), at: "id", "id '\(policy.id)' is already used by \(first)"))
            } else {
                seenIDs[policy.id] = file
            }
        }
        return findings.sorted(by: Self.order)
    }

    /// By position in the file (findings without one first), then path, then id.
    static func order(_ lhs: LintFinding, _ rhs: LintFinding) -> Bool {
        let left = lhs.location.map { ($0.line, $0.column) } ?? (0, 0)
        let right = rhs.location.map { ($0.line, $0.column) } ?? (0, 0)
        if left != right { return left < right }
        return (lhs.path, lhs.id.rawValue, lhs.message) < (rhs.path, rhs.id.rawValue, rhs.message)
    }
}
