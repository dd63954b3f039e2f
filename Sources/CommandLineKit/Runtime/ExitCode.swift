/// A process exit status, with the three meanings every UploadGate command shares. (Named `ExitCode`, as in
/// swift-argument-parser, so it does not clash with Swift Testing's `ExitStatus` in test files.)
public struct ExitCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// 0: the command did what was asked and found nothing wrong (help and `--version` also exit 0).
    public static let success = ExitCode(rawValue: 0)
    /// 1: the command ran and found something: lint findings, failing tests, rejected or mismatched files.
    public static let findings = ExitCode(rawValue: 1)
    /// 2: the command could not do its job: a usage error, or input it cannot read or understand.
    public static let usageError = ExitCode(rawValue: 2)

    public var description: String { String(rawValue) }
}

/// One line of a help page's EXIT STATUS section: a status and what it means for this command.
public struct ExitStatusHelp: Sendable {
    /// The status.
    public var status: ExitCode
    /// What it means, one sentence.
    public var meaning: String

    public init(_ status: ExitCode, _ meaning: String) {
        self.status = status
        self.meaning = meaning
    }
}
