import Foundation
import Testing

@testable import UploadGateServer

/// A policy folder reached through a symbolic link, swapped by deploys (`live -> releases/v2`): each load
/// follows the link once and reads one real folder, so a swap during a load cannot mix two releases.
@Suite("Reload through a swapped link")
struct LinkedFolderReloadTests {
    @Test("Each load reads the folder the link pointed to when it began, and /policies names it")
    func loadsFollowTheLinkOnce() async throws {
        let root = try PolicyFolder()
        let first = root.url.appendingPathComponent("release-1")
        let second = root.url.appendingPathComponent("release-2")
        for (folder, title) in [(first, "one"), (second, "two")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for id in ["default", "second"] {
                try Data(Fixtures.textPolicy(id: id, title: title).utf8).write(
                    to: folder.appendingPathComponent("\(id).json"))
            }
        }
        let live = root.url.appendingPathComponent("live").path
        try FileManager.default.createSymbolicLink(atPath: live, withDestinationPath: first.path)
        let server = try TestService { $0.policySource = .directory(live, defaultPolicyID: nil) }
        defer {
            server.stop()
            root.remove()
        }
        try await expectListing(server, title: "one", folder: first)

        // The deploy: a new link renamed over the old one, then SIGHUP.
        let swapping = root.url.appendingPathComponent("live.new").path
        try FileManager.default.createSymbolicLink(atPath: swapping, withDestinationPath: second.path)
        #expect(rename(swapping, live) == 0)
        #expect(server.service.reloadPolicies())
        try await expectListing(server, title: "two", folder: second)
    }

    @Test("A link to nowhere is refused like a missing folder, and the old set keeps serving")
    func danglingLink() async throws {
        let folder = try PolicyFolder()
        try folder.write("default", Fixtures.textPolicy(id: "default"))
        let root = try PolicyFolder()
        let live = root.url.appendingPathComponent("live").path
        try FileManager.default.createSymbolicLink(atPath: live, withDestinationPath: folder.path)
        let server = try TestService { $0.policySource = .directory(live, defaultPolicyID: nil) }
        defer {
            server.stop()
            root.remove()
            folder.remove()
        }
        try FileManager.default.removeItem(atPath: live)
        try FileManager.default.createSymbolicLink(atPath: live, withDestinationPath: "/nonexistent/release")
        #expect(!server.service.reloadPolicies())
        #expect(server.loggedText.contains("no such directory"))
        #expect(try await server.validate("a.txt", type: "text/plain").accept == true)
    }

    private func expectListing(
        _ server: TestService, title: String, folder: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let listing = try await server.exchange(method: "GET", "/policies")
        let policies = try #require(listing.json?["policies"] as? [[String: Any]], sourceLocation: sourceLocation)
        let resolved = PolicyStore.resolvingLinks(folder.path)
        #expect(policies.count == 2, sourceLocation: sourceLocation)
        for policy in policies {
            #expect(policy["title"] as? String == title, sourceLocation: sourceLocation)
            #expect((policy["source"] as? String)?.hasPrefix(resolved + "/") == true, sourceLocation: sourceLocation)
        }
    }
}
