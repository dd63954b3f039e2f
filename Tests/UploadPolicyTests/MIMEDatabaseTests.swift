import Testing
import UploadPolicy

@Suite("shared-mime-info database")
struct MIMEDatabaseTests {
    let mime = Fixtures.mime

    @Test(arguments: [
        ("image/pjpeg", "image/jpeg"),
        ("image/jpg", "image/jpeg"),
        ("application/x-zip-compressed", "application/zip"),
        ("text/x-csv", "text/csv"),
        ("text/xml", "application/xml"),
        ("application/x-pdf", "application/pdf"),
        ("image/heic", "image/heif"),
        ("application/x-gzip", "application/gzip"),
        ("application/pdf", "application/pdf"),
        ("x-unknown/thing", "x-unknown/thing"),
    ])
    func canonicalNames(_ alias: String, _ canonical: String) {
        #expect(mime.canonical(alias) == canonical)
    }

    @Test func subclassHierarchy() {
        #expect(mime.isKind("text/csv", of: "text/plain"))
        #expect(mime.isKind("text/x-python", of: "text/plain"), "text/* is implicitly text/plain")
        #expect(
            mime.isKind(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                of: "application/zip"))
        #expect(mime.isKind("application/x-compressed-tar", of: "application/gzip"))
        #expect(mime.isKind("image/png", of: "application/octet-stream"))
        #expect(mime.isKind("image/pjpeg", of: "image/jpeg"), "aliases resolve on both sides")
        #expect(!mime.isKind("text/plain", of: "text/csv"))
        #expect(!mime.isKind("application/pdf", of: "image/png"))
    }

    @Test(arguments: [
        ("contrato.pdf", "application/pdf"),
        ("CONTRATO.PDF", "application/pdf"),
        ("dataset.tar.gz", "application/x-compressed-tar"),
        ("dataset.TAR.GZ", "application/x-compressed-tar"),
        ("dataset.gz", "application/gzip"),
        ("photo.jpg", "image/jpeg"),
        ("scan.heic", "image/heif"),
        ("notes.txt", "text/plain"),
        ("Makefile", "text/x-makefile"),
        ("page.3", "application/x-troff-man"),
    ])
    func typeFromFileName(_ name: String, _ type: String) {
        #expect(mime.type(forFileName: name) == type)
    }

    @Test func unknownExtensionHasNoType() {
        #expect(mime.type(forFileName: "file.zzzunknown") == nil)
        #expect(mime.type(forFileName: "noextension") == nil)
    }

    @Test func knownTypes() {
        #expect(mime.isKnown("application/pdf"))
        #expect(mime.isKnown("image/pjpeg"))
        #expect(!mime.isKnown("application/x-made-up"))
        #expect(mime.globs(for: "application/pdf").contains("*.pdf"))
    }

    @Test func missingDirectoryNamesTheFile() throws {
        let error = try #require(throws: MIMEDatabaseError.self) { try MIMEDatabase.load(from: "/nonexistent/mime") }
        #expect(error.file == "/nonexistent/mime/aliases")
        #expect(error.description.contains("shared-mime-info"))
    }
}
