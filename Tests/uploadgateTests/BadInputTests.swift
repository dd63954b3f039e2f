import Foundation
import Testing

/// What a demanding user throws at the policy commands, beyond the golden files: folders that cannot be read and
/// a folder of 10,000 policies. Every case gets a clear message and the documented exit status.
@Suite struct BadInputTests {
    let runner: BinaryRunner

    init() throws {
        runner = BinaryRunner(binary: try #require(BinaryRunner.locate(), "the uploadgate binary was not found"))
    }

    /// As root, permission bits do not stop reading; the binary then runs as `nobody` through setpriv(1).
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    static let isRoot = geteuid() == 0
    static let canMakeUnreadableFolders = !isRoot || FileManager.default.isExecutableFile(atPath: setpriv.path)

    /// Runs the binary as an unprivileged user, so that `chmod 000` denies reading.
    func runUnprivileged(_ arguments: [String]) throws -> BinaryRunner.Output {
        guard Self.isRoot else { return try runner.run(arguments) }
        return try BinaryRunner(binary: Self.setpriv).run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", runner.binary.path] + arguments)
    }

    @Test("Every character the name checks refuse as invisible is shown escaped, as the report promises")
    func invisibleCharactersAreShownEscaped() throws {
        // A ZWJ, a ZWNJ or a variation selector is refused, and so escaped, where nothing it could join or vary is.
        for (scalar, escaped) in [
            ("\u{1D173}", "\\u{1D173}"), ("\u{E0041}", "\\u{E0041}"), ("\u{AD}", "\\u{00AD}"),
            ("\u{200D}", "\\u{200D}"), ("\u{200C}", "\\u{200C}"), ("\u{FE00}", "\\u{FE00}"), ("\u{FE0F}", "\\u{FE0F}"),
        ] {
            let output = try runner.run(["explain", "--policy", "default", "a\(scalar).pdf"])
            #expect(output.status == 1)
            #expect(output.stdout.contains("'a\(escaped).pdf'"), "\(output.stdout)")
            #expect(!output.stdout.contains(scalar))
        }
    }

    @Test("check: content more specific than its name agrees only when it cannot run: scripts, web pages, SVG")
    func activeContentUnderAPlainName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("page.txt", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n")
        try folder.write("node.txt", "#!/usr/bin/env node\nrequire('child_process').exec('id')\n")
        try folder.write(
            "drawing.xml",
            #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"# + "\n")
        try folder.write("notes.txt", "Plain notes, nothing more.\n")
        try folder.write("table.txt", "name,amount\nana,10\nbia,20\n")  // text/csv under a .txt name: harmless
        let output = try runner.run(["check", "--policy", "default", "--format", "json", folder.url.path])
        #expect(output.status == 1, "\(output.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stdout)")
        let files = try #require(report["files"] as? [[String: Any]])
        var comparisons: [String: String] = [:]
        for file in files {
            if let name = file["name"] as? String { comparisons[name] = file["comparison"] as? String }
        }
        for name in ["page.txt", "node.txt", "drawing.xml"] {
            #expect(comparisons[name] == "disagree", "\(name): \(files)")
        }
        for name in ["notes.txt", "table.txt"] {
            #expect(comparisons[name] == "agree", "\(name): \(files)")
        }
    }

    @Test(
        .enabled(
            if: canMakeUnreadableFolders,
            "running as root without setpriv(1): chmod 000 does not deny root, so no unreadable folder can be made"))
    func unreadableFoldersAreInputErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("policies/p.json", #"{ "id": "p", "accept": [ { "label": "PDF", "name": "\\.pdf$" } ] }"#)
        try folder.write("files/locked/secret.pdf", "%PDF-1.4")
        try folder.write("files/private.pdf", "%PDF-1.4")
        try folder.write("more/q.json", #"{ "id": "q", "accept": [ { "label": "PDF", "name": "\\.pdf$" } ] }"#)
        let locked = ["policies", "files/locked", "files/private.pdf", "more/q.json"].map {
            folder.url.appendingPathComponent($0).path
        }
        for path in locked { try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path) }
        defer {
            for path in locked {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            }
            folder.remove()
        }
        let policies = folder.url.appendingPathComponent("policies").path
        for command in [["lint", policies], ["test", policies]] {
            let output = try runUnprivileged(command)
            #expect(output.status == 2, "\(command[0])")
            #expect(
                (output.stdout + output.stderr).contains("\(policies): error: permission denied [policy.unreadable]"))
        }
        let unreadableFile = folder.url.appendingPathComponent("more/q.json").path
        let lint = try runUnprivileged(["lint", unreadableFile])
        #expect(lint.status == 2)
        #expect(lint.stdout.hasPrefix("\(unreadableFile): error: permission denied [policy.unreadable]"))
        let explain = try runUnprivileged(["explain", "--policy", unreadableFile, "a.pdf"])
        #expect(explain.status == 2)
        #expect(explain.stderr == "Error: cannot read the policy \(unreadableFile): permission denied\n")

        let files = folder.url.appendingPathComponent("files").path
        let check = try runUnprivileged(["check", "--policy", "Policies/pdf-only.json", files])
        #expect(check.status == 2)
        #expect(check.stdout.contains("\(files)/locked: error: permission denied"))
        #expect(
            check.stdout.contains("\(files)/private.pdf: error: permission denied"), "libmagic's words are not a type")
        #expect(check.stdout.contains("  unreadable                 2"))
    }

    @Test func aFolderOfTenThousandPolicies() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for number in 0..<10_000 {
            let id = "p\(number)"
            try folder.write(
                "\(id).json",
                """
                {"id":"\(id)","accept":[{"label":"PDF","name":"\\\\.pdf$","types":["application/pdf"]}],
                 "examples":[{"name":"\(id).pdf","contentType":"application/pdf","expect":"accept"}]}
                """)
        }
        let lint = try runner.run(["lint", folder.url.path])
        #expect(lint.status == 0)
        #expect(lint.stdout.isEmpty && lint.stderr.isEmpty, "a clean folder lints silently")

        let test = try runner.run(["test", folder.url.path])
        #expect(test.status == 0)
        #expect(test.stdout.hasSuffix("PASS: 10000/10000\n"))

        // One broken file among them is found and named; the rest still run.
        try folder.write("p5000.json", Data([0xFF, 0xFE, 0x00]))
        let broken = try runner.run(["test", "--format", "json", folder.url.path])
        #expect(broken.status == 2)
        #expect(broken.stdout.contains(#""passed" : 9999"#))
        #expect(broken.stdout.contains("p5000.json"))
    }

    @Test func aFolderOfTenThousandBrokenFilesStopsAtMaxErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for number in 0..<10_000 { try folder.write("junk\(number).json", Data([0x00, 0x01])) }
        let output = try runner.run(["lint", folder.url.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("stopped after 10 errors (--max-errors); 9990 more files were not linted"))
    }
}
