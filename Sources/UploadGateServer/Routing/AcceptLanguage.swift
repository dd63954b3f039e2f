import Foundation
public import UploadPolicy

/// Picks the reason language from an `Accept-Language` header (RFC 9110 §12.5.4): the supported language with
/// the highest quality; ties go to the earlier entry; `*` means English; no header or no match means English.
public enum AcceptLanguage {
    public static func language(for header: String?) -> Language {
        guard let header, !header.isEmpty else { return .english }
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let tag = parts.first?.trimmingCharacters(in: .whitespaces), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]) { quality = value }
            }
            guard quality > 0 else { continue }
            let language = tag == "*" ? Language.english : Language(tag: tag)
            if let language, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .english
    }
}
