import CommandLineKit

/// `uploadgate check --policy P FILE|DIR…`: checks real files on disk against a policy.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Check real files against a policy, comparing their names with their content.",
        discussion: """
            For each file, check shows the type a browser would report (from the extension, through the shared \
            MIME database), the type libmagic detects from the content, and the policy's verdict on the name, \
            that type and the file's size. A warning marks files whose name and content disagree, such as a PDF \
            named .jpg or a shell script named .pdf. Folders are walked recursively; symbolic links and special \
            files are listed as skipped, never followed or read. On a terminal a progress bar shows on standard \
            error while large folders are checked, and a summary table ends the report. --policy takes a file, \
            or a policy id looked up as Policies/<id>.json.

            Example:

              $ uploadgate check --policy Policies/pdf-only.json Examples/samples
              $ uploadgate check --format json --policy default ~/Downloads \\
                  > report.json
            """,
        arguments: [
            ArgumentSpec("path", arity: .oneOrMore, help: "A file, or a folder to check recursively.")
        ],
        options: [
            CommonOptions.policy,
            CommonOptions.format([.text, .json]),
            .flag("no-progress", help: "Do not show a progress bar, even on a terminal."),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "Every file is accepted and its name agrees with its content."),
            ExitStatusHelp(.findings, "At least one file is rejected, or its name and content disagree."),
            ExitStatusHelp(.usageError, "Usage error, or a policy or path that cannot be read."),
        ],
        run: run)

    /// The scanned options, typed.
    struct Options {
        var paths: [String]
        var policy: String
        var format: OutputFormat
        var showsProgress: Bool
        var noColor: Bool

        init(_ arguments: ParsedArguments) {
            paths = arguments.strings("path")
            policy = arguments.string("policy") ?? ""
            format = CommonOptions.format(in: arguments)
            showsProgress = !arguments.flag("no-progress")
            noColor = arguments.flag("no-color")
        }
    }

    @Sendable static func run(_ invocation: Invocation) async throws -> ExitCode {
        let options = Options(invocation.arguments)
        let mimeDatabase = try PolicySource.mimeDatabase(invocation)
        let policy = try PolicySource.policy(options.policy, mimeDatabase: mimeDatabase)
        let walk = FileWalk(options.paths)
        let progress = ProgressBar(
            total: walk.files.count, label: "Checking", output: invocation.stderr, width: invocation.terminal.width,
            enabled: options.showsProgress && options.format == .text)
        let results = try await FileChecker(policy: policy, database: mimeDatabase).check(
            walk.files, progress: progress)
        progress.finish()

        var reports: [FileReport] = []
        var unreadable = walk.unreadable
        for result in results {
            switch result {
            case .success(let report): reports.append(report)
            case .failure(let problem): unreadable.append(problem)
            }
        }
        let report = CheckRendering.Report(
            policy: policy, reports: reports, skipped: walk.skipped, unreadable: unreadable)
        switch options.format {
        case .json: invocation.stdout.write(try CheckRendering.json(report))
        default: invocation.stdout.write(CheckRendering.text(report, style: invocation.outputStyle))
        }
        if !unreadable.isEmpty { return .usageError }
        return reports.contains(where: \.isFinding) ? .findings : .success
    }
}
