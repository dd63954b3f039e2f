import Foundation
import Testing

@testable import UploadPolicy

@Suite("Extension index for accept entries")
struct AcceptIndexTests {
    @Test(arguments: [
        ("\\.pdf$", ["pdf"]),
        ("\\.PDF$", ["pdf"]),
        ("\\.docx?$", ["doc", "docx"]),
        ("\\.(docx?|odt)$", ["doc", "docx", "odt"]),
        ("\\.(?:tar\\.gz|tgz)$", ["gz", "tgz"]),
        ("(\\.tar)?\\.gz$", ["gz"]),
        ("^[\\w ]+\\.pdf$", ["pdf"]),
        ("\\.pdf\\z", ["pdf"]),
        ("\\.hei[cf]$", ["heic", "heif"]),
        ("\\.jpe?g$|\\.png$", ["jpg", "jpeg", "png"]),
        ("(?i)\\.pdf$", ["pdf"]),
        ("(?i:\\.pdf)$", ["pdf"]),
        ("\\Q.pdf\\E$", ["pdf"]),
        ("(?<name>\\.pdf)$", ["pdf"]),
        ("\\.p(?#comment)df$", ["pdf"]),
    ])
    func pinsDownExtensions(_ pattern: String, _ expected: [String]) {
        #expect(LiteralSuffixAnalysis.requiredExtensions(of: pattern) == Set(expected), "\(pattern)")
    }

    @Test(arguments: [
        ".pdf$",  // unescaped dot: any character
        "\\.pdf",  // no end anchor
        "\\.pdf\\Z",  // \Z allows a final newline
        "\\.(pdf|x+)$",
        "\\.pdf(?=x)$",
        "\\.pdf$|anything",
        "(?m)\\.pdf$",  // multiline $
        "(?x)\\. pdf $",  // extended mode
        "\\.[a-z]$",
        "\\.[^x]df$",
        "pdf$",  // no dot in the literal tail
        "\\.\\w+$",
        "(?:\\.pdf)+$",
        "\\.pdf{1,2}$",
        "\\.(?(1)a|b)$",
        "(*UTF)\\.pdf$",
        "\\.pdſ$",  // non-ASCII: case folding could match ASCII
        "\\.(pdf$",
    ])
    func givesUpWhereUnsure(_ pattern: String) {
        #expect(LiteralSuffixAnalysis.requiredExtensions(of: pattern) == nil, "\(pattern)")
    }

    private var allChecksOff: String {
        "{" + BuiltInCheck.allCases.map { "\"\($0.rawValue)\": false" }.joined(separator: ", ") + "}"
    }

    /// The index must never change a decision: compare with trying every entry, over many names and patterns.
    @Test func indexedEvaluationEqualsBruteForce() throws {
        let patterns = [
            "\\.pdf$", "\\.docx?$", "^report.*\\.pdf$", "\\.(tar\\.gz|tgz)$", ".pdf$", "\\.p[dn]g$", "pdf",
            "\\.PNG$", "(\\.tar)?\\.xz$", "^[\\p{L} ]+\\.txt$", "\\.hei[cf]$", "\\.jpe?g$|\\.gif$",
        ]
        let entries = patterns.map {
            #"{ "label": "x", "name": "\#($0.replacingOccurrences(of: "\\", with: "\\\\"))" }"#
        }
        let policy = try Fixtures.policy(
            #"{ "id": "d", "accept": [\#(entries.joined(separator: ","))], "options": { "checks": \#(allChecksOff) } }"#
        )
        let compiled = try patterns.map { try CompiledPattern($0) }

        let stems = ["report", "a", "Ação", "x.pdf", "契約", "report.2024", ""]
        let extensions = [
            "pdf", "PDF", "Pdf", "docx", "doc", "tar.gz", "tgz", "gz", "png", "PNG", "pdg", "xz",
            "tar.xz", "txt", "heic", "HEIF", "jpeg", "jpg", "gif", "", "pdf.exe", "pdſ", "ｐｄｆ", "K",
        ]
        var checked = 0
        for stem in stems {
            for ext in extensions {
                for name in [stem + "." + ext, stem + ext] where !name.isEmpty {
                    let brute = compiled.firstIndex { $0.matches(name) == .match }
                    let decision = policy.decide(name)
                    let indexed = decision.isAccepted ? Int(decision.rule!.dropFirst(7).dropLast()) : nil
                    #expect(
                        indexed == brute,
                        "\(name): index picked \(String(describing: indexed)), brute force \(String(describing: brute))"
                    )
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
    }
}
