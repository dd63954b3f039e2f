import Foundation
import Synchronization

/// The endpoint's counters and histograms, safe to update from every server thread.
///
/// Label values come only from bounded sets (route templates, status codes, loaded policy ids, decision codes),
/// never from raw client input, so a client cannot grow the series without limit.
public final class Metrics: Sendable {
    struct RequestKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    struct DecisionKey: Hashable {
        let policy: String
        let code: String
    }

    struct Histogram {
        var buckets = [UInt64](repeating: 0, count: MetricNames.latencyBuckets.count)
        var count: UInt64 = 0
        var sum: Double = 0

        mutating func observe(_ seconds: Double) {
            count += 1
            sum += seconds
            if let index = MetricNames.latencyBuckets.firstIndex(where: { seconds <= $0 }) { buckets[index] += 1 }
        }
    }

    struct State {
        var requests: [RequestKey: UInt64] = [:]
        var latency: [String: Histogram] = [:]
        var decisions: [DecisionKey: UInt64] = [:]
        var patternLimitHits: [String: UInt64] = [:]
        var reloadSuccesses: UInt64 = 0
        var reloadFailures: UInt64 = 0
        var policiesLoaded = 0
        var lastLoad: Double = 0
    }

    private let state = Mutex(State())
    private let startTime = Date().timeIntervalSince1970

    public init() {}

    /// Counts one answered request and its duration.
    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            state.latency[route, default: Histogram()].observe(seconds)
        }
    }

    /// Counts one decision.
    func recordDecision(policy: String, code: String) {
        state.withLock { state in
            state.decisions[DecisionKey(policy: policy, code: code), default: 0] += 1
            if code == "pattern.limit" { state.patternLimitHits[policy, default: 0] += 1 }
        }
    }

    /// Counts a reload attempt.
    func recordReload(succeeded: Bool, policies: Int) {
        state.withLock { state in
            if succeeded {
                state.reloadSuccesses += 1
                state.policiesLoaded = policies
                state.lastLoad = Date().timeIntervalSince1970
            } else {
                state.reloadFailures += 1
            }
        }
    }

    /// Records the initial load.
    func recordInitialLoad(policies: Int) {
        state.withLock { state in
            state.policiesLoaded = policies
            state.lastLoad = Date().timeIntervalSince1970
        }
    }

    /// The Prometheus text exposition (format 0.0.4).
    ///
    /// - Parameter decisionLogDroppedLines: the decision log's ``DecisionLog/droppedLines``, kept by the log.
    public func render(decisionLogDroppedLines: UInt64 = 0) -> String {
        let snapshot = state.withLock { $0 }
        var out = PrometheusText()

        out.family(MetricNames.httpRequests, "counter", "HTTP requests answered.")
        for (key, value) in snapshot.requests.sorted(by: {
            ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status)
        }) {
            out.sample(
                MetricNames.httpRequests, ["route": key.route, "method": key.method, "status": String(key.status)],
                Double(value))
        }

        out.family(MetricNames.httpRequestDuration, "histogram", "Time to answer a complete request, in seconds.")
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            var cumulative: UInt64 = 0
            for (index, bound) in MetricNames.latencyBuckets.enumerated() {
                cumulative += histogram.buckets[index]
                out.sample(
                    MetricNames.httpRequestDuration + "_bucket", ["route": route, "le": PrometheusText.number(bound)],
                    Double(cumulative))
            }
            out.sample(
                MetricNames.httpRequestDuration + "_bucket", ["route": route, "le": "+Inf"], Double(histogram.count))
            out.sample(MetricNames.httpRequestDuration + "_sum", ["route": route], histogram.sum)
            out.sample(MetricNames.httpRequestDuration + "_count", ["route": route], Double(histogram.count))
        }

        out.family(MetricNames.decisions, "counter", "Decisions made, by policy and decision code.")
        for (key, value) in snapshot.decisions.sorted(by: {
            ($0.key.policy, $0.key.code) < ($1.key.policy, $1.key.code)
        }) {
            out.sample(MetricNames.decisions, ["policy": key.policy, "code": key.code], Double(value))
        }

        out.family(MetricNames.patternLimitHits, "counter", "Evaluations stopped by a PCRE2 limit (failed closed).")
        for (policy, value) in snapshot.patternLimitHits.sorted(by: { $0.key < $1.key }) {
            out.sample(MetricNames.patternLimitHits, ["policy": policy], Double(value))
        }

        out.family(MetricNames.policyReloads, "counter", "Policy reloads requested by SIGHUP.")
        out.sample(MetricNames.policyReloads, ["result": "success"], Double(snapshot.reloadSuccesses))
        out.sample(MetricNames.policyReloads, ["result": "failure"], Double(snapshot.reloadFailures))

        out.family(MetricNames.policiesLoaded, "gauge", "Policies being served.")
        out.sample(MetricNames.policiesLoaded, [:], Double(snapshot.policiesLoaded))
        out.family(MetricNames.policiesLoadedTime, "gauge", "Unix time of the last successful policy load.")
        out.sample(MetricNames.policiesLoadedTime, [:], snapshot.lastLoad)

        out.family(
            MetricNames.decisionLogDroppedLines, "counter",
            "Decision-log lines dropped because the log's reader had stopped reading.")
        out.sample(MetricNames.decisionLogDroppedLines, [:], Double(decisionLogDroppedLines))

        out.family(MetricNames.residentMemory, "gauge", "Resident memory size in bytes.")
        out.sample(MetricNames.residentMemory, [:], Double(ProcessMemory.residentBytes()))
        out.family(MetricNames.startTime, "gauge", "Start time of the process since the Unix epoch, in seconds.")
        out.sample(MetricNames.startTime, [:], startTime)
        return out.text
    }
}

/// Builds Prometheus text exposition.
struct PrometheusText {
    private(set) var text = ""

    mutating func family(_ name: String, _ type: String, _ help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: [String: String], _ value: Double) {
        text += name
        if !labels.isEmpty {
            let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escape($0.value))\"" }
            text += "{" + rendered.joined(separator: ",") + "}"
        }
        text += " " + Self.number(value) + "\n"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// The process's resident set size, from /proc/self/statm.
enum ProcessMemory {
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
