// The reproduction behind tsan-suppressions.txt: eight threads append to one Mutex-protected array and nothing
// else, which is race-free; built with ThreadSanitizer, it reports "Swift access race" on the array.
// Run: scripts/sanitizer-repros.sh
import Foundation
import Synchronization

final class Shared: Sendable {
    let values = Mutex([Int]())
}

let shared = Shared()
let done = DispatchGroup()
for thread in 0..<8 {
    done.enter()
    Thread {
        for index in 0..<10_000 { shared.values.withLock { $0.append(thread * 10_000 + index) } }
        done.leave()
    }.start()
}
done.wait()
print("\(shared.values.withLock { $0.count }) values appended")
