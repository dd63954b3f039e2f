import Foundation

/// The golden runs of the policy commands: every format of each, and the bad input a new user tries.
extension GoldenCase {
    static let badPolicies = "Tests/PolicyLintTests/BadPolicies"
    static let fixtures = "Tests/uploadgateTests/Fixtures"

    static let lint: [GoldenCase] = [
        // The shipped policies are clean: nothing printed, exit 0; JSON says so explicitly.
        GoldenCase(name: "lint-policies", arguments: ["lint", "Policies/"]),
        GoldenCase(name: "lint-policies-json", arguments: ["lint", "--format", "json", "Policies"]),
        GoldenCase(name: "lint-policies-sarif", arguments: ["lint", "--format", "sarif", "Policies"]),
        // One deliberately bad policy per finding id, in every format.
        GoldenCase(name: "lint-bad-policies", arguments: ["lint", "--max-errors", "0", badPolicies]),
        GoldenCase(
            name: "lint-bad-policies-json", arguments: ["lint", "--max-errors=0", "--format=json", badPolicies]),
        GoldenCase(
            name: "lint-bad-policies-sarif", arguments: ["lint", "--max-errors", "0", "--format=sarif", badPolicies]),
        GoldenCase(name: "lint-max-errors", arguments: ["lint", "--max-errors", "3", badPolicies]),
        // Bad input: a missing path (exit 2, the rest still linted), binary junk and an empty file named .json,
        // a folder whose only JSON file is not a policy, a folder with no JSON at all.
        GoldenCase(name: "lint-missing-path", arguments: ["lint", "Policies/pdf-only.json", "Policies/nope.json"]),
        GoldenCase(name: "lint-junk", arguments: ["lint", fixtures]),
        GoldenCase(name: "lint-not-a-policy", arguments: ["lint", "Examples/samples"]),
        GoldenCase(name: "lint-no-policies", arguments: ["lint", "Sources/CMagic"]),
        GoldenCase(
            name: "lint-subfolders-and-special-files", arguments: ["lint", "$TMP"],
            setup: { folder in
                let root = TemporaryFolder(existing: folder)
                try root.write("good.json", #"{ "id": "good", "accept": [ { "label": "PDF", "name": "\\.pdf$" } ] }"#)
                try root.write("old/ignored.json", "{}")
                try root.write(".hidden.json", "{}")
                try root.write("notes.txt", "not a policy")
                guard mkfifo(folder.appendingPathComponent("pipe.json").path, 0o600) == 0 else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }),
    ]

    static let test: [GoldenCase] = [
        GoldenCase(name: "test-policies", arguments: ["test", "Policies/"]),
        GoldenCase(name: "test-verbose-run", arguments: ["test", "-v", "--run", "^Contrato", "Policies"]),
        GoldenCase(name: "test-json", arguments: ["test", "--format", "json", "Policies/pdf-only.json"]),
        GoldenCase(name: "test-junit", arguments: ["test", "--format", "junit", "Policies/csv.json"]),
        // Failing examples print the decision trace; JUnit carries it as the failure's text.
        GoldenCase(name: "test-failures", arguments: ["test", "\(badPolicies)/example_contradicts.json"]),
        GoldenCase(
            name: "test-failures-junit",
            arguments: ["test", "--format", "junit", "\(badPolicies)/example_contradicts.json"]),
        GoldenCase(
            name: "test-failures-json",
            arguments: ["test", "--format", "json", "\(badPolicies)/example_contradicts.json"]),
        // A policy that does not load: located errors on stderr, the others still run, exit 2.
        GoldenCase(
            name: "test-load-error", arguments: ["test", "\(badPolicies)/pattern_invalid.json", "Policies/csv.json"]),
        GoldenCase(
            name: "test-load-error-junit",
            arguments: ["test", "--format", "junit", "\(fixtures)/junk.json", "Policies/csv.json"]),
        GoldenCase(name: "test-nothing-selected", arguments: ["test", "--run", "zzz", "Policies"]),
        GoldenCase(name: "test-bad-regex", arguments: ["test", "--run", "Contrato(", "Policies"]),
        GoldenCase(name: "test-missing-path", arguments: ["test", "Policies/nope.json"]),
    ]

    static let check: [GoldenCase] = [
        GoldenCase(
            name: "check-samples", arguments: ["check", "--policy", "Policies/default.json", "Examples/samples"]),
        GoldenCase(
            name: "check-samples-json",
            arguments: ["check", "--format", "json", "--policy", "default", "Examples/samples"]),
        // A bare id is looked up in Policies/.
        GoldenCase(
            name: "check-files-by-id",
            arguments: [
                "check", "--policy", "pdf-only", "Examples/samples/document.pdf", "Examples/samples/script.pdf",
            ]),
        GoldenCase(
            name: "check-clean", arguments: ["check", "--policy", "pdf-only", "Examples/samples/CONTRATO.PDF"]),
        GoldenCase(
            name: "check-missing-file", arguments: ["check", "--policy", "default", "Examples/samples/nope.pdf"]),
        GoldenCase(name: "check-missing-policy", arguments: ["check", "--policy", "nope", "Examples/samples"]),
        GoldenCase(
            name: "check-broken-policy",
            arguments: ["check", "--policy", "\(badPolicies)/pattern_invalid.json", "Examples/samples"]),
        GoldenCase(name: "check-junk-policy", arguments: ["check", "--policy", "\(fixtures)/junk.json", "Examples"]),
        GoldenCase(name: "check-policy-folder", arguments: ["check", "--policy", "Policies", "Examples/samples"]),
        // Symbolic links and special files are reported, never followed or read.
        GoldenCase(
            name: "check-links-and-pipes", arguments: ["check", "--policy", "pdf-only", "$TMP"],
            setup: { folder in
                let root = TemporaryFolder(existing: folder)
                let samples = BinaryRunner.packageRoot.appendingPathComponent("Examples/samples")
                try root.write("a/contract.pdf", try Data(contentsOf: samples.appendingPathComponent("document.pdf")))
                try FileManager.default.createSymbolicLink(
                    atPath: folder.appendingPathComponent("a/link.pdf").path, withDestinationPath: "contract.pdf")
                try FileManager.default.createSymbolicLink(
                    atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
                guard mkfifo(folder.appendingPathComponent("a/pipe.pdf").path, 0o600) == 0 else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }),
    ]

    static let explain: [GoldenCase] = [
        GoldenCase(name: "explain-accepted", arguments: ["explain", "--policy", "default", "Relato\u{301}rio.pdf"]),
        GoldenCase(
            name: "explain-type-mismatch",
            arguments: ["explain", "--policy", "pdf-only", "--type", "image/png", "--length", "2048", "contrato.pdf"]),
        GoldenCase(
            name: "explain-alias",
            arguments: ["explain", "--policy", "Policies/images.json", "--type", "image/jpg; charset=x", "foto.jpg"]),
        GoldenCase(
            name: "explain-json",
            arguments: ["explain", "--format", "json", "--policy", "default", "--type", "", "a.docx"]),
        GoldenCase(
            name: "explain-bidi",
            arguments: [
                "explain", "--policy", "default", "--type", "application/pdf",
                "contrato\u{202E}fdp.exe",
            ]),
        GoldenCase(name: "explain-not-accepted", arguments: ["explain", "--policy", "default", "setup.exe"]),
        GoldenCase(name: "explain-junk-policy", arguments: ["explain", "--policy", "\(fixtures)/junk.json", "a.pdf"]),
    ]
}
