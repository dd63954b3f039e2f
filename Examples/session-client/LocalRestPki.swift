import Dispatch
import Foundation
import RestPkiCoreEmulator
import UploadGateLauncher

/// The demo's Rest PKI Core: the emulator, calling a real `uploadgate serve` that serves the chosen policy.
final class LocalRestPki {
    let gate: UploadGateProcess
    let emulator: RestPkiEmulator
    let validationURL: URL
    private let folder: URL
    private let interrupt: any DispatchSourceSignal

    private init(gate: UploadGateProcess, emulator: RestPkiEmulator, validationURL: URL, folder: URL) {
        self.gate = gate
        self.emulator = emulator
        self.validationURL = validationURL
        self.folder = folder
        // Ctrl-C: the server runs in its own process group, so stop it here rather than leave it running.
        signal(SIGINT, SIG_IGN)
        interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { [gate, emulator] in
            emulator.shutdown()
            gate.stop()
            exit(130)
        }
        interrupt.resume()
    }

    /// Starts `uploadgate serve` on the policy file (found next to this executable, as `swift build` puts it) and
    /// an emulator whose subscription calls it. The emulator holds `when-completed` for 0.5 s instead of 15 s,
    /// so that progress shows.
    static func start(
        policyFile: String, policyID: String, pageLanguage: RestPkiEmulator.PageLanguage
    ) async throws -> LocalRestPki {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "session-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: policyFile), to: folder.appendingPathComponent("\(policyID).json"))
        let gate: UploadGateProcess
        do {
            gate = try UploadGateProcess.start(
                arguments: ["--policies", folder.path, "--default-policy", policyID, "--log-names", "none"])
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw UsageError("\(error)\nBuild everything first (swift build), or run: make example")
        }
        let validationURL = gate.baseURL.appendingPathComponent("validate/\(policyID)")
        var configuration = RestPkiEmulator.Configuration(
            longPollWindow: .milliseconds(500), pageLanguage: pageLanguage)
        configuration.subscription.fileValidation = .init(url: validationURL)
        let emulator = try RestPkiEmulator(configuration: configuration)
        do {
            try emulator.start()
        } catch {
            gate.stop()
            throw error
        }
        return LocalRestPki(gate: gate, emulator: emulator, validationURL: validationURL, folder: folder)
    }

    /// Stops the emulator and the server.
    func stop() {
        interrupt.cancel()
        emulator.shutdown()
        gate.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
