import Foundation
import Synchronization
import Testing

@testable import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif

/// Who closes the listening socket. libmicrohttpd 0.9.75 closes a socket handed over with
/// `MHD_OPTION_LISTEN_SOCKET` when `MHD_start_daemon` fails (seen with rejected TLS material), so a server that
/// closed it again after a failed start closed whatever descriptor had taken its number meanwhile: another
/// server's connection, which then aborted the process with "Close socket failed".
@Suite("Descriptor ownership", .serialized)
struct DescriptorOwnershipTests {
    /// A certificate and key that look like PEM but that GnuTLS rejects, so the daemon's start fails.
    private func rejectedMaterial(in directory: URL) throws -> HTTPServer.TLS {
        let certificate = directory.appendingPathComponent("corrupt.crt")
        let key = directory.appendingPathComponent("corrupt.key")
        let pem = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"
        try Data(pem.utf8).write(to: certificate)
        try Data("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n".utf8).write(to: key)
        return HTTPServer.TLS(certificatePath: certificate.path, privateKeyPath: key.path)
    }

    @Test("Failed starts never close a descriptor that belongs to someone else")
    func failedStartsLeaveOtherDescriptorsAlone() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.tls = try rejectedMaterial(in: directory)
        let server = HTTPServer(configuration: configuration, handler: EchoHandler())

        // One thread keeps taking fresh descriptors and checks each is still its own after a moment, while this
        // one fails to start the server over and over.
        let watch = Watch()
        let watcher = Thread {
            while !watch.stop.load(ordering: .relaxed) {
                var ends: [Int32] = [0, 0]
                guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else { continue }
                var byte: UInt8 = 42
                sched_yield()
                // MSG_NOSIGNAL: a stolen end must show as a failed send, not kill the process with SIGPIPE.
                if send(ends[1], &byte, 1, Int32(MSG_NOSIGNAL)) != 1 || recv(ends[0], &byte, 1, 0) != 1 || byte != 42 {
                    watch.stolen.add(1, ordering: .relaxed)
                }
                close(ends[0])
                close(ends[1])
            }
        }
        watcher.start()
        for _ in 0..<400 {
            #expect(throws: HTTPServerError.self) { try server.start() }
        }
        watch.stop.store(true, ordering: .relaxed)
        #expect(watch.stolen.load(ordering: .relaxed) == 0, "descriptors closed under another thread")
    }

    /// What the watching thread and the test share.
    private final class Watch: Sendable {
        let stop = Atomic(false)
        let stolen = Atomic(0)
    }

    @Test("A failed start leaves no descriptor open")
    func failedStartsLeakNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.tls = try rejectedMaterial(in: directory)
        let server = HTTPServer(configuration: configuration, handler: EchoHandler())
        let before = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        for _ in 0..<20 {
            #expect(throws: HTTPServerError.self) { try server.start() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count <= before)
    }
}
