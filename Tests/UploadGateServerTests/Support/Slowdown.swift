import Foundation

/// How many times slower than a plain debug build these tests run: `UPLOADGATE_TEST_SLOWDOWN`, which
/// scripts/run-tests.sh sets for sanitizer builds (ThreadSanitizer makes each request several times slower), else
/// 1. A test whose assertions race a server timeout scales that timeout by it, so the race keeps its meaning.
enum Slowdown {
    static let factor: Double = {
        let text = ProcessInfo.processInfo.environment["UPLOADGATE_TEST_SLOWDOWN"] ?? ""
        return max(1, Double(text) ?? 1)
    }()

    /// `seconds`, scaled.
    static func seconds(_ seconds: Double) -> Duration { .milliseconds(Int(seconds * factor * 1_000)) }
}
