extension RestPkiCoreClient {
    /// Tuning of a `RestPkiCoreClient`. The defaults suit the SaaS and on-premises servers.
    public struct Options: Sendable {
        /// The longest a create or get call may take, from sending to the last byte. Default 30 s.
        public var requestTimeout: Duration
        /// The longest one `when-completed` long poll may take. The server holds it for about 15 s, so this
        /// must be comfortably longer: with less, every long poll times out. Default 45 s.
        public var longPollTimeout: Duration
        /// The largest response body accepted, in bytes. Default 4 MiB (a session with many documents and
        /// certificate chains is a few tens of kilobytes).
        public var maxResponseBytes: Int
        /// Sent as `Accept-Language` when set (`en-US`, `en`, `pt-BR`, `pt`). Error messages are not localised.
        public var acceptLanguage: String?
        /// How `waitForCompletion` paces and retries its calls.
        public var polling: SessionPollPolicy

        /// Creates options; every parameter has the default described on its property.
        public init(
            requestTimeout: Duration = .seconds(30), longPollTimeout: Duration = .seconds(45),
            maxResponseBytes: Int = 4 << 20, acceptLanguage: String? = nil, polling: SessionPollPolicy = .init()
        ) {
            self.requestTimeout = requestTimeout
            self.longPollTimeout = longPollTimeout
            self.maxResponseBytes = maxResponseBytes
            self.acceptLanguage = acceptLanguage
            self.polling = polling
        }
    }
}
