// Decision log lines go to standard output: run with >/dev/null; figures go to standard error.
// The endpoint's request handling without the network: what one validation request costs inside the
// process, from parsed HTTP request to response (routing, auth, codec, decision, metrics, decision log).
// Separates the endpoint's own work from libmicrohttpd's and the kernel's in the endpoint benchmark.
import Foundation
import HTTPServer
import UploadGateServer
import UploadPolicy

let configuration = ServiceConfiguration(nameLogging: .hash)
let service: ValidationService
do {
    service = try ValidationService(configuration: configuration, logger: .disabled)
} catch {
    print("HandlerBenchmark: \(error)")
    exit(2)
}
let handler = service.handler
let bodies = [
    #"{"name":"Contrato.pdf","contentType":"application/pdf","length":184320}"#,
    #"{"name":"scan_0001.jpg","contentType":"image/jpg","length":2048000}"#,
    #"{"name":"setup.exe","contentType":"application/x-msdownload","length":1000000}"#,
]
let requests = bodies.map {
    HTTPRequest(method: .post, target: "/validate", headers: ["Content-Type": "application/json"], body: Array($0.utf8))
}
let health = HTTPRequest(method: .get, target: "/healthz")
let wrongMethod = HTTPRequest(method: .post, target: "/healthz", headers: ["Content-Type": "application/json"])

func measure(_ label: String, _ request: HTTPRequest, count: Int = 100_000) {
    _ = handler.respond(to: request)
    let start = ContinuousClock.now
    for _ in 0..<count { _ = handler.respond(to: request) }
    let elapsed = ContinuousClock.now - start
    let ns = (Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9) / Double(count)
    FileHandle.standardError.write(Data(String(format: "%-34@ %8.0f ns/request\n", label as NSString, ns).utf8))
}

let quick = CommandLine.arguments.contains("--quick")
let count = quick ? 1_000 : 100_000
measure("GET /healthz", health, count: count)
measure("POST /healthz (405)", wrongMethod, count: count)
for (index, request) in requests.enumerated() {
    measure("POST /validate body \(index + 1)", request, count: count)
}
service.shutdown(gracePeriod: .zero)
