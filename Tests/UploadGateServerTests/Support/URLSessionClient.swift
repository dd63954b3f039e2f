import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Ordinary calls through URLSession, as an HTTP client library other than ours would make them.
enum URLSessionClient {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 20
        return URLSession(configuration: configuration)
    }()

    struct Response {
        let status: Int
        let headers: HTTPURLResponse
        let body: Data

        func header(_ name: String) -> String? { headers.value(forHTTPHeaderField: name) }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(
        port: Int, method: String = "POST", path: String = "/validate", headers: [String: String] = [:],
        body: String? = nil
    ) async throws -> Response {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        return Response(status: http.statusCode, headers: http, body: data)
    }

    /// POSTs JSON with `Content-Type: application/json; charset=utf-8`, as Rest PKI Core presumably does.
    static func validate(
        port: Int, path: String = "/validate", json: String, headers: [String: String] = [:]
    ) async throws -> Response {
        var all = ["Content-Type": "application/json; charset=utf-8"]
        all.merge(headers) { $1 }
        return try await send(port: port, path: path, headers: all, body: json)
    }
}
