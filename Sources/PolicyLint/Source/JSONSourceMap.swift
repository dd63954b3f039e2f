import UploadPolicy

/// A policy file's JSON text read with the position of every key and value, so that findings can name a line
/// and column (for the text report, editors and SARIF) and a caret can sit under one character of a pattern.
///
/// It is read by the engine's parser (``JSONParser/parseLocated(_:)``), so a file the engine refuses is refused
/// here with the same message and position. For every string it keeps where each decoded character came from,
/// so an offset inside a decoded pattern maps back to a column even across escapes such as `\\` or `\u00e9`.
struct JSONSourceMap: Sendable {
    /// A line and a column, both from 1; columns count Unicode scalars.
    typealias Position = TextPositions.Position

    /// A value with where it starts and ends (the end is just past its last character).
    struct Node: Sendable {
        indirect enum Value: Sendable {
            case object([Member])
            case array([Node])
            case string(StringText)
            /// `true`, `false`, `null` or a number, as written.
            case literal(String)
        }

        let value: Value
        let start: Position
        let end: Position
    }

    /// An object member: its key, where the key starts, and its value.
    struct Member: Sendable {
        let key: String
        let keyStart: Position
        let node: Node
    }

    /// A string value: the decoded text and the column each decoded scalar starts at (strings span one line).
    struct StringText: Sendable {
        let text: String
        let line: Int
        /// For each scalar of `text`, the column of its first source character; one more entry for the closing
        /// quote.
        let columns: [Int]

        /// The position of the decoded scalar at `offset` (clamped to the closing quote).
        func position(ofScalar offset: Int) -> Position {
            Position(line: line, column: columns[min(max(offset, 0), columns.count - 1)])
        }
    }

    let root: Node

    /// Reads `bytes` as JSON text.
    /// - Throws: ``JSONSyntaxError`` at the first problem: the engine's message, line and column.
    init(bytes: [UInt8]) throws(JSONSyntaxError) {
        let value = try JSONParser.parseLocated(bytes)
        root = Self.node(value, bytes: bytes, positions: TextPositions(bytes))
    }

    private static func node(_ value: LocatedJSONValue, bytes: [UInt8], positions: TextPositions) -> Node {
        let start = positions.position(ofByte: value.range.lowerBound)
        let content: Node.Value
        switch value.content {
        case .object(let members):
            content = .object(
                members.map {
                    Member(
                        key: $0.key, keyStart: positions.position(ofByte: $0.keyRange.lowerBound),
                        node: node($0.value, bytes: bytes, positions: positions))
                })
        case .array(let items):
            content = .array(items.map { node($0, bytes: bytes, positions: positions) })
        case .string(let text, let offsets):
            let columns = offsets.map { positions.position(ofByte: $0).column }
            content = .string(StringText(text: text, line: start.line, columns: columns))
        case .null, .bool, .integer, .number:
            content = .literal(String(decoding: bytes[value.range], as: UTF8.self))
        }
        return Node(value: content, start: start, end: positions.position(ofByte: value.range.upperBound))
    }

    /// What a JSON path (`accept[1].types[0]`, `reasons.name.not_accepted.en`) points at.
    struct Resolution: Sendable {
        /// The deepest node the path reaches.
        let node: Node
        /// The key of the last member on the path, when the path ends at an object member.
        let member: Member?
        /// Whether the whole path was found (false: `node` is the deepest existing ancestor).
        let isExact: Bool
    }

    /// Finds the node at a path as the engine writes them. Keys may contain dots (`name.not_accepted`): at each
    /// object the longest key that fits the rest of the path wins; for a duplicated key, the first occurrence,
    /// which is the one the engine uses.
    func resolve(_ path: String) -> Resolution {
        var node = root
        var member: Member?
        var rest = Substring(path)
        while !rest.isEmpty {
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
                let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                case .array(let items) = node.value, items.indices.contains(index)
            {
                node = items[index]
                member = nil
                rest = rest[rest.index(after: close)...]
            } else if case .object(let members) = node.value,
                let match = members.filter({
                    rest == $0.key || rest.hasPrefix($0.key + ".")
                        || rest.hasPrefix($0.key + "[")
                }).max(by: { $0.key.count < $1.key.count })
            {
                node = match.node
                member = match
                rest = rest.dropFirst(match.key.count)
            } else {
                return Resolution(node: node, member: member, isExact: false)
            }
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        return Resolution(node: node, member: member, isExact: true)
    }
}
