// The reproduction behind the Data entry of lsan-suppressions.txt: a Data held by a `static let` until the
// process exits is reported as leaked, since its buffer pointer is stored with enum tag bits.
// Run: scripts/sanitizer-repros.sh
import Foundation

enum Fixtures {
    static let body = Data(#"{"name": "Contrato.pdf", "contentType": "application/pdf", "length": 1000}"#.utf8)
}

print("\(Fixtures.body.count) bytes, still referenced at exit")
