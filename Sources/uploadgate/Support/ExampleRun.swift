import Foundation
import PolicyLint
import UploadPolicy

/// The examples of every policy `test` was given, run, with what could not be loaded.
struct ExampleRun {
    /// One policy file's examples.
    struct PolicyResult: Sendable {
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

    /// Loads each file and runs its examples, files in parallel, results in the files' order.
    /// - Parameters:
    ///   - input: The policy files.
    ///   - mimeDatabase: The MIME database.
    ///   - filter: Runs only examples whose policy id or name it finds (a search, as in lint patterns).
    static func run(_ input: PolicyFiles, mimeDatabase: MIMEDatabase, filter: CompiledPattern?) async -> ExampleRun {
        var run = ExampleRun()
        run.loadErrors = input.problems.map { LintFinding.unreadable($0.path, $0.message) }
        let linter = PolicyLinter(mimeDatabase: mimeDatabase)
        let loaded = await withTaskGroup(of: (Int, Loaded).self) { group in
            for (index, file) in input.files.enumerated() {
                group.addTask { (index, Self.load(file, input: input, linter: linter, filter: filter)) }
            }
            var results = [Loaded?](repeating: nil, count: input.files.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
        var seen: [String: String] = [:]
        for result in loaded {
            switch result {
            case .failed(let findings):
                run.loadErrors += findings
            case .loaded(let policyResult):
                let id = policyResult.policy.id
                if let first = seen[id] {
                    run.loadErrors.append(
                        LintFinding(
                            id: FindingID(.duplicateID), file: policyResult.file, path: "id",
                            message: "id '\(id)' is already used by \(first)"))
                } else {
                    seen[id] = policyResult.file
                }
                run.results.append(policyResult)
            }
        }
        return run
    }

    private enum Loaded: Sendable {
        case loaded(PolicyResult)
        case failed([LintFinding])
    }

    private static func load(
        _ file: String, input: PolicyFiles, linter: PolicyLinter, filter: CompiledPattern?
    ) -> Loaded {
        let data: Data
        do {
            data = try input.read(file)
        } catch {
            return .failed([LintFinding.unreadable(error.path, error.message)])
        }
        var loader = PolicyLoader(mimeDatabase: linter.mimeDatabase)
        guard let policy = loader.load(data: data, source: file) else {
            return .failed(linter.locate(loader.errors, in: data, file: file))
        }
        let selected = policy.examples.filter { example in
            guard let filter else { return true }
            return filter.matches(policy.id) == .match || filter.matches(example.candidate.name) == .match
        }
        return .loaded(
            PolicyResult(
                file: file, policy: policy, outcomes: selected.map { ExampleOutcome($0, in: policy) },
                skipped: policy.examples.count - selected.count))
    }
}
