import Foundation

/// A golden file: the command that was run, its exit status, and everything it printed, in one readable file.
///
/// ```
/// $ uploadgate lint --fromat json Policies
/// exit status: 2
/// --- stdout
/// --- stderr
/// Error: Unknown option '--fromat'. Did you mean '--format'?
/// ...
/// ```
/// A stream that does not end in a newline is followed by a `\ no newline at end` line, so the rendering is
/// exact. Files live in `Tests/uploadgateTests/Snapshots/<name>.txt`.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func url(for name: String) -> URL { folder.appendingPathComponent(name + ".txt") }

    /// Renders a run in the snapshot format.
    static func render(arguments: [String], environment: [String: String], output: BinaryRunner.Output) -> String {
        let prefix = environment.keys.sorted().map { "\($0)=\(shellQuoted(environment[$0]!)) " }.joined()
        var text = "$ " + prefix + (["uploadgate"] + arguments.map(shellQuoted)).joined(separator: " ") + "\n"
        text += "exit status: \(output.status)\n"
        text += "--- stdout\n" + stream(output.stdout)
        text += "--- stderr\n" + stream(output.stderr)
        return text
    }

    private static func stream(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n\\ no newline at end\n"
    }

    /// Quotes a word for a POSIX shell when it needs it, so the header can be pasted into a terminal.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_=./:,@%+".unicodeScalars.contains($0))
        }
        if safe, !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
