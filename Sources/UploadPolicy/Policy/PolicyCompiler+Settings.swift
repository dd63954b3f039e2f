extension PolicyCompiler {
    mutating func readOptions(_ value: JSONValue) -> Policy.Options {
        var options = Policy.Options.default
        let keys = ["caseInsensitive", "emptyType", "checks"]
        guard let members = reader.object(value, at: "options", allowed: keys) else { return options }
        if let flag = members["caseInsensitive"], let parsed = reader.bool(flag, at: "options.caseInsensitive") {
            options.caseInsensitive = parsed
        }
        if let text = members["emptyType"], let parsed = reader.string(text, at: "options.emptyType") {
            if let handling = Policy.EmptyTypeHandling(rawValue: parsed) {
                options.emptyType = handling
            } else {
                let values = Policy.EmptyTypeHandling.allCases.map(\.rawValue).joined(separator: ", ")
                reader.fail(.invalidValue, "options.emptyType", "'\(parsed)' is not one of: \(values)")
            }
        }
        if let checks = members["checks"] {
            let names = BuiltInCheck.allCases.map(\.rawValue)
            for (key, flag) in reader.object(checks, at: "options.checks", allowed: names) ?? [:] {
                guard let check = BuiltInCheck(rawValue: key),
                    let enabled = reader.bool(flag, at: "options.checks.\(key)")
                else { continue }
                if enabled { options.checks.insert(check) } else { options.checks.remove(check) }
            }
        }
        return options
    }

    mutating func readLimits(_ value: JSONValue) -> Policy.Limits {
        var limits = Policy.Limits.default
        let keys = ["maxNameBytes", "maxNameCharacters", "maxSize", "minSize"]
        guard let members = reader.object(value, at: "limits", allowed: keys) else { return limits }
        func read(_ key: String, minimum: Int64) -> Int64?? {
            members[key].flatMap { reader.integer($0, at: "limits.\(key)", minimum: minimum, nullable: true) }
        }
        if let parsed = read("maxNameBytes", minimum: 1) { limits.maxNameBytes = parsed.map { Int(clamping: $0) } }
        if let parsed = read("maxNameCharacters", minimum: 1) {
            limits.maxNameCharacters = parsed.map { Int(clamping: $0) }
        }
        if let parsed = read("maxSize", minimum: 0) { limits.maxSize = parsed }
        if let parsed = read("minSize", minimum: 0) { limits.minSize = parsed }
        if let minimum = limits.minSize, let maximum = limits.maxSize, minimum > maximum {
            reader.fail(.invalidValue, "limits.minSize", "minSize (\(minimum)) is larger than maxSize (\(maximum))")
        }
        return limits
    }

    mutating func readExamples(_ value: JSONValue) -> [PolicyExample] {
        guard let items = reader.array(value, at: "examples") else { return [] }
        var examples: [PolicyExample] = []
        let keys = ["name", "contentType", "length", "expect", "code", "note"]
        for (index, item) in items.enumerated() {
            let path = JSONReader.index("examples", index)
            guard let members = reader.object(item, at: path, allowed: keys) else { continue }
            let name = reader.required(members, "name", at: path).flatMap {
                reader.string($0, at: JSONReader.join(path, "name"))
            }
            var contentType: String?
            if let value = members["contentType"], value.kind != "null" {
                contentType = reader.string(value, at: JSONReader.join(path, "contentType"))
            }
            var length: Int64?
            if let value = members["length"] {
                length =
                    reader.integer(value, at: JSONReader.join(path, "length"), minimum: .min, nullable: true) ?? nil
            }
            var expectAccepted: Bool?
            if let value = reader.required(members, "expect", at: path),
                let text = reader.string(value, at: JSONReader.join(path, "expect"))
            {
                switch text {
                case "accept": expectAccepted = true
                case "reject": expectAccepted = false
                default:
                    reader.fail(.invalidValue, JSONReader.join(path, "expect"), "'\(text)' is not 'accept' or 'reject'")
                }
            }
            var code: DecisionCode?
            if let value = members["code"], let text = reader.string(value, at: JSONReader.join(path, "code")) {
                let known = ReasonCatalog.codes.map(\.rawValue) + [DecisionCode.accepted.rawValue]
                if known.contains(text) {
                    code = DecisionCode(rawValue: text)
                } else {
                    let hint = Suggestions.closest(to: text, among: known).map { "; did you mean '\($0)'?" } ?? ""
                    reader.fail(.invalidValue, JSONReader.join(path, "code"), "unknown decision code '\(text)'\(hint)")
                }
            }
            let note = members["note"].flatMap { reader.string($0, at: JSONReader.join(path, "note")) }
            guard let name, let expectAccepted else { continue }
            examples.append(
                PolicyExample(
                    path: path, candidate: FileCandidate(name: name, contentType: contentType, length: length),
                    expectAccepted: expectAccepted, expectCode: code, note: note))
        }
        return examples
    }
}
