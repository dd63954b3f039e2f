/// A process exit status, with the three meanings every UploadGate command shares.
public struct ExitStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// 0: the command did what was asked and found nothing wrong (help and `--version` also exit 0).
    public static let success = ExitStatus(rawValue: 0)
    /// 1: the command ran and found something: lint findings, failing tests, rejected or mismatched files.
    public static let findings = ExitStatus(rawValue: 1)
    /// 2: the command could not do its job: a usage error, or input it cannot read or understand.
    public static let usageError = ExitStatus(rawValue: 2)

    public var description: String { String(rawValue) }
}

/// One line of a help page's EXIT STATUS section: a status and what it means for this command.
public struct ExitStatusHelp: Sendable {
    /// The status.
    public var status: ExitStatus
    /// What it means, one sentence.
    public var meaning: String

    public init(_ status: ExitStatus, _ meaning: String) {
        self.status = status
        self.meaning = meaning
    }
}
