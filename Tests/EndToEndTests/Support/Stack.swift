import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Testing
import UploadGateLauncher
import UploadPolicy

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The three pieces of one end-to-end run: the real `uploadgate serve` (a child process), the emulator
/// (in-process) calling it, and the client talking to the emulator, all over loopback HTTP.
struct Stack {
    let gate: UploadGateProcess
    let emulator: RestPkiEmulator
    let client: RestPkiCoreClient
    let control: EmulatorControlClient

    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped policies the server serves in these tests.
    static let servedPolicies = ["pdf-only.json", "default.json"]

    /// Client options with polling fast enough for tests.
    static let clientOptions = RestPkiCoreClient.Options(
        requestTimeout: .seconds(10), longPollTimeout: .seconds(10),
        polling: SessionPollPolicy(
            minimumPollInterval: .milliseconds(20), pendingInitialDelay: .milliseconds(20),
            pendingMaximumDelay: .milliseconds(100), retryInitialDelay: .milliseconds(20),
            retryMaximumDelay: .milliseconds(100), maximumRetries: 2))

    /// The validation URL of a served policy.
    func validationURL(policy: String) -> URL {
        gate.baseURL.appendingPathComponent("validate/\(policy)")
    }

    /// How many decisions the server has made, from its `/metrics`.
    func decisionCount() async throws -> Int {
        let (data, _) = try await URLSession.shared.data(from: gate.baseURL.appendingPathComponent("metrics"))
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("uploadgate_decisions_total{") }
            .compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
            .reduce(0, +)
    }

    /// A shipped policy, loaded as an app would load it (on a thread of its own: loading is CPU work).
    static func loadPolicy(_ file: String) async throws -> Policy {
        try await blocking {
            var loader = PolicyLoader(mimeDatabase: try MIMEDatabase.load())
            let path = packageRoot.appendingPathComponent("Policies/\(file)").path
            guard let policy = loader.load(file: path) else { throw PolicyLoadErrors(loader.errors) }
            return policy
        }
    }
}

/// How one end-to-end run is set up; the defaults give an unauthenticated server, an emulator calling its
/// `pdf-only` policy with a 5 s timeout, failing closed, an English page, and a 300 ms long-poll window.
struct StackOptions {
    /// Extra `serve` arguments, e.g. `["--auth", "bearer"]`.
    var serveArguments: [String] = []
    /// Extra environment for the server, e.g. `UPLOADGATE_API_KEYS`.
    var serveEnvironment: [String: String] = [:]
    /// The validation URL's path on the server.
    var validationPath = "validate/pdf-only"
    /// A validation URL elsewhere (a misbehaving stub), instead of the server's.
    var validationURL: URL?
    /// The credentials the emulator sends.
    var authentication = RestPkiEmulator.ValidationAuthentication.none
    /// The emulator's timeout for one validation call.
    var timeout = Duration.seconds(5)
    /// What a failed validation call means.
    var onFailure = RestPkiEmulator.FailureHandling.reject
    /// The subscription's acceptable file name pattern.
    var pattern: String?
    /// The signature page's language.
    var pageLanguage = RestPkiEmulator.PageLanguage.english
    /// The `when-completed` window.
    var longPollWindow = Duration.milliseconds(300)
}

/// Runs `body` with `uploadgate serve` (serving `Stack.servedPolicies` from a temporary folder) and an emulator
/// whose subscription calls it; stops both on every path.
///
/// Starting and stopping block (a child process, a server's threads), so they run on their own threads: a test
/// must never hold one of the few threads Swift concurrency runs every other test's tasks on.
func withStack<T>(_ options: StackOptions = StackOptions(), _ body: (Stack) async throws -> T) async throws -> T {
    await StackSlots.shared.acquire()
    let outcome: Result<T, any Error>
    do {
        outcome = .success(try await runStack(options, body))
    } catch {
        outcome = .failure(error)
    }
    await StackSlots.shared.release()
    return try outcome.get()
}

private func runStack<T>(_ options: StackOptions, _ body: (Stack) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-policies-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for file in Stack.servedPolicies {
        try FileManager.default.copyItem(
            at: Stack.packageRoot.appendingPathComponent("Policies/\(file)"), to: folder.appendingPathComponent(file))
    }
    let gate: UploadGateProcess
    do {
        gate = try await blocking {
            try UploadGateProcess.start(
                arguments: ["--policies", folder.path] + options.serveArguments,
                environment: options.serveEnvironment, maximumLifetime: .seconds(300))
        }
    } catch {
        try? FileManager.default.removeItem(at: folder)
        throw error
    }

    var configuration = RestPkiEmulator.Configuration(
        longPollWindow: options.longPollWindow, pageLanguage: options.pageLanguage)
    configuration.subscription = .init(
        acceptableFileNamePattern: options.pattern,
        fileValidation: .init(
            url: options.validationURL ?? gate.baseURL.appendingPathComponent(options.validationPath),
            authentication: options.authentication, timeout: options.timeout, onFailure: options.onFailure))
    let emulator: RestPkiEmulator
    do {
        emulator = try RestPkiEmulator(configuration: configuration)
        try emulator.start()
    } catch {
        try? await blocking { gate.stop() }
        try? FileManager.default.removeItem(at: folder)
        throw error
    }

    let stack = Stack(
        gate: gate, emulator: emulator,
        client: RestPkiCoreClient(
            endpoint: emulator.baseURL!, apiKey: RestPkiEmulator.Configuration.defaultAPIKey,
            options: Stack.clientOptions),
        control: EmulatorControlClient(baseURL: emulator.baseURL!))
    let outcome: Result<T, any Error>
    do {
        outcome = .success(try await body(stack))
    } catch {
        outcome = .failure(error)
    }
    try? await blocking {
        emulator.shutdown()
        gate.stop()
        try? FileManager.default.removeItem(at: folder)
    }
    return try outcome.get()
}

/// At most two stacks run at once: each starts a server process, and a burst of them on a small machine would
/// starve the timing-sensitive tests of other suites running alongside.
actor StackSlots {
    static let shared = StackSlots(2)
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        available = count
    }

    func acquire() async {
        guard available == 0 else {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// Runs blocking work on a thread of its own and waits for it without holding a Swift concurrency thread.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Runs `body` and returns the `RestPkiError` it throws, or nil if it succeeds.
func failure<T>(_ body: () async throws -> T) async -> RestPkiError? {
    do {
        _ = try await body()
        return nil
    } catch let error as RestPkiError {
        return error
    } catch {
        Issue.record("threw \(type(of: error)), not RestPkiError: \(error)")
        return nil
    }
}
