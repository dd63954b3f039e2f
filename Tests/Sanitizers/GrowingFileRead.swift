// The reproduction behind the readBytesFromFile entry of lsan-suppressions.txt: String(contentsOf:) leaves a
// 4 KiB buffer behind each time it reads a file that another thread is appending to (a log being written), as
// the end-to-end and serve tests read their servers' logs. Reading a file that does not grow leaks nothing,
// /proc/self/statm (what Metrics reads on every scrape) included. Run: scripts/sanitizer-repros.sh
import Foundation

let path = FileManager.default.temporaryDirectory.appendingPathComponent("growing-\(getpid()).log").path
FileManager.default.createFile(atPath: path, contents: nil)
defer { try? FileManager.default.removeItem(atPath: path) }
let writer = FileHandle(forWritingAtPath: path)!
let stop = DispatchSemaphore(value: 0)
Thread {
    let line = Data(String(repeating: "x", count: 100).utf8 + [10])
    while stop.wait(timeout: .now()) == .timedOut { writer.write(line) }
}.start()
var bytes = 0
for _ in 0..<20 { bytes += (try? String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8))?.utf8.count ?? 0 }
var statm = 0
for _ in 0..<20 { statm += (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.utf8.count ?? 0 }
stop.signal()
print("read \(bytes) bytes of a growing log and \(statm) of /proc/self/statm")
