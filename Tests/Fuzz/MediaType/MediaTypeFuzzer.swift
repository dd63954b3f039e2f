import FuzzSupport
@testable import UploadPolicy

/// Fuzzes the MIME type parser and the MIME database lookups a decision makes with a reported type.
///
/// Input: any bytes, read as UTF-8 (invalid sequences become U+FFFD, as the request decoder would have
/// refused them). Invariants:
/// - ``MediaType/init(parsing:)`` agrees with a step-by-step implementation of the WHATWG algorithm
///   (``WHATWGMIMEType``) on failure, essence and parameters;
/// - the allocation-free fast path ``MediaType/essence(of:isOneOf:)`` agrees with the parser;
/// - an essence re-parses to itself; canonical names are fixed points; kinds are reflexive and everything is
///   an `application/octet-stream`;
/// - a policy `types` entry (``TypeRule``) parses exactly when the type has no parameters, and admits itself.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    let parsed = MediaType(parsing: text)
    let reference = WHATWGMIMEType(parsing: text)

    invariant((parsed == nil) == (reference == nil), "parse failure differs from WHATWG for \(debug(text))")
    guard let parsed, let reference else {
        invariant(!MediaType.essence(of: text, isOneOf: [Array("a/b".utf8)]), "fast path accepts \(debug(text))")
        return 0
    }
    invariant(parsed.essence == reference.essence, "essence \(parsed.essence) ≠ WHATWG \(reference.essence)")
    invariant(
        parsed.parameters.elementsEqual(reference.parameters) { $0.name == $1.name && $0.value == $1.value },
        "parameters \(parsed.parameters) ≠ WHATWG \(reference.parameters) for \(debug(text))")
    invariant(parsed.type + "/" + parsed.subtype == parsed.essence, "type/subtype split of \(parsed.essence)")
    invariant(MediaType.essence(of: text, isOneOf: [Array(parsed.essence.utf8)]), "fast path misses \(debug(text))")
    invariant(MediaType(parsing: parsed.essence)?.essence == parsed.essence, "essence does not re-parse")

    let database = FuzzFixtures.mimeDatabase
    let canonical = database.canonical(parsed.essence)
    invariant(database.canonical(canonical) == canonical, "canonical(\(parsed.essence)) = \(canonical) is an alias")
    invariant(database.isKind(canonical, of: canonical), "\(canonical) is not a kind of itself")
    invariant(database.isKind(canonical, of: MIMEDatabase.genericType), "\(canonical) is not an octet-stream")
    _ = database.globs(for: parsed.essence)
    _ = database.type(forFileName: text)

    let rule = TypeRule(text, database: database)
    let isRule = parsed.parameters.isEmpty && (parsed.type != "*" || parsed.subtype == "*")
    invariant((rule != nil) == isRule, "TypeRule accepts \(debug(text)) inconsistently")
    if let rule, case .kind = rule {
        invariant(rule.admits(canonical, database: database), "TypeRule(\(debug(text))) does not admit itself")
    }
    return 0
}

/// The text with its scalars spelled out, for messages.
private func debug(_ text: String) -> String {
    text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }
        .joined()
}
