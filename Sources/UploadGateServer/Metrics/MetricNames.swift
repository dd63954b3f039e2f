/// Every metric UploadGate exports, in one place. Prometheus text format; durations in seconds.
public enum MetricNames {
    /// Counter, labels `route`, `method`, `status`: HTTP requests answered.
    public static let httpRequests = "uploadgate_http_requests_total"
    /// Histogram, label `route`: time from a complete request to its response, inside the server.
    public static let httpRequestDuration = "uploadgate_http_request_duration_seconds"
    /// Counter, labels `policy`, `code`: decisions made (`code` is `accepted` or the rejection code).
    public static let decisions = "uploadgate_decisions_total"
    /// Counter, label `policy`: evaluations stopped by a PCRE2 match limit (each failed closed).
    public static let patternLimitHits = "uploadgate_pattern_limit_hits_total"
    /// Counter, label `result` (`success`, `failure`): policy reloads requested by SIGHUP.
    public static let policyReloads = "uploadgate_policy_reloads_total"
    /// Gauge: policies being served.
    public static let policiesLoaded = "uploadgate_policies_loaded"
    /// Gauge: Unix time of the last successful policy load.
    public static let policiesLoadedTime = "uploadgate_policies_last_load_timestamp_seconds"
    /// Counter: decision-log lines dropped because the log's reader had stopped reading (see `DecisionLog`).
    public static let decisionLogDroppedLines = "uploadgate_decision_log_dropped_lines_total"
    /// Gauge: resident memory of the process, bytes.
    public static let residentMemory = "process_resident_memory_bytes"
    /// Gauge: Unix time the process started.
    public static let startTime = "process_start_time_seconds"

    /// Upper bounds of the latency histogram's buckets, seconds.
    public static let latencyBuckets: [Double] = [
        0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    ]
}
