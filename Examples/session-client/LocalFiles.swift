import Foundation
import RestPkiCore
import Synchronization
import UploadPolicy

/// A local file about to be signed or uploaded, with the type a browser would report for its name.
struct LocalFile {
    let name: String
    let data: Data
    let mimeType: String?

    init(path: String, types: MIMEDatabase) throws {
        let url = URL(fileURLWithPath: path)
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw UsageError("cannot read '\(path)': \(error.localizedDescription)")
        }
        name = url.lastPathComponent
        mimeType = types.type(forFileName: name)
    }

    var length: Int64 { Int64(data.count) }

    /// The file sent inline.
    var reference: FileReferenceModel { .content(data, name: name, mimeType: mimeType) }

    /// `report.docx (application/vnd…, 924 bytes)`.
    var summary: String { "\(name) (\(mimeType ?? "no type"), \(data.count) bytes)" }
}

/// Prints what a wait learns, once per change: the session's status when it is read, the progress when a long
/// poll reports a new value.
final class ProgressPrinter: Sendable {
    private let last = Mutex<(status: String?, percent: Double?)>((nil, nil))

    func report(_ progress: SessionWaitProgress) {
        let lines = last.withLock { last -> [String] in
            var lines: [String] = []
            if let status = progress.status?.rawValue, status != last.status {
                lines.append("   [app] the session is \(status)")
                last.status = status
            }
            if let percent = progress.percent, percent != last.percent {
                lines.append("   [app] progress \(Int(percent)) %")
                last.percent = percent
            }
            return lines
        }
        for line in lines { say(line) }
    }
}

/// Prints a line and flushes at once, so that progress (and the URL to open) shows even when the output is piped
/// to a file or `tee`, and stays in order with error messages.
func say(_ line: String) {
    print(line)
    fflush(nil)
}
