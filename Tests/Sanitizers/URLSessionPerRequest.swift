// The reproduction behind the libcurl entries of lsan-suppressions.txt: each request through an invalidated
// URLSession leaves about 43 bytes in 3 blocks behind. Usage: URLSessionPerRequest COUNT PORT, with any HTTP
// server on 127.0.0.1:PORT. Run: scripts/sanitizer-repros.sh
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

let count = Int(CommandLine.arguments[1]) ?? 10
let url = URL(string: "http://127.0.0.1:\(CommandLine.arguments[2])/")!
let session = URLSession(configuration: .ephemeral)
for _ in 0..<count {
    let done = DispatchSemaphore(value: 0)
    var request = URLRequest(url: url)
    request.setValue("key-1", forHTTPHeaderField: "X-Api-Key")
    session.dataTask(with: request) { _, _, _ in done.signal() }.resume()
    done.wait()
}
session.invalidateAndCancel()
Thread.sleep(forTimeInterval: 0.5)
print("\(count) requests sent")
