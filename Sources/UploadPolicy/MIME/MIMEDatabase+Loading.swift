import Foundation

extension MIMEDatabase {
    /// Where Debian's shared-mime-info package keeps its compiled database.
    public static let defaultDirectory = "/usr/share/mime"

    /// Reads `aliases`, `subclasses`, `types` and `globs2` from a shared-mime-info directory.
    /// - Parameter directory: The database directory; `/usr/share/mime` unless overridden.
    /// - Throws: ``MIMEDatabaseError`` naming the missing or unreadable file.
    public static func load(from directory: String = defaultDirectory) throws -> MIMEDatabase {
        func lines(_ name: String) throws -> [Substring] {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw MIMEDatabaseError(
                    file: path,
                    message: "cannot read the MIME database; install Debian's shared-mime-info package "
                        + "or point UploadGate at another shared-mime-info directory")
            }
            return String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        }

        var aliases: [String: String] = [:]
        for line in try lines("aliases") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            aliases[parts[0].lowercased()] = parts[1].lowercased()
        }
        for (alias, canonical) in BrowserQuirks.aliases where aliases[alias] == nil {
            aliases[alias] = aliases[canonical] ?? canonical
        }

        var parents: [String: [String]] = [:]
        for line in try lines("subclasses") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            parents[parts[0].lowercased(), default: []].append(parts[1].lowercased())
        }

        let knownTypes = Set(try lines("types").map { $0.lowercased() })
        let resolved = aliases
        let globs = GlobTable(globs2Lines: try lines("globs2"), canonical: { resolved[$0] ?? $0 })

        return MIMEDatabase(
            directory: directory, aliases: aliases, ancestors: closure(of: parents), knownTypes: knownTypes,
            globs: globs)
    }

    /// Every ancestor of every type that has a parent, following `subclasses` transitively and adding the
    /// implicit `text/plain` parent of every `text/*` type.
    private static func closure(of parents: [String: [String]]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for type in parents.keys {
            var seen = Set<String>()
            var queue = [type]
            while let next = queue.popLast() {
                var direct = parents[next] ?? []
                if next.hasPrefix("text/"), next != "text/plain" { direct.append("text/plain") }
                for parent in direct where seen.insert(parent).inserted { queue.append(parent) }
            }
            result[type] = seen
        }
        return result
    }
}
