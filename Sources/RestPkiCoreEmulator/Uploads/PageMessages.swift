/// The texts the signature page shows next to a rejected file.
///
/// The pt-BR texts for a pattern mismatch and for an endpoint's reason are documented (the pt-BR file-validation
/// page and its screenshots: "Arquivo recusado (nome de arquivo fora do padrão)", "Arquivo recusado (Pedido não
/// encontrado: 100004)"); the English ones are their translation; the texts for a rejection without a reason and
/// for a failed call are the emulator's own (Rest PKI Core's are undocumented).
enum PageMessages {
    /// `File rejected (<reason>)`, or `File rejected` when the endpoint gave no reason.
    static func rejected(reason: String?, in language: RestPkiEmulator.PageLanguage) -> String {
        let head = language == .brazilianPortuguese ? "Arquivo recusado" : "File rejected"
        guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return head }
        return "\(head) (\(reason))"
    }

    /// The acceptable file name pattern did not match.
    static func patternMismatch(in language: RestPkiEmulator.PageLanguage) -> String {
        switch language {
        case .brazilianPortuguese: return "Arquivo recusado (nome de arquivo fora do padrão)"
        case .english: return "File rejected (file name does not follow the pattern)"
        }
    }

    /// The validation endpoint could not be asked (and failures reject).
    static func validationFailed(in language: RestPkiEmulator.PageLanguage) -> String {
        switch language {
        case .brazilianPortuguese: return "Arquivo recusado (não foi possível validar o arquivo)"
        case .english: return "File rejected (the file could not be validated)"
        }
    }
}
