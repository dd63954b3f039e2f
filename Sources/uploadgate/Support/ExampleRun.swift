import Foundation
import PolicyLint
import UploadPolicy

/// The examples of every policy `test` was given, run, with what could not be loaded.
struct ExampleRun {
    /// One policy file's examples.
    struct PolicyResult {
        let file: String
        let policy: Policy
        /// The examples that ran (those `--run` selected), in file order.
        let outcomes: [ExampleOutcome]
        /// Examples `--run` left out.
        let skipped: Int
    }

    private(set) var results: [PolicyResult] = []
    /// Files that could not be read or did not load, located as lint locates them.
    private(set) var loadErrors: [LintFinding] = []

    var passed: Int { results.reduce(0) { $0 + $1.outcomes.filter(\.passed).count } }
    var failed: Int { results.reduce(0) { $0 + $1.outcomes.filter { !$0.passed }.count } }
    var skipped: Int { results.reduce(0) { $0 + $1.skipped } }
    var total: Int { passed + failed }

    /// Loads each file and runs its examples.
    /// - Parameters:
    ///   - input: The policy files.
    ///   - mimeDatabase: The MIME database.
    ///   - filter: Runs only examples whose policy id or name it finds (a search, as in lint patterns).
    init(_ input: PolicyFiles, mimeDatabase: MIMEDatabase, filter: CompiledPattern?) {
        loadErrors = input.problems.map { LintFinding.unreadable($0.path, $0.message) }
        let linter = PolicyLinter(mimeDatabase: mimeDatabase)
        var seen: [String: String] = [:]
        for file in input.files {
            let data: Data
            do {
                data = try input.read(file)
            } catch {
                loadErrors.append(LintFinding.unreadable(error.path, error.message))
                continue
            }
            var loader = PolicyLoader(mimeDatabase: mimeDatabase)
            guard let policy = loader.load(data: data, source: file) else {
                loadErrors += linter.locate(loader.errors, in: data, file: file)
                continue
            }
            if let first = seen[policy.id] {
                loadErrors.append(LintFinding(
                    id: FindingID(.duplicateID), file: file, path: "id",
                    message: "id '\(policy.id)' is already used by \(first)"))
            }
            seen[policy.id] = seen[policy.id] ?? file
            let selected = policy.examples.filter { example in
                guard let filter else { return true }
                return filter.matches(policy.id) == .match || filter.matches(example.candidate.name) == .match
            }
            results.append(PolicyResult(
                file: file, policy: policy, outcomes: selected.map { ExampleOutcome($0, in: policy) },
                skipped: policy.examples.count - selected.count))
        }
    }
}
