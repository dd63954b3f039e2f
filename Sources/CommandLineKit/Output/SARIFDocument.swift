/// The SARIF 2.1.0 JSON shape of a `SARIFLog`, as Encodable types named after the spec's objects.
struct SARIFDocument: Encodable {
    struct Message: Encodable { let text: String }

    struct ReportingDescriptor: Encodable {
        struct Configuration: Encodable { let level: SARIFLog.Level }
        let id: String
        let shortDescription: Message
        let fullDescription: Message?
        let helpUri: String?
        let defaultConfiguration: Configuration
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String?
        let rules: [ReportingDescriptor]
    }

    struct Tool: Encodable { let driver: Driver }

    struct Region: Encodable {
        let startLine: Int?
        let startColumn: Int?
        let endLine: Int?
        let endColumn: Int?
    }

    struct ArtifactLocation: Encodable { let uri: String }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct LogicalLocation: Encodable { let fullyQualifiedName: String }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let logicalLocations: [LogicalLocation]?
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: SARIFLog.Level
        let message: Message
        let locations: [Location]
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind = "unicodeCodePoints"
        let results: [Result]
    }

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    let schema = SARIFLog.schemaURI
    let version = "2.1.0"
    let runs: [Run]

    init(_ log: SARIFLog) {
        let rules = log.rules.map {
            ReportingDescriptor(
                id: $0.id, shortDescription: Message(text: $0.shortDescription),
                fullDescription: $0.fullDescription.map(Message.init), helpUri: $0.helpURI,
                defaultConfiguration: .init(level: $0.defaultLevel))
        }
        let ruleIndex = Dictionary(log.rules.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let results = log.results.map { result in
            Result(
                ruleId: result.ruleID, ruleIndex: ruleIndex[result.ruleID], level: result.level,
                message: Message(text: result.message),
                locations: result.locations.map(Self.location))
        }
        let driver = Driver(
            name: log.toolName, version: log.toolVersion, informationUri: log.informationURI, rules: rules)
        runs = [Run(tool: Tool(driver: driver), results: results)]
    }

    private static func location(_ location: SARIFLog.Location) -> Location {
        let hasRegion = location.line != nil || location.column != nil
        let region = Region(
            startLine: location.line, startColumn: location.column, endLine: location.endLine,
            endColumn: location.endColumn)
        return Location(
            physicalLocation: PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: SARIFLog.uri(forPath: location.path)),
                region: hasRegion ? region : nil),
            logicalLocations: location.logicalName.map { [LogicalLocation(fullyQualifiedName: $0)] })
    }
}
