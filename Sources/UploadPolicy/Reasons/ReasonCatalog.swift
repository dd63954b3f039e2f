/// The built-in reason texts, per code and language. Policies override them under `reasons`; reject rules may
/// carry their own. Texts tell the user what to do, and name what would be accepted where that helps.
enum ReasonCatalog {
    static func template(for code: DecisionCode, in language: Language) -> String {
        let texts = language == .brazilianPortuguese ? portuguese : english
        if let text = texts[code] { return text }
        return language == .brazilianPortuguese ? "Este arquivo não é aceito." : "This file is not accepted."
    }

    /// Every code with a built-in text.
    static var codes: [DecisionCode] { english.keys.sorted() }

    static let english: [DecisionCode: String] = [
        .emptyName: "The file has no name.",
        .controlCharacter: "The file name contains a control character ({character}). Rename the file and try again.",
        .bidiControl:
            "The file name contains a hidden text-direction character ({character}) that can disguise its real "
            + "extension. Rename the file and try again.",
        .invisibleCharacter:
            "The file name contains an invisible character ({character}). Rename the file and try again.",
        .pathSeparator:
            "The file name contains a folder path (“/” or “\\”). Only the file's own name is accepted.",
        .dotSegment: "“.” and “..” are not file names.",
        .surroundingSpace: "The file name starts or ends with a space. Remove the space and try again.",
        .trailingDot: "The file name ends with a dot. Remove the trailing dot and try again.",
        .reservedDeviceName:
            "“{device}” is a reserved name on Windows and cannot be used, even with an extension. Rename the file.",
        .hiddenExecutable:
            "The file name hides a program or script extension (“.{extension}”). Rename the file and try again.",
        .nameTooLongBytes:
            "The file name is too long ({nameBytes} bytes; at most {maxNameBytes} allowed). Shorten the name.",
        .nameTooLongCharacters:
            "The file name is too long ({nameCharacters} characters; at most {maxNameCharacters} allowed). "
            + "Shorten the name.",
        .rejectedByRule: "Files with this name are not accepted.",
        .notAccepted: "This kind of file is not accepted. Accepted: {accepted}.",
        .tooSmall: "The file is too small ({size}); the minimum is {minSize}.",
        .tooLarge: "The file is too large ({size}); the maximum is {maxSize}.",
        .invalidSize: "The file size is invalid.",
        .invalidType: "The file type reported by the browser (“{type}”) is not a valid type.",
        .typeMismatch:
            "The file's type ({type}) does not match its extension. Expected for “{label}”: {expectedTypes}.",
        .missingType: "The file's type could not be determined. Accepted: {accepted}.",
        .undeterminedType: "The file's type could not be determined from its name. Accepted: {accepted}.",
        .patternLimit: "The file name could not be checked. Try again with a shorter, simpler name.",
    ]

    static let portuguese: [DecisionCode: String] = [
        .emptyName: "O arquivo não tem nome.",
        .controlCharacter:
            "O nome do arquivo contém um caractere de controle ({character}). Renomeie o arquivo e tente novamente.",
        .bidiControl:
            "O nome do arquivo contém um caractere oculto de direção de texto ({character}) que pode disfarçar a "
            + "extensão real. Renomeie o arquivo e tente novamente.",
        .invisibleCharacter:
            "O nome do arquivo contém um caractere invisível ({character}). Renomeie o arquivo e tente novamente.",
        .pathSeparator:
            "O nome do arquivo contém um caminho de pasta (“/” ou “\\”). Apenas o nome do próprio arquivo é aceito.",
        .dotSegment: "“.” e “..” não são nomes de arquivo.",
        .surroundingSpace:
            "O nome do arquivo começa ou termina com um espaço. Remova o espaço e tente novamente.",
        .trailingDot: "O nome do arquivo termina com um ponto. Remova o ponto final e tente novamente.",
        .reservedDeviceName:
            "“{device}” é um nome reservado no Windows e não pode ser usado, nem com extensão. Renomeie o arquivo.",
        .hiddenExecutable:
            "O nome do arquivo esconde uma extensão de programa ou script (“.{extension}”). Renomeie o arquivo e "
            + "tente novamente.",
        .nameTooLongBytes:
            "O nome do arquivo é longo demais ({nameBytes} bytes; no máximo {maxNameBytes}). Encurte o nome.",
        .nameTooLongCharacters:
            "O nome do arquivo é longo demais ({nameCharacters} caracteres; no máximo {maxNameCharacters}). "
            + "Encurte o nome.",
        .rejectedByRule: "Arquivos com este nome não são aceitos.",
        .notAccepted: "Este tipo de arquivo não é aceito. Aceitos: {accepted}.",
        .tooSmall: "O arquivo é pequeno demais ({size}); o mínimo é {minSize}.",
        .tooLarge: "O arquivo é grande demais ({size}); o máximo é {maxSize}.",
        .invalidSize: "O tamanho do arquivo é inválido.",
        .invalidType: "O tipo de arquivo informado pelo navegador (“{type}”) não é um tipo válido.",
        .typeMismatch:
            "O tipo do arquivo ({type}) não corresponde à extensão. Esperado para “{label}”: {expectedTypes}.",
        .missingType: "Não foi possível determinar o tipo do arquivo. Aceitos: {accepted}.",
        .undeterminedType:
            "Não foi possível determinar o tipo do arquivo pelo nome. Aceitos: {accepted}.",
        .patternLimit:
            "Não foi possível verificar o nome do arquivo. Tente novamente com um nome mais curto e simples.",
    ]
}
