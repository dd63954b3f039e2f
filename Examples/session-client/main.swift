// session-client: check local documents with an UploadGate policy, create a Rest PKI Core signature session,
// print where to send the signer, and wait for completion. See README.md.
import Foundation

/// The package root: the current directory when run from it (`swift run`, `make example`), else the one this
/// source file belongs to.
let root: URL = {
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    if FileManager.default.fileExists(atPath: current.appendingPathComponent("Policies").path) { return current }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}()

let arguments: Arguments
do {
    arguments = try Arguments(CommandLine.arguments, root: root)
} catch {
    if let message = error.message {
        FileHandle.standardError.write(Data("Error: \(message)\nSee 'session-client --help'.\n".utf8))
        exit(2)
    }
    say(Arguments.usage)
    exit(0)
}
exit(await SessionClient(arguments: arguments).run())
