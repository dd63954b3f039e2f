import CommandLineKit
import ContentSniffing
import Foundation
import UploadPolicy

/// What `check` found for one file.
struct FileReport: Sendable {
    let file: FileWalk.File
    /// The type a browser would report, from the extension; nil when the extension implies none.
    let browserType: String?
    /// What libmagic detected.
    let contentType: String
    let decision: Decision
    let comparison: ContentComparison

    /// Whether the file needs attention: rejected, or its name and content disagree.
    var isFinding: Bool {
        if case .disagree = comparison { return true }
        return !decision.isAccepted
    }
}

/// Checks files in parallel: each worker owns one libmagic handle (a handle must not be shared between
/// threads) and one PCRE2 scratch, and takes every n-th file.
struct FileChecker: Sendable {
    let policy: Policy
    let database: MIMEDatabase

    /// Checks every file; reports come back in the files' order, unreadable files as problems.
    /// - Throws: ``CommandFailure`` when libmagic cannot be opened at all.
    func check(_ files: [FileWalk.File], progress: ProgressBar) async throws -> [Result<FileReport, FileProblem>] {
        _ = try Self.openSniffer()  // fail once, clearly, before starting workers
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, files.count))
        return try await withThrowingTaskGroup(of: [(Int, Result<FileReport, FileProblem>)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let sniffer = try Self.openSniffer()
                    let scratch = MatchScratch()
                    var results: [(Int, Result<FileReport, FileProblem>)] = []
                    for index in stride(from: worker, to: files.count, by: workers) {
                        results.append((index, check(files[index], sniffer: sniffer, scratch: scratch)))
                        progress.advance()
                    }
                    return results
                }
            }
            var ordered = [Result<FileReport, FileProblem>?](repeating: nil, count: files.count)
            for try await results in group {
                for (index, result) in results { ordered[index] = result }
            }
            return ordered.map { $0! }
        }
    }

    private func check(
        _ file: FileWalk.File, sniffer: ContentSniffer, scratch: MatchScratch
    ) -> Result<FileReport, FileProblem> {
        let contentType: String
        do {
            try FileSystem.checkReadable(file.path)
            contentType = try sniffer.mimeType(ofFileAt: file.path)
        } catch let problem as FileProblem {
            return .failure(problem)
        } catch {
            return .failure(FileProblem(path: file.path, message: "\(error)"))
        }
        // libmagic answers in words, not a MIME type, for what it could not read ("regular file, no read
        // permission"); that is a problem with the file, not its content type.
        guard contentType.contains("/") else { return .failure(FileProblem(path: file.path, message: contentType)) }
        let browserType = database.type(forFileName: file.name)
        let candidate = FileCandidate(name: file.name, contentType: browserType ?? "", length: file.size)
        return .success(
            FileReport(
                file: file, browserType: browserType, contentType: contentType,
                decision: policy.evaluate(candidate, scratch: scratch),
                comparison: ContentComparison.compare(
                    browserType: browserType, contentType: contentType, database: database)))
    }

    private static func openSniffer() throws(CommandFailure) -> ContentSniffer {
        do {
            return try ContentSniffer()
        } catch {
            throw CommandFailure("cannot start libmagic: \(error)")
        }
    }
}
