import Foundation

/// Runs `body` (which performs `operations` operations) repeatedly and returns the best rate in operations
/// per second, after a warm-up. Best-of-N is the usual choice on a shared machine: noise only slows runs down.
func bestRate(operations: Int, rounds: Int = 5, _ body: () -> Void) -> Double {
    body()  // warm-up
    var best = 0.0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = max(best, Double(operations) / seconds)
    }
    return best
}

/// Formats a rate as "1.23 M/s" or "456 k/s".
func formatRate(_ rate: Double) -> String {
    rate >= 1e6 ? String(format: "%.2f M/s", rate / 1e6) : String(format: "%.0f k/s", rate / 1e3)
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
