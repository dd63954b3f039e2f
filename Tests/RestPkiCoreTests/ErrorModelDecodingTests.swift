import Foundation
import Testing

@testable import RestPkiCore

@Suite("Decoding ErrorModelV2")
struct ErrorModelDecodingTests {
    @Test("The documented not-found example")
    func notFound() throws {
        let body = try decode(ErrorModelV2.self, Samples.sessionNotFound)
        #expect(body.code == .signatureSessionNotFound)
        #expect(body.message?.hasPrefix("Signature session not found") == true)
        #expect(body.detail == nil)
        #expect(body.details == nil)
        #expect(body.validationResults == nil)
    }

    @Test("A validation error with nested results, unknown item types and mixed-type details")
    func validationError() throws {
        let body = try decode(ErrorModelV2.self, Samples.validationError)
        #expect(body.code == .validationError)
        #expect(body.details == ["field": "certificate", "attempt": "2", "flag": "true"])
        let results = try #require(body.validationResults)
        #expect(results.passedChecks?.first?.type == .success)
        #expect(results.errors?.count == 2)
        #expect(results.errors?[0].type == .certificateExpired)
        #expect(results.errors?[0].innerValidationResults?.errors?.first?.type == .certificateRevoked)
        #expect(results.errors?[1].type?.rawValue == "SomeFutureCheck")
        #expect(results.warnings == nil)
        #expect(results.summary.hasPrefix("3 errors (CertificateExpired: The certificate expired on 2020-01-01"))
    }

    @Test(
        "Fields of the wrong type are dropped, the rest is kept",
        arguments: [
            "{\"code\":\"DocumentNotFound\",\"message\":42}",
            "{\"code\":\"DocumentNotFound\",\"details\":[1,2]}",
            "{\"code\":\"DocumentNotFound\",\"validationResults\":\"oops\"}",
            "{\"code\":\"DocumentNotFound\",\"detail\":{\"x\":1}}",
        ])
    func wrongTypes(json: String) throws {
        let body = try decode(ErrorModelV2.self, json)
        #expect(body.code == .documentNotFound)
    }

    @Test("Unknown codes are kept verbatim")
    func unknownCode() throws {
        let body = try decode(ErrorModelV2.self, "{\"code\":\"QuotaExceeded\",\"message\":\"Too many sessions\"}")
        #expect(body.code?.rawValue == "QuotaExceeded")
        #expect(body.code?.isDocumented == false)
    }

    @Test("An empty object decodes to an empty model; a non-object does not decode")
    func emptyAndNonObject() throws {
        let empty = try decode(ErrorModelV2.self, "{}")
        #expect(empty == ErrorModelV2())
        #expect(!empty.isMeaningful)
        #expect(throws: DecodingError.self) { try decode(ErrorModelV2.self, "\"error\"") }
    }
}
