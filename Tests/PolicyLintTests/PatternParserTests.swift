import Testing

@testable import PolicyLint

@Suite("Pattern parser")
struct PatternParserTests {
    @Test(arguments: [
        "\\.pdf$", "^[\\w\\s-]+\\.docx?$", "(?i)^~\\$", "\\.(tar\\.gz|tgz)$", "(?<!\\.tar)\\.gz$", "^\\p{L}+\\.pdf$",
        "(?x) \\.pdf  # the extension\n $", "\\Q.pdf\\E$", "[[:alpha:]]{1,200}\\.pdf\\z", "(?>\\w+)\\.pdf$",
        "(*UCP)\\.pdf$", "a{2}b{1,}c{2,5}", "x{,3}", "(?<name>a)\\k<name>", "[]a]", "[^]a]", "\\x{e9}\\o{101}\\0\\cA",
    ])
    func readsPoliciesPatterns(_ pattern: String) throws {
        _ = try Fixtures.tree(pattern)
    }

    @Test func recursionAndConditionalsAreOpaque() throws {
        for pattern in ["(a(?R)b)", "(?1)(a)", "(?(1)a|b)", "(*FAIL)", "(?P>n)(?<n>a)"] {
            #expect(try Fixtures.tree(pattern).root.witness == nil, "no name can be built through \(pattern)")
        }
    }

    @Test func classSubtractionIsReadAsPCRE2ReadsIt() throws {
        let tree = try Fixtures.tree("[a-z-[aeiou]]")
        #expect(tree.dotNetConstructs == [DotNetConstruct(kind: .classSubtraction, range: 4..<13)])
        // A class of a–z, '-', '[' and the vowels, then a literal ']'.
        guard case .sequence(let items) = tree.root.kind else {
            Issue.record("\(tree.root.kind)")
            return
        }
        #expect(items.count == 2)
        guard case .character(let last) = items[1].kind else {
            Issue.record("not a literal")
            return
        }
        #expect(last == ScalarSet("]"))
    }

    @Test func dollarsAreReadWithTheEngineOptions() throws {
        #expect(try Fixtures.tree("\\.pdf$").dotNetConstructs.isEmpty, "$ is end-only under DOLLAR_ENDONLY")
        #expect(try Fixtures.tree("\\.pdf\\Z").dotNetConstructs.map(\.kind) == [.endBeforeFinalNewline])
        #expect(try Fixtures.tree("(?m)\\.pdf$").dotNetConstructs.map(\.kind) == [.multilineDollar])
        #expect(try Fixtures.tree("(?m:a)\\.pdf$").dotNetConstructs.isEmpty, "(?m:…) ends with its group")
    }

    @Test func caseOptionsChangeWhatLettersMatch() throws {
        let caseless = try Fixtures.tree("p", caseInsensitive: true)
        let sensitive = try Fixtures.tree("(?-i)p", caseInsensitive: true)
        guard case .character(let both) = caseless.root.kind else {
            Issue.record("\(caseless.root)")
            return
        }
        #expect(both == ScalarSet("pP"))
        #expect(sensitive.root.firstCharacters == ScalarSet("p"))
    }

    @Test func witnessesAreNamesThePatternMatches() throws {
        #expect(try Fixtures.tree("^[a-z]{3}\\.pdf$").root.witness == "aaa.pdf")
        #expect(try Fixtures.tree("\\.(docx?|odt)$").root.witness == ".doc")
        #expect(try Fixtures.tree("^Relatório_\\d+\\.pdf$", caseInsensitive: false).root.witness == "Relatório_0.pdf")
        #expect(try Fixtures.tree("^R$").root.witness == "r", "lower case preferred when case does not matter")
    }

    @Test func endAnchors() throws {
        #expect(try Fixtures.tree("\\.pdf$").root.isEndAnchored)
        #expect(try Fixtures.tree("(\\.pdf|\\.doc)$").root.isEndAnchored)
        #expect(try Fixtures.tree("\\.pdf$|\\.doc$").root.isEndAnchored)
        #expect(try Fixtures.tree("\\.pdf\\z(?<!x\\.pdf)").root.isEndAnchored)
        #expect(try !Fixtures.tree("\\.pdf$|\\.doc").root.isEndAnchored)
        #expect(try !Fixtures.tree("\\.pdf").root.isEndAnchored)
    }

    @Test func matchesEveryName() throws {
        for pattern in [".*", "^", "a*", "(?:x|)", "^.*"] {
            #expect(try Fixtures.tree(pattern).root.matchesEveryName, "\(pattern)")
        }
        for pattern in ["a", "^$", "(?=x)", "\\b", "."] {
            #expect(try !Fixtures.tree(pattern).root.matchesEveryName, "\(pattern)")
        }
    }

    @Test func scalarSets() {
        let letters = ScalarSet(ranges: [97...122])
        #expect(letters.inverted().inverted() == letters)
        #expect(letters.intersection(ScalarSet("abc!")) == ScalarSet("abc"))
        #expect(ScalarSet(ranges: [1...3, 4...6, 10...12]).ranges == [1...6, 10...12])
        #expect(ScalarSet.all.inverted().isEmpty)
        #expect(ScalarSet("\u{1}\u{2}").sample == nil, "controls are never sampled")
        #expect(ScalarSet("Q").addingASCIICaseVariants() == ScalarSet("qQ"))
    }
}
