// The reproduction behind the Process.run entry of lsan-suppressions.txt: the first Process.run() leaves one
// 32-byte weak-reference side table behind, however many processes follow. Run: scripts/sanitizer-repros.sh
import Foundation

for _ in 0..<5 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
}
print("ran /bin/true 5 times")
