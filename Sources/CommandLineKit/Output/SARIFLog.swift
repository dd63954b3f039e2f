/// A SARIF 2.1.0 log with one run, for `lint --format sarif` (GitHub code scanning and other viewers read it).
///
/// Only the parts a linter needs: the tool with its rules, and results with a level, a message and where the
/// problem is (a file with line and column, and optionally a logical location such as `accept[1].name`).
/// Columns are counted in Unicode code points (`columnKind: unicodeCodePoints`), lines and columns from 1.
/// Rules are listed in the order given; each result's `ruleIndex` is filled in from its `ruleID`.
public struct SARIFLog: Sendable, Equatable {
    /// A result's severity, as SARIF names them.
    public enum Level: String, Sendable, Encodable {
        case error, warning, note, none
    }

    /// A kind of finding the tool reports (a lint check), with a stable id.
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var shortDescription: String
        public var fullDescription: String?
        public var helpURI: String?
        public var defaultLevel: Level

        public init(
            id: String, shortDescription: String, fullDescription: String? = nil, helpURI: String? = nil,
            defaultLevel: Level = .warning
        ) {
            self.id = id
            self.shortDescription = shortDescription
            self.fullDescription = fullDescription
            self.helpURI = helpURI
            self.defaultLevel = defaultLevel
        }
    }

    /// Where a result is: a file path, an optional position, an optional logical name.
    public struct Location: Sendable, Equatable {
        /// A relative or absolute file path; converted to a URI reference when written.
        public var path: String
        public var line: Int?
        public var column: Int?
        public var endLine: Int?
        public var endColumn: Int?
        /// A name inside the file, such as the JSON path `accept[1].name`.
        public var logicalName: String?

        public init(
            path: String, line: Int? = nil, column: Int? = nil, endLine: Int? = nil, endColumn: Int? = nil,
            logicalName: String? = nil
        ) {
            self.path = path
            self.line = line
            self.column = column
            self.endLine = endLine
            self.endColumn = endColumn
            self.logicalName = logicalName
        }
    }

    /// One finding.
    public struct Result: Sendable, Equatable {
        public var ruleID: String
        public var level: Level
        public var message: String
        public var locations: [Location]

        public init(ruleID: String, level: Level, message: String, locations: [Location] = []) {
            self.ruleID = ruleID
            self.level = level
            self.message = message
            self.locations = locations
        }
    }

    /// The tool's name (`uploadgate`).
    public var toolName: String
    public var toolVersion: String
    public var informationURI: String?
    public var rules: [Rule]
    public var results: [Result]

    public init(
        toolName: String, toolVersion: String, informationURI: String? = nil, rules: [Rule], results: [Result]
    ) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        self.results = results
    }

    /// The schema every log names.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The log as JSON text, keys sorted, ending in a newline.
    ///
    /// - Throws: `EncodingError` (not expected for these types).
    public func json() throws -> String {
        try JSONOutput.encode(SARIFDocument(self))
    }

    /// A file path as a SARIF URI reference: relative paths stay relative with `/` separators and every byte
    /// outside RFC 3986's unreserved set percent-encoded; absolute paths become `file://` URIs.
    public static func uri(forPath path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
