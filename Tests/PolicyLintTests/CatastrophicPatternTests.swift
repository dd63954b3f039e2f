import Testing

@testable import PolicyLint

/// The patterns bounded evaluation is measured with (UploadPolicyTests' BoundedEvaluationTests,
/// Benchmarks/WorstCaseBenchmark) are each reported by lint as an error: a name within the default limits
/// makes the engine give up on them.
@Suite("Catastrophic patterns are confirmed")
struct CatastrophicPatternTests {
    @Test(arguments: [
        #"^(a+)+$"#, #"^(\w+\s?)*$"#, #"(a|a)*b"#, #"(.*a){12}"#, #"^(a|aa)+$"#, #"(a|a){0,14}bc"#, #"\w*_\w*_\w*!"#,
        #"(.*.*a)*b"#, #".*.*=.*x"#,
    ])
    func isAnError(_ pattern: String) throws {
        let finding = try #require(Fixtures.lint(pattern: pattern).first { $0.id == .catastrophicPattern })
        #expect(finding.severity == .error, "\(finding.message)")
        #expect(finding.message.contains("confirmed"))
    }
}
