import Foundation
public import UploadPolicy

/// The files and engine objects the targets share, built once per process.
public enum FuzzFixtures {
    /// The repository root: `UPLOADGATE_ROOT` when set, else found from this file's path.
    public static let repositoryRoot: URL = {
        if let root = ProcessInfo.processInfo.environment["UPLOADGATE_ROOT"] {
            return URL(fileURLWithPath: root)
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }  // FuzzSupport, Support, Fuzz, Tests, file
        return url
    }()

    /// The system's shared-mime-info database.
    public static let mimeDatabase: MIMEDatabase = {
        do { return try MIMEDatabase.load() } catch { fatalError("fuzz fixtures: \(error)") }
    }()

    /// Every shipped policy file (`Policies/*.json`), then the fuzz-only ones (`Tests/Fuzz/Policies/*.json`:
    /// checks switched off, case-sensitive matching, a catastrophic pattern), in name order within each folder.
    public static let policyFiles: [String] = {
        let folders = ["Policies", "Tests/Fuzz/Policies"].map { repositoryRoot.appendingPathComponent($0).path }
        return folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    /// The policies of ``policyFiles``, compiled; a file that does not load stops the fuzzer before it starts.
    public static let policies: [Policy] = {
        var loader = PolicyLoader(mimeDatabase: mimeDatabase)
        for file in policyFiles { loader.load(file: file) }
        guard loader.errors.isEmpty, !loader.policies.isEmpty else {
            fatalError("fuzz fixtures: policies did not load from \(repositoryRoot.path): \(loader.errors)")
        }
        return loader.policies
    }()
}
