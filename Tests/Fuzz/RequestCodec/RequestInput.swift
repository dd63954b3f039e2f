import HTTPServer

/// How the request codec target reads its input bytes, as a small HTTP-like text:
///
/// ```
/// POST /validate/pdf-only api-key     request line: method, target, optional auth mode of the handler
/// Content-Type: application/json      header fields, one per line, up to an empty line
///
/// {"name": "a.pdf"}                   the body: every byte after the empty line
/// ```
/// Input that does not start with a request line and a blank-line-terminated header block is all body, sent
/// as `POST /validate` with `Content-Type: application/json` to a handler without authentication, so plain
/// JSON bodies are seeds too.
struct RequestInput {
    let request: HTTPRequest
    let authMode: String

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let parsed = Self.parse(bytes) {
            self = parsed
        } else {
            request = HTTPRequest(
                method: .post, target: "/validate", headers: ["Content-Type": "application/json"], body: Array(bytes))
            authMode = "none"
        }
    }

    private init(request: HTTPRequest, authMode: String) {
        self.request = request
        self.authMode = authMode
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> RequestInput? {
        guard let first = bytes.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return nil }
        let newline = UInt8(ascii: "\n")
        var lines: [String] = []
        var start = 0
        var bodyStart: Int?
        while let end = bytes[start...].firstIndex(of: newline) {
            if end == start {
                bodyStart = end + 1
                break
            }
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        guard let bodyStart, let requestLine = lines.first else { return nil }
        let words = requestLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count >= 2 else { return nil }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? parts[1].trimmingPrefix(" ") : ""
            headers.add(name: String(parts[0]), value: String(value))
        }
        return RequestInput(
            request: HTTPRequest(
                method: HTTPMethod(String(words[0])), target: String(words[1]), headers: headers,
                body: Array(bytes[bodyStart...])),
            authMode: words.count > 2 ? String(words[2]) : "none")
    }
}
