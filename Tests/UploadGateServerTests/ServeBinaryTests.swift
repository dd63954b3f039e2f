import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `uploadgate serve` as operators run it: signals, exit statuses, standard output and error.
@Suite(
    "uploadgate serve (the binary)", .serialized,
    .enabled(if: ServeProcess.binary != nil, "needs the built uploadgate binary"))
struct ServeBinaryTests {
    private func post(_ port: Int, path: String = "/validate", _ json: String, headers: [(String, String)] = []) throws
        -> RawResponse
    {
        try RawConnection(port: port).exchange(
            target: path, headers: [("Content-Type", "application/json")] + headers, body: Array(json.utf8))
    }

    @Test("Startup line on stderr, decision lines on stdout, SIGINT stops it with status 0")
    func outputsAndSIGINT() async throws {
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--log-names", "full"])
        try await serve.waitUntilListening()
        #expect(serve.stderr.contains("auth=\"none (0 secrets)\""))
        #expect(serve.stderr.contains("default_policy=default"))
        #expect(
            try post(serve.port, #"{"name":"Contrato.pdf","contentType":"application/pdf","length":1000}"#).accept
                == true)
        serve.signal(SIGINT)
        #expect(await serve.waitForExit() == 0)
        let lines = serve.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(#""name":"Contrato.pdf""#) == true)
        #expect(serve.stderr.contains("info uploadgate: stopped"))
        #expect(!serve.stderr.contains("Contrato"))
    }

    @Test("The server outlives the reader of its decision log (no death by SIGPIPE)")
    func decisionLogReaderGone() async throws {
        let pipe = Pipe()
        let serve = try ServeProcess(["--listen", "127.0.0.1:0"], standardOutput: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        try await serve.waitUntilListening()
        try pipe.fileHandleForReading.close()
        for _ in 0..<3 {
            #expect(try post(serve.port, #"{"name":"a.pdf"}"#).accept == true)
            try await Task.sleep(for: .seconds(0.15))  // past the decision log's 100 ms flush
        }
        #expect(serve.process.isRunning)
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit() == 0)
    }

    @Test("SIGHUP reloads the folder; a broken set is refused on stderr and the old one keeps serving")
    func sighup() async throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        try folder.write("default", Fixtures.textPolicy(id: "default"))
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--policies", folder.path])
        try await serve.waitUntilListening()
        #expect(try post(serve.port, #"{"name":"a.txt"}"#).accept == true)

        try folder.write("default", Fixtures.textPolicy(id: "default").replacingOccurrences(of: "txt", with: "csv"))
        serve.signal(SIGHUP)
        #expect(try await serve.eventually { try post(serve.port, #"{"name":"a.csv"}"#).accept == true })
        #expect(serve.stderr.contains("notice uploadgate: policies reloaded"))

        try folder.write("broken", Fixtures.brokenPolicy)
        serve.signal(SIGHUP)
        #expect(await serve.eventually { serve.stderr.contains("policy reload refused") })
        #expect(serve.stderr.contains("broken.json: accept[0].name: offset 3"))
        #expect(try post(serve.port, #"{"name":"a.csv"}"#).accept == true)
        let metrics = try PrometheusSamples(
            parsing: RawConnection(port: serve.port).exchange(method: "GET", target: "/metrics").text)
        #expect(metrics.value("uploadgate_policy_reloads_total", ["result": "failure"]) == 1)
        #expect(metrics.value("uploadgate_policy_reloads_total", ["result": "success"]) == 1)
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit() == 0)
    }

    @Test("SIGTERM lets an in-flight request finish, answers it, logs it, then exits 0")
    func sigtermDrains() async throws {
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--log-names", "full"])
        try await serve.waitUntilListening()
        let inFlight = try RawConnection(port: serve.port, timeout: 15)
        let body = #"{"name":"in-flight.pdf"}"#
        try inFlight.send(
            "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
                + body.prefix(5))
        try await Task.sleep(for: .seconds(0.2))
        serve.signal(SIGTERM)
        try await Task.sleep(for: .seconds(0.5))
        #expect(serve.process.isRunning, "exited before the in-flight request finished")
        // New connections are no longer accepted while draining.
        #expect((try? RawConnection(port: serve.port, timeout: 1).exchange(method: "GET", target: "/healthz")) == nil)
        try inFlight.send(String(body.dropFirst(5)))
        let response = try inFlight.readResponse()
        #expect(response.status == 200)
        #expect(response.accept == true)
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(await serve.waitForExit() == 0)
        #expect(serve.stdout.contains(#""name":"in-flight.pdf""#))
    }

    @Test("An address in use exits 1 with the reason on stderr")
    func addressInUse() async throws {
        let holder = try ServeProcess(["--listen", "127.0.0.1:0"])
        try await holder.waitUntilListening()
        let serve = try ServeProcess(["--listen", "127.0.0.1:\(holder.port)"])
        #expect(await serve.waitForExit() == 1)
        #expect(
            serve.stderr.contains("Error: Cannot listen on 127.0.0.1:\(holder.port): the address is already in use"))
        #expect(serve.stderr.contains("already in use"))
        holder.signal(SIGTERM)
        #expect(await holder.waitForExit() == 0)
    }

    @Test("A folder without its default policy is named as the culprit, with the flag that picks one")
    func missingDefaultPolicy() async throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        try folder.copyShipped("images")
        try folder.copyShipped("pdf-only")
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--policies", folder.path])
        #expect(await serve.waitForExit() == 2)
        // The folder lacks the default, not images.json (the first file), which has nothing wrong with it.
        #expect(serve.stderr.contains("\(folder.path): cannot tell which policy is the default"), "\(serve.stderr)")
        #expect(serve.stderr.contains("--default-policy"), "\(serve.stderr)")
        #expect(!serve.stderr.contains("images.json"), "\(serve.stderr)")

        let named = try ServeProcess(["--listen", "127.0.0.1:0", "--policies", folder.path, "--default-policy", "nope"])
        #expect(await named.waitForExit() == 2)
        #expect(named.stderr.contains("\(folder.path): no policy has the id 'nope'"), "\(named.stderr)")
        #expect(!named.stderr.contains("images.json"), "\(named.stderr)")
    }

    @Test("A broken policies folder exits 2 listing every error")
    func brokenPolicies() async throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        try folder.write("broken", Fixtures.brokenPolicy)
        try folder.write("also", #"{"id": "Bad Id", "accept": []}"#)
        try folder.write("notjson", "{")
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--policies", folder.path])
        #expect(await serve.waitForExit() == 2)
        let stderr = serve.stderr
        #expect(stderr.contains("cannot load policies from \(folder.path)"))
        for expected in [
            "also.json: accept", "also.json: id", "broken.json: accept[0].name: offset 3",
            "broken.json: limits.maxSzie",
            "notjson.json: not valid JSON",
        ] {
            #expect(stderr.contains(expected), "missing '\(expected)' in:\n\(stderr)")
        }
        #expect(!serve.stderr.contains("listening"))

        let missing = try ServeProcess(["--listen", "127.0.0.1:0", "--policies", "/nonexistent/policies"])
        #expect(await missing.waitForExit() == 2)
        #expect(missing.stderr.contains("/nonexistent/policies: no such directory"))
    }

    @Test("Keys from UPLOADGATE_API_KEYS or --api-key-file; the secret appears nowhere in the output")
    func secretsFromEnvironmentAndFile() async throws {
        let secret = "app|0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        let serve = try ServeProcess(
            ["--listen", "127.0.0.1:0", "--log-names", "full"],
            environment: ["UPLOADGATE_API_KEYS": "old-key,\(secret)"])
        try await serve.waitUntilListening()
        #expect(try post(serve.port, #"{"name":"a.pdf"}"#).status == 401)
        #expect(try post(serve.port, #"{"name":"a.pdf"}"#, headers: [("X-Api-Key", secret)]).accept == true)
        #expect(try post(serve.port, #"{"name":"a.pdf"}"#, headers: [("X-Api-Key", "old-key")]).accept == true)
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit() == 0)
        #expect(serve.stderr.contains("auth=\"api-key (2 secrets)\""))
        #expect(!serve.stderr.contains(secret) && !serve.stdout.contains(secret) && !serve.stderr.contains("old-key"))

        let keyFile = serve.folder.appendingPathComponent("tokens")
        try Data("# tokens\n\(secret)\n".utf8).write(to: keyFile)
        let bearer = try ServeProcess(["--listen", "127.0.0.1:0", "--auth", "bearer", "--api-key-file", keyFile.path])
        try await bearer.waitUntilListening()
        #expect(
            try post(bearer.port, #"{"name":"a.pdf"}"#, headers: [("Authorization", "Bearer \(secret)")]).accept == true
        )
        #expect(try post(bearer.port, #"{"name":"a.pdf"}"#, headers: [("X-Api-Key", secret)]).status == 401)
        bearer.signal(SIGTERM)
        #expect(await bearer.waitForExit() == 0)
        #expect(!bearer.stderr.contains(secret))
    }

    @Test("Configuration errors exit 2 and name the option, never the secret")
    func configurationErrors() async throws {
        let empty = try ServeProcess(["--auth", "api-key"])
        #expect(await empty.waitForExit() == 2)
        #expect(empty.stderr.contains("'--auth api-key' needs secrets"))
        let badBasic = try ServeProcess(["--auth", "basic"], environment: ["UPLOADGATE_API_KEYS": "no-colon-secret"])
        #expect(await badBasic.waitForExit() == 2)
        #expect(badBasic.stderr.contains("must be 'user:password'"))
        #expect(!badBasic.stderr.contains("no-colon-secret"))
        // Set but holding no secret (a template that expanded to nothing): refused, and said so.
        let blank = try ServeProcess(["--listen", "127.0.0.1:0"], environment: ["UPLOADGATE_API_KEYS": " , "])
        #expect(await blank.waitForExit() == 2)
        #expect(blank.stderr.contains("UPLOADGATE_API_KEYS is set but holds no secret"), "\(blank.stderr)")
        let defaultWithoutFolder = try ServeProcess(["--default-policy", "x"])
        #expect(await defaultWithoutFolder.waitForExit() == 2)
    }

    @Test(
        "TLS: --tls-cert/--tls-key serve HTTPS that curl verifies",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func tls() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "uploadgate-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        #expect(
            try await Self.run(
                "/usr/bin/openssl",
                [
                    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1",
                ]
            ).status == 0)
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--tls-cert", certificate, "--tls-key", key])
        try await serve.waitUntilListening()
        #expect(serve.stderr.contains("tls=on"))
        let result = try await Self.run(
            "/usr/bin/curl",
            [
                "-s", "--cacert", certificate, "-H", "Content-Type: application/json",
                "-d", #"{"name":"Contrato.pdf","contentType":"application/pdf","length":1000}"#,
                "https://127.0.0.1:\(serve.port)/validate",
            ])
        #expect(result.output == #"{"accept":true,"rejectReason":null}"#)
        let plain = try? RawConnection(port: serve.port, timeout: 2).exchange(method: "GET", target: "/healthz")
        #expect(plain?.status != 200)
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit() == 0)

        let wrongKey = try ServeProcess([
            "--listen", "127.0.0.1:0", "--tls-cert", certificate, "--tls-key", certificate,
        ])
        #expect(await wrongKey.waitForExit() == 2)
        #expect(wrongKey.stderr.contains("TLS"))
    }

    /// Runs a tool on a thread of its own and returns its status and standard output.
    private static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String)
    {
        try await offPool { try runBlocking(executable, arguments) }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String]) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
