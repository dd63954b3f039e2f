/// Walks a parsed policy file, checking shapes and collecting every problem with its JSON path.
struct JSONReader {
    let file: String
    private(set) var errors: [PolicyLoadError] = []

    init(file: String) { self.file = file }

    mutating func fail(_ code: PolicyLoadError.Code, _ path: String, _ message: String, offset: Int? = nil) {
        errors.append(PolicyLoadError(code: code, file: file, path: path, offset: offset, message: message))
    }

    /// An object whose keys must all be in `allowed`; reports each unknown key, with a suggestion.
    mutating func object(_ value: JSONValue, at path: String, allowed: [String]) -> [String: JSONValue]? {
        guard case .object(let ordered) = value else {
            fail(.wrongType, path, "expected an object, found \(value.kind)")
            return nil
        }
        var members: [String: JSONValue] = [:]
        for (key, member) in ordered {
            if members[key] != nil {
                fail(.duplicateKey, Self.join(path, key), "key '\(key)' appears more than once; keep one")
            } else {
                members[key] = member
            }
        }
        for key in members.keys.sorted() where !allowed.contains(key) {
            var message = "unknown key '\(key)'"
            if let suggestion = Suggestions.closest(to: key, among: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of: \(allowed.filter { !$0.hasPrefix("$") }.joined(separator: ", "))"
            }
            fail(.unknownKey, Self.join(path, key), message)
        }
        return members
    }

    /// A required member of an object.
    mutating func required(_ members: [String: JSONValue], _ key: String, at path: String) -> JSONValue? {
        guard let value = members[key] else {
            fail(.missingKey, path, "missing required key '\(key)'")
            return nil
        }
        return value
    }

    mutating func string(_ value: JSONValue, at path: String, nonEmpty: Bool = false) -> String? {
        guard case .string(let text) = value else {
            fail(.wrongType, path, "expected a string, found \(value.kind)")
            return nil
        }
        if nonEmpty, text.isEmpty {
            fail(.invalidValue, path, "must not be empty")
            return nil
        }
        return text
    }

    mutating func bool(_ value: JSONValue, at path: String) -> Bool? {
        guard case .bool(let flag) = value else {
            fail(.wrongType, path, "expected true or false, found \(value.kind)")
            return nil
        }
        return flag
    }

    /// A whole number at least `minimum`; `null` is allowed (and returned as `.some(nil)`) when `nullable`.
    mutating func integer(_ value: JSONValue, at path: String, minimum: Int64, nullable: Bool = false) -> Int64?? {
        switch value {
        case .null where nullable:
            return .some(nil)
        case .integer(let number) where number >= minimum:
            return .some(number)
        case .integer, .number:
            fail(.invalidValue, path, "expected a whole number of at least \(minimum)\(nullable ? " or null" : "")")
            return nil
        default:
            fail(.wrongType, path, "expected a number\(nullable ? " or null" : ""), found \(value.kind)")
            return nil
        }
    }

    mutating func array(_ value: JSONValue, at path: String, nonEmpty: Bool = false) -> [JSONValue]? {
        guard case .array(let items) = value else {
            fail(.wrongType, path, "expected an array, found \(value.kind)")
            return nil
        }
        if nonEmpty, items.isEmpty {
            fail(.invalidValue, path, "must list at least one item")
            return nil
        }
        return items
    }

    /// A plain string (every language) or an object keyed by language tag.
    mutating func localizedText(_ value: JSONValue, at path: String) -> LocalizedText? {
        let tags = Language.allCases.map(\.rawValue)
        switch value {
        case .string:
            return displayText(value, at: path).map(LocalizedText.init)
        case .object:
            guard let members = object(value, at: path, allowed: tags) else { return nil }
            var texts: [Language: String] = [:]
            for (key, text) in members {
                guard let language = Language(rawValue: key) else { continue }
                if let text = displayText(text, at: Self.join(path, key)) { texts[language] = text }
            }
            if members.isEmpty { fail(.invalidValue, path, "give the text in at least one language") }
            return texts.isEmpty ? nil : LocalizedText(texts)
        default:
            let expected = "a string or an object keyed by language (\(tags.joined(separator: ", ")))"
            fail(.wrongType, path, "expected \(expected), found \(value.kind)")
            return nil
        }
    }

    /// A non-empty string that users will read (a title, label or reason), so without control characters:
    /// a NUL or an escape sequence in a reason would reach the signing service's page or a terminal.
    private mutating func displayText(_ value: JSONValue, at path: String) -> String? {
        guard let text = string(value, at: path, nonEmpty: true) else { return nil }
        if let control = text.unicodeScalars.first(where: { CharacterClasses.isControl($0.value) }) {
            fail(.invalidValue, path, "contains the control character \(NameInspector.codePoint(control)); "
                + "texts shown to users cannot hold control characters")
            return nil
        }
        return text
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func index(_ path: String, _ index: Int) -> String { "\(path)[\(index)]" }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// The candidate closest to `word` when it is close enough to be a likely typo (case ignored).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(3, best.0.count / 3)) ? best.0 : nil
    }

    /// Edit distance between two strings, by characters: insertions, deletions, substitutions and swaps of
    /// neighbours each cost one (optimal string alignment), so `typse` is one step from `types`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
