import UploadPolicy

/// A realistic, deterministic mix of upload inputs: names in several scripts and normal forms, hazardous names,
/// long names; types as browsers report them (right, empty, generic, quirky, wrong).
enum NameMix {
    static let stems = [
        "Contrato", "invoice-2024-03", "Relatorio final v2", "scan_0001", "Proposta Comercial",
        "Relatório_Anual",  // accented, NFC
        "Relato\u{301}rio de Visita",  // accented, NFD (macOS)
        "U\u{308}bersicht",  // NFD
        "契約書_第3版", "見積書", "عقد الإيجار", "Договор аренды", "Περίληψη",
        "👁\u{200D}🗨 scan", "Ação nº 12 (cópia)",
        String(repeating: "Relatório mensal de atividades ", count: 6),  // long
    ]

    static let hazards = [
        "contrato\u{202E}fdp.exe", "legit.pdf\u{0}.exe", "C:\\Users\\ana\\contrato.pdf", "CON.pdf",
        "avatar.php.png", "shell.php..", " espaço.pdf", "zero\u{200B}width.pdf", "~$Contrato.docx",
    ]

    static let extensions: [(ext: String, type: String)] = [
        ("pdf", "application/pdf"), ("PDF", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("odt", "application/vnd.oasis.opendocument.text"), ("txt", "text/plain"), ("csv", "text/csv"),
        ("xml", "application/xml"), ("rtf", "application/rtf"), ("png", "image/png"), ("jpg", "image/jpeg"),
        ("jpeg", "image/jpeg"), ("gif", "image/gif"), ("webp", "image/webp"), ("tiff", "image/tiff"),
        ("heic", "image/heic"), ("zip", "application/zip"), ("tar.gz", "application/gzip"),
        ("exe", "application/x-msdownload"), ("svg", "image/svg+xml"), ("html", "text/html"),
    ]

    /// `count` inputs, the same every run.
    static func make(count: Int) -> [FileCandidate] {
        var random = SeededRandom(seed: 0x5EED)
        var inputs: [FileCandidate] = []
        inputs.reserveCapacity(count)
        while inputs.count < count {
            if random.next(100) < 8 {
                inputs.append(FileCandidate(name: hazards[random.next(hazards.count)], contentType: "", length: 1000))
                continue
            }
            let stem = stems[random.next(stems.count)]
            let (ext, type) = extensions[random.next(extensions.count)]
            let reported: String
            switch random.next(100) {
            case 0..<65: reported = type
            case 65..<80: reported = ""
            case 80..<88: reported = "application/octet-stream"
            case 88..<94: reported = type == "image/jpeg" ? "image/jpg" : type + "; charset=UTF-8"
            default: reported = "application/pdf"
            }
            inputs.append(
                FileCandidate(name: stem + "." + ext, contentType: reported, length: Int64(random.next(5_000_000))))
        }
        return inputs
    }
}

/// A small deterministic generator (64-bit LCG), so every run measures the same inputs.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
