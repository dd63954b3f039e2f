import Testing
@testable import UploadPolicy

/// The rewrite that lets one match limit bound a whole search (``WholeSearch``).
@Suite("Whole-search rewrite")
struct WholeSearchTests {
    @Test func wrapsThePatternAfterItsStartOptions() {
        #expect(WholeSearch.source(searching: #"\.pdf$"#) == #"\A(?s:.*?)(?:\.pdf$)"#)
        #expect(WholeSearch.source(searching: "a|b") == #"\A(?s:.*?)(?:a|b)"#)
        let rewritten = WholeSearch.source(searching: "(*UCP)(*LIMIT_MATCH=50)(?i)x")
        #expect(rewritten == #"(*UCP)(*LIMIT_MATCH=50)\A(?s:.*?)(?:(?i)x)"#)
    }

    /// Constructs whose meaning depends on where a match attempt starts are left alone.
    @Test(arguments: [
        #"\Ga"#, "a(*SKIP)b", "(*COMMIT)a", "a(*PRUNE)", "(a(?R)?b)", "(a(?0)?b)", #"(a\g<0>?b)"#, "(*NOTEMPTY)a*",
        "(*LIMIT_MATCH=)a", "(*UNKNOWN)a",
    ])
    func leavesStartDependentPatternsAlone(_ pattern: String) {
        #expect(WholeSearch.source(searching: pattern) == nil)
    }

    /// A rewrite that does not compile leaves the pattern searching as before (and failing closed at the
    /// budget): here the comment runs to the end and swallows the closing parenthesis.
    @Test func aRewriteThatDoesNotCompileIsDropped() throws {
        let source = "(?x) a b # comment"
        #expect(throws: PatternCompileError.self) { try CompiledPattern(WholeSearch.source(searching: source) ?? "") }
        let pattern = try CompiledPattern(source)
        #expect(pattern.matches("xaby") == .match)
        #expect(pattern.matches("a b") == .noMatch)
    }

    static let patterns = [
        #"\.pdf$"#, #"^~\$"#, #"(?<![a-z])\.pdf\z"#, #"\bfinal\b"#, #"(\w)\1"#, #"(?<n>ab)\k<n>"#, "a|^b|c$",
        "(?i)ÇÃO",
        #"\Qa.b\E"#, "(?>a+)b", "a++b", #"\p{Han}{2}"#, "(?=.*x)y", "^$", "", "x*", #"\d{2,}"#, "é", "[^a-z]$",
        "(a)|b", "(?|(a)|(b))\\1", "(?x) a b", "(*UCP)\\w+\\.txt$", "(?m)^b", "(?s).x",
    ]
    static let names = [
        "", "a.pdf", "A.PDF", "xa.pdf", "~$lock.docx", "final.pdf", "the final cut", "aab", "abab", "cação",
        "CAÇÃO", "a.b", "aXb", "aaab", "漢字.txt", "yx", "123", "e\u{301}", "é", "Z", "a\nb", "b", "c", "a\nx",
    ]

    /// The rewrite finds exactly what the search finds, for every pattern and name here.
    @Test(arguments: patterns)
    func findsWhatTheSearchFinds(_ source: String) throws {
        let original = try CompiledPattern(source)
        let rewritten = try CompiledPattern(try #require(WholeSearch.source(searching: source)))
        for name in Self.names {
            #expect(rewritten.matches(name) == original.matches(name), "\(source) on \(name.debugDescription)")
        }
    }
}
