public import Foundation

/// Builds policies from JSON files, collecting every problem before anything is used.
///
/// Mutable while loading; yields immutable ``Policy`` values and, through ``makeSet(defaultPolicyID:)``, a
/// ``PolicySet``. A file with any problem yields no policy, and a set with any problem is refused whole.
public struct PolicyLoader {
    /// The MIME database types are resolved against.
    public let mimeDatabase: MIMEDatabase
    /// Policies loaded so far without problems.
    public private(set) var policies: [Policy] = []
    /// Every problem found so far.
    public private(set) var errors: [PolicyLoadError] = []
    /// The folders loaded, as given; a set-level problem (no default) names the folder when there is one.
    private var directories: [String] = []

    /// The largest policy file read, 16 MiB, as `uploadgate lint` and `test` read them.
    public static let maxFileSize = 16 << 20

    public init(mimeDatabase: MIMEDatabase) {
        self.mimeDatabase = mimeDatabase
    }

    /// Loads one policy file.
    /// - Parameter path: The file; it is named in errors exactly as given.
    /// - Returns: The policy, or nil when the file has problems (see ``errors``).
    @discardableResult
    public mutating func load(file path: String) -> Policy? {
        // A policy is a few kilobytes; anything this large is the wrong file, and is refused before it is read.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > Self.maxFileSize
        {
            let message = "is \(size) bytes, more than a policy file may be (\(Self.maxFileSize) bytes); is it a policy?"
            errors.append(PolicyLoadError(code: .unreadable, file: path, path: "", message: message))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let message = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "cannot be read"
            errors.append(PolicyLoadError(code: .unreadable, file: path, path: "", message: message))
            return nil
        }
        return load(data: data, source: path)
    }

    /// Loads one policy from JSON bytes.
    /// - Parameters:
    ///   - data: The policy file's bytes.
    ///   - source: The name to give in errors (a path, or `<embedded>`).
    /// - Returns: The policy, or nil when it has problems (see ``errors``).
    @discardableResult
    public mutating func load(data: Data, source: String) -> Policy? {
        let json: JSONValue
        do {
            json = try JSONParser.parse([UInt8](data))
        } catch {
            let looksBinary = data.prefix(64).contains { $0 < 0x09 || (0x0E..<0x20).contains($0) }
            let message = "not valid JSON\(looksBinary ? " (is this a policy file?)" : ""): \(error)"
            errors.append(PolicyLoadError(code: .invalidJSON, file: source, path: "", message: message))
            return nil
        }
        var compiler = PolicyCompiler(reader: JSONReader(file: source), mimeDatabase: mimeDatabase)
        let policy = compiler.compile(json, contentHash: Self.digest(data))
        errors += compiler.reader.errors
        guard let policy, compiler.reader.errors.isEmpty else { return nil }
        policies.append(policy)
        return policy
    }

    /// Loads every `*.json` file of a directory (not recursively; hidden files skipped), in name order.
    public mutating func load(directory: String) {
        directories.append(directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
            let message =
                !exists ? "no such directory" : !isDirectory.boolValue ? "is not a directory" : "cannot be read"
            errors.append(PolicyLoadError(code: .unreadable, file: directory, path: "", message: message))
            return
        }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        if files.isEmpty {
            errors.append(
                PolicyLoadError(
                    code: .unreadable, file: directory, path: "", message: "contains no *.json policy files"))
        }
        for name in files { load(file: (directory as NSString).appendingPathComponent(name)) }
    }

    /// The loaded policies as a set, or every problem found.
    /// - Parameter defaultPolicyID: The policy `POST /validate` uses; when nil, the one with id `default`, or the
    ///   only one.
    /// - Throws: ``PolicyLoadErrors`` with every problem of every file, duplicate ids, and a missing default.
    public func makeSet(defaultPolicyID: String? = nil) throws(PolicyLoadErrors) -> PolicySet {
        var problems = errors
        var seen: [String: String] = [:]
        for policy in policies {
            if let first = seen[policy.id] {
                problems.append(
                    PolicyLoadError(
                        code: .duplicateID, file: policy.source, path: "id",
                        message: "id '\(policy.id)' is already used by \(first)"))
            } else {
                seen[policy.id] = policy.source
            }
        }
        guard problems.isEmpty else { throw PolicyLoadErrors(problems) }
        do {
            return try PolicySet(
                policies: policies, defaultPolicyID: defaultPolicyID,
                source: directories.count == 1 ? directories.first : nil)
        } catch {
            throw PolicyLoadErrors([error])
        }
    }

    /// FNV-1a over the bytes, as 16 hex digits: tells policy versions apart in `/policies` and logs.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
