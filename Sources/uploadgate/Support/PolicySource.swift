import CommandLineKit
import Foundation
import PolicyLint
import UploadPolicy

/// Where the commands get their policy and MIME database.
enum PolicySource {
    /// Overrides the shared-mime-info directory (`/usr/share/mime`), for systems that keep it elsewhere.
    static let mimeDirectoryVariable = "UPLOADGATE_MIME_DIR"

    /// The MIME database from `$UPLOADGATE_MIME_DIR` or `/usr/share/mime`.
    /// - Throws: ``CommandFailure`` (exit 2) naming the file that could not be read.
    static func mimeDatabase(_ invocation: Invocation) throws(CommandFailure) -> MIMEDatabase {
        let directory =
            invocation.terminal.environment[mimeDirectoryVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? MIMEDatabase.defaultDirectory
        do {
            return try MIMEDatabase.load(from: directory)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Loads the policy `--policy` names: a file path, or a bare id (no `/`, no `.json`) looked up as
    /// `Policies/<id>.json` under the current directory. `default` falls back to the embedded default policy
    /// when there is no such file.
    /// - Throws: ``CommandFailure`` (exit 2) with every load error, one per line.
    static func policy(_ reference: String, mimeDatabase: MIMEDatabase) throws(CommandFailure) -> Policy {
        var path = reference
        let isBareID = !reference.contains("/") && !reference.hasSuffix(".json") && !reference.isEmpty
        if isBareID, (try? FileSystem.kind(of: reference)) == nil {
            path = "Policies/\(reference).json"
            if reference == "default", (try? FileSystem.kind(of: path)) == nil {
                do {
                    return try Policy.embeddedDefault(mimeDatabase: mimeDatabase)
                } catch {
                    throw CommandFailure("the embedded default policy does not load:\n\(error)")
                }
            }
        }
        let data: Data
        do {
            data = try FileSystem.read(path, limit: PolicyLoader.maxFileSize)
        } catch {
            var advice = path == reference ? "" : " (looked up '\(Display.visible(reference))' as a policy id)"
            if error.message == "is a directory" {
                advice = "; name one policy file in it, or a policy id such as 'default'"
            }
            throw CommandFailure("cannot read the policy \(Display.visible(error.description))\(advice)")
        }
        var loader = PolicyLoader(mimeDatabase: mimeDatabase)
        guard let policy = loader.load(data: data, source: path) else {
            let findings = PolicyLinter(mimeDatabase: mimeDatabase).locate(loader.errors, in: data, file: path)
            var blocks = findings.map { LintRendering.block($0, width: 100, style: .plain) }.joined()
            if blocks.hasSuffix("\n") { blocks.removeLast() }
            throw CommandFailure("the policy \(Display.visible(path)) does not load:\n" + blocks, status: .usageError)
        }
        return policy
    }
}
