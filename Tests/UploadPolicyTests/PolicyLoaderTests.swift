import Foundation
import Testing
import UploadPolicy

@Suite("Policy loading")
struct PolicyLoaderTests {
    @Test func reportsEveryProblemWithItsPath() {
        let errors = Fixtures.loadErrors(
            #"""
            { "id": "Bad Id", "titel": "x",
              "accept": [ { "label": "PDF", "name": "\\.pdf$", "typse": ["application/pdf"] },
                          { "label": "Broken", "name": "ação[a-" },
                          { "name": "\\.doc$", "types": ["not a type", "image/png; q=1"] } ],
              "limits": { "maxSize": -1, "minSize": "1" },
              "options": { "emptyType": "guess", "checks": { "bidiControl": false } } }
            """#)
        let expected = [
            "bad.json: accept[0].typse: unknown key 'typse'; did you mean 'types'? [policy.unknown_key]",
            "bad.json: accept[1].name: offset 7: missing terminating ] for character class [policy.pattern_invalid]",
            "bad.json: accept[2]: missing required key 'label' [policy.missing_key]",
            "bad.json: accept[2].types[0]: 'not a type' is not a MIME type; write type/subtype (e.g. application/pdf), "
                + "type/* or */*, without parameters [policy.type_invalid]",
            "bad.json: accept[2].types[1]: 'image/png; q=1' is not a MIME type; write type/subtype "
                + "(e.g. application/pdf), type/* or */*, without parameters [policy.type_invalid]",
            "bad.json: id: 'Bad Id' is not a valid id: use 1–64 lowercase letters, digits, '.', '_' or '-', "
                + "not starting with '.' or '-' [policy.invalid_value]",
            "bad.json: limits.maxSize: expected a whole number of at least 0 or null [policy.invalid_value]",
            "bad.json: limits.minSize: expected a number or null, found a string [policy.wrong_type]",
            "bad.json: options.checks.bidiControl: unknown key 'bidiControl'; did you mean 'bidiControls'? "
                + "[policy.unknown_key]",
            "bad.json: options.emptyType: 'guess' is not one of: infer, accept, reject [policy.invalid_value]",
            "bad.json: titel: unknown key 'titel'; did you mean 'title'? [policy.unknown_key]",
        ]
        #expect(errors.map(\.description).sorted() == expected.sorted())
        #expect(
            PolicyLoadErrors(errors).errors.map(\.path) == [
                "accept[0].typse", "accept[1].name", "accept[2]", "accept[2].types[0]", "accept[2].types[1]", "id",
                "limits.maxSize", "limits.minSize", "options.checks.bidiControl", "options.emptyType", "titel",
            ])
    }

    @Test func invalidJSONIsReportedWithTheFile() {
        let errors = Fixtures.loadErrors(#"{ "id": "x", "accept": [ }"#)
        #expect(errors.count == 1)
        #expect(errors.first?.code == .invalidJSON)
        #expect(errors.first?.description.hasPrefix("bad.json: not valid JSON") == true)
    }

    @Test func binaryJunkIsNotAPolicy() {
        var loader = PolicyLoader(mimeDatabase: Fixtures.mime)
        #expect(loader.load(data: Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 0xFF]), source: "junk.json") == nil)
        #expect(loader.errors.first?.code == .invalidJSON)
        #expect(loader.errors.first?.message.contains("is this a policy file?") == true)
    }

    @Test func wrongTopLevelShapes() {
        #expect(Fixtures.loadErrors("[]").map(\.message) == ["expected an object, found an array"])
        let errors = Fixtures.loadErrors(#"{ "id": "x", "accept": [] }"#)
        #expect(errors.map(\.description) == ["bad.json: accept: must list at least one item [policy.invalid_value]"])
        #expect(
            Fixtures.loadErrors(#"{ "accept": [ { "label": "a", "name": "a" } ] }"#).map(\.message)
                == ["missing required key 'id'"])
    }

    @Test func reasonPlaceholdersAreChecked() {
        let errors = Fixtures.loadErrors(
            #"""
            { "id": "x", "accept": [ { "label": "a", "name": "a" } ],
              "reasons": { "name.not_accepted": { "en": "Only {acepted}.", "pt-BR": "Só {accepted}." },
                           "name.not_acepted": "x" },
              "reject": [ { "name": "b", "reason": { "fr": "non" } } ] }
            """#)
        #expect(
            errors.map(\.path).sorted() == [
                "reasons.name.not_accepted.en", "reasons.name.not_acepted", "reject[0].reason.fr",
            ])
        #expect(
            errors.first { $0.code == .unknownPlaceholder }?.message.hasPrefix("unknown placeholder '{acepted}'")
                == true)
    }

    @Test func minSizeAboveMaxSizeIsRefused() {
        let errors = Fixtures.loadErrors(
            #"""
            { "id": "x", "accept": [ { "label": "a", "name": "a" } ], "limits": { "minSize": 10, "maxSize": 5 } }
            """#)
        #expect(errors.map(\.message) == ["minSize (10) is larger than maxSize (5)"])
    }

    @Test func examplesAreValidated() {
        let errors = Fixtures.loadErrors(
            #"""
            { "id": "x", "accept": [ { "label": "a", "name": "a" } ],
              "examples": [ { "name": "a", "expect": "yes" }, { "name": "a", "expect": "reject", "code": "name.bidi" },
                            { "expect": "accept", "lenght": 3 } ] }
            """#)
        #expect(
            errors.map(\.path).sorted() == [
                "examples[0].expect", "examples[1].code", "examples[2]", "examples[2].lenght",
            ])
    }

    @Test func directoryLoadsAllOrNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ug-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = #"{ "id": "good", "accept": [ { "label": "a", "name": "a" } ] }"#
        try good.write(to: directory.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
        try "notes".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)

        let set = try PolicySet.load(directory: directory.path, mimeDatabase: Fixtures.mime)
        #expect(set.defaultPolicy.id == "good", "the only policy is the default")

        try good.write(to: directory.appendingPathComponent("copy.json"), atomically: true, encoding: .utf8)
        try #"{ "id": "broken", "accept": [ { "label": "a", "name": "(" } ] }"#
            .write(to: directory.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        let failure = try #require(throws: PolicyLoadErrors.self) {
            try PolicySet.load(directory: directory.path, mimeDatabase: Fixtures.mime)
        }
        #expect(failure.errors.map(\.code) == [.invalidPattern, .duplicateID])
        #expect(failure.errors.map { ($0.file as NSString).lastPathComponent } == ["broken.json", "good.json"])
    }

    @Test func defaultPolicyMustBeClear() throws {
        let a = try Fixtures.policy(#"{ "id": "a", "accept": [ { "label": "a", "name": "a" } ] }"#)
        let b = try Fixtures.policy(#"{ "id": "b", "accept": [ { "label": "b", "name": "b" } ] }"#)
        #expect(throws: PolicyLoadError.self) { try PolicySet(policies: [a, b]) }
        #expect(try PolicySet(policies: [a, b], defaultPolicyID: "b").defaultPolicy.id == "b")
        let error = try #require(throws: PolicyLoadError.self) {
            try PolicySet(policies: [a, b], defaultPolicyID: "c")
        }
        #expect(error.message == "no policy has the id 'c' (ids: a, b)")
    }

    @Test("A file over the size limit is refused by its size, before it is read")
    func oversizedFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oversized-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(PolicyLoader.maxFileSize + 1))  // sparse: no 16 MiB written
        try handle.close()
        var loader = PolicyLoader(mimeDatabase: Fixtures.mime)
        #expect(loader.load(file: path) == nil)
        #expect(loader.errors.map(\.description) == [
            "\(path): is 16777217 bytes, more than a policy file may be (16777216 bytes); is it a policy? [policy.unreadable]"
        ])
    }

    @Test func missingDirectory() {
        let error = #expect(throws: PolicyLoadErrors.self) {
            try PolicySet.load(directory: "/nonexistent/policies", mimeDatabase: Fixtures.mime)
        }
        #expect(error?.description == "/nonexistent/policies: no such directory [policy.unreadable]")
    }
}
