import Foundation
import Testing
import UploadPolicy

@Suite("PCRE2 patterns")
struct PatternTests {
    @Test func searchesAnywhereLikeIsMatch() throws {
        let pattern = try CompiledPattern("pdf")
        #expect(pattern.matches("contrato.pdf.exe") == .match)
        #expect(pattern.matches("contrato.doc") == .noMatch)
    }

    @Test func dollarDoesNotAcceptTrailingNewline() throws {
        let pattern = try CompiledPattern("\\.pdf$")
        #expect(pattern.matches("x.pdf") == .match)
        #expect(pattern.matches("x.pdf\n") == .noMatch)
    }

    @Test func caseInsensitiveIsAnOption() throws {
        #expect(try CompiledPattern("\\.pdf$").matches("X.PDF") == .match)
        let sensitive = try CompiledPattern("\\.pdf$", options: PatternOptions(caseInsensitive: false))
        #expect(sensitive.matches("X.PDF") == .noMatch)
    }

    @Test func unicodePropertiesApplyToDigitsAndWords() throws {
        // UCP: \d matches Arabic-Indic digits and \w matches letters of every script, as in .NET.
        #expect(try CompiledPattern("^\\d+\\.pdf$").matches("٢٠٢٤.pdf") == .match)
        #expect(try CompiledPattern("^\\w+\\.pdf$").matches("契約書.pdf") == .match)
        #expect(try CompiledPattern("^[\\p{L} ]+\\.pdf$").matches("Ação final.pdf") == .match)
    }

    @Test func namesWithNULAreMatchedWhole() throws {
        let pattern = try CompiledPattern("\\.exe$")
        #expect(pattern.matches("legit.pdf\u{0}.exe") == .match)
        #expect(try CompiledPattern("\\.pdf$").matches("legit.pdf\u{0}.exe") == .noMatch)
    }

    @Test func emptySubject() throws {
        #expect(try CompiledPattern("^$").matches("") == .match)
        #expect(try CompiledPattern("a").matches("") == .noMatch)
    }

    @Test func compileErrorsCarryMessageAndCharacterOffset() throws {
        let error = try #require(throws: PatternCompileError.self) { try CompiledPattern("ação[a-") }
        #expect(error.message == "missing terminating ] for character class")
        #expect(error.offset == 7)  // characters, although PCRE2 counted 9 bytes
        #expect(error.code >= 100)
    }

    @Test func backslashCIsRefused() throws {
        #expect(throws: PatternCompileError.self) { try CompiledPattern("a\\Cb") }
    }

    @Test func catastrophicPatternStopsAtTheLimitInsteadOfHanging() throws {
        let pattern = try CompiledPattern("^(a+)+$")
        let name = String(repeating: "a", count: 40) + "!"
        let start = ContinuousClock.now
        let result = pattern.matches(name)
        #expect(ContinuousClock.now - start < .milliseconds(100))
        guard case .limitExceeded = result else {
            Issue.record("expected a limit, got \(result)")
            return
        }
    }

    @Test func sharedAcrossThreads() async throws {
        let pattern = try CompiledPattern("^[\\p{L}\\d _-]+\\.pdf$")
        let names = ["Ação.pdf", "x.exe", "契約書 2024.pdf", "a.pdf\n", "ok-1.pdf"]
        let expected = names.map { pattern.matches($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let scratch = MatchScratch()
                    for _ in 0..<2_000 {
                        for (index, name) in names.enumerated() {
                            var subject = name
                            let result = subject.withUTF8 { pattern.matches(utf8: $0, scratch: scratch) }
                            if result != expected[index] { throw CancellationError() }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
