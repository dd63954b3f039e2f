// The reproduction behind asan-suppressions.txt: with about 1,400 descriptors open, Foundation's Process.run()
// reads past a readdir buffer (findMaximumOpenFromProcSelfFD). Nothing of UploadGate is involved.
// Run: scripts/sanitizer-repros.sh
import Foundation

let count = Int(CommandLine.arguments.dropFirst().first ?? "2000") ?? 2_000
var descriptors: [Int32] = []
for _ in 0..<count { descriptors.append(open("/dev/null", O_RDONLY)) }
let process = Process()
process.executableURL = URL(fileURLWithPath: "/bin/true")
try process.run()
process.waitUntilExit()
print("/bin/true exited \(process.terminationStatus) with \(descriptors.filter { $0 >= 0 }.count) descriptors open")
