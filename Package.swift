// swift-tools-version:6.0
// UploadGate: a file-name validation endpoint and policy engine for document-signing services.
import PackageDescription

/// Swift settings shared by every Swift target: Swift 6 language mode plus the upcoming features that make
/// imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "UploadGate",
    products: [
        .library(name: "UploadPolicy", targets: ["UploadPolicy"]),
        .library(name: "RestPkiCore", targets: ["RestPkiCore"]),
        .library(name: "UploadGateServer", targets: ["UploadGateServer"]),
        .library(name: "PolicyLint", targets: ["PolicyLint"]),
        .library(name: "RestPkiCoreEmulator", targets: ["RestPkiCoreEmulator"]),
        // The endpoint's HTTP layer, for packages that drive the handler in process (the fuzz package in Tests/Fuzz).
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .executable(name: "uploadgate", targets: ["uploadgate"]),
        .executable(name: "session-client", targets: ["session-client"]),
    ],
    targets: [
        // C doors: system libraries found through pkg-config. Nothing else lives in them.
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(
            name: "CMagic", pkgConfig: "libmagic",
            providers: [.apt(["libmagic-dev"])]),
        .systemLibrary(
            name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(
            name: "CNettle", pkgConfig: "nettle",
            providers: [.apt(["nettle-dev"])]),
        // Non-variadic doors to the variadic libmicrohttpd calls Swift cannot make (see its header).
        .target(name: "CMicroHTTPDShim", dependencies: ["CMicroHTTPD"]),

        // The policy engine: pure, no network, no globals.
        .target(
            name: "UploadPolicy", dependencies: ["CPCRE2"],
            swiftSettings: strictSettings,
            // The toolchain's ICU, which Foundation is built on, for Unicode normalisation (UnicodeNormalizer).
            linkerSettings: [.linkedLibrary("_FoundationICU")]),

        // Policy analysis for `uploadgate lint`: pattern, type, reachability and example checks. Pure: it is
        // given bytes and returns findings; the command does the I/O.
        .target(
            name: "PolicyLint", dependencies: ["UploadPolicy"],
            swiftSettings: strictSettings),

        // Content sniffing: a thin Swift owner of a libmagic handle. Only this module imports CMagic.
        .target(
            name: "ContentSniffing", dependencies: ["CMagic"],
            swiftSettings: strictSettings),

        // The reusable command-line kit: table-driven argument scanner, help and error rendering, terminal
        // styling, progress bar, JSON / JUnit / SARIF writers. Pure Foundation; no product logic.
        .target(
            name: "CommandLineKit", dependencies: [],
            swiftSettings: strictSettings),

        // A small structured logger (swift-log's shape); only executables decide where lines go.
        .target(
            name: "UploadGateLogging", dependencies: [],
            swiftSettings: strictSettings),

        // A small Swift API over libmicrohttpd (request → response); no product logic.
        .target(
            name: "HTTPServer", dependencies: ["CMicroHTTPD", "CMicroHTTPDShim"],
            swiftSettings: strictSettings),

        // The validation endpoint: routes, wire codec, auth, metrics, decision log, reload.
        .target(
            name: "UploadGateServer",
            dependencies: ["UploadPolicy", "HTTPServer", "UploadGateLogging", "CNettle"],
            swiftSettings: strictSettings),

        // Client of the Rest PKI Core signature-sessions API (URLSession), with policy pre-checks.
        .target(
            name: "RestPkiCore", dependencies: ["UploadPolicy"],
            swiftSettings: strictSettings),

        // A faithful local stand-in for Rest PKI Core (the three session endpoints plus control routes), for
        // tests and examples. Built on the shared HTTP server; calls the file-validation URL like the real one.
        .target(
            name: "RestPkiCoreEmulator", dependencies: ["HTTPServer", "RestPkiCore", "UploadPolicy"],
            swiftSettings: strictSettings),

        // posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module hides (see its header).
        .target(name: "CSpawnShim"),
        // Starts and stops `uploadgate serve` as a child process (for the end-to-end tests and the example).
        .target(
            name: "UploadGateLauncher", dependencies: ["CSpawnShim"],
            swiftSettings: strictSettings),

        // The command-line tool.
        .executableTarget(
            name: "uploadgate",
            dependencies: [
                "UploadPolicy", "PolicyLint", "CommandLineKit", "ContentSniffing", "UploadGateServer",
                "UploadGateLogging",
                "HTTPServer",
            ],
            swiftSettings: strictSettings),

        // The runnable session example: pre-check, create, redirect, wait (emulator by default).
        .executableTarget(
            name: "session-client",
            dependencies: ["RestPkiCore", "RestPkiCoreEmulator", "UploadPolicy", "UploadGateLauncher"],
            path: "Examples/session-client", exclude: ["README.md"],
            swiftSettings: strictSettings),

        .testTarget(
            name: "UploadPolicyTests", dependencies: ["UploadPolicy"],
            exclude: ["Cases"], swiftSettings: strictSettings),
        .testTarget(
            name: "PolicyLintTests", dependencies: ["PolicyLint", "UploadPolicy"],
            exclude: ["BadPolicies"], swiftSettings: strictSettings),
        .testTarget(
            name: "CommandLineKitTests", dependencies: ["CommandLineKit"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ContentSniffingTests", dependencies: ["ContentSniffing"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HTTPServerTests", dependencies: ["HTTPServer", "CSpawnShim"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RestPkiCoreTests", dependencies: ["RestPkiCore", "UploadPolicy"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RestPkiCoreEmulatorTests", dependencies: ["RestPkiCoreEmulator", "RestPkiCore", "HTTPServer"],
            swiftSettings: strictSettings),
        // Client → emulator → the real `uploadgate serve` binary over loopback HTTP (the dependency builds it).
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "RestPkiCore", "RestPkiCoreEmulator", "UploadPolicy", "HTTPServer", "UploadGateLauncher", "uploadgate",
            ],
            swiftSettings: strictSettings),
        // The endpoint over real HTTP on loopback, in process and through the built `uploadgate serve` binary
        // (the dependency makes `swift test` build it).
        .testTarget(
            name: "UploadGateServerTests",
            dependencies: ["UploadGateServer", "UploadPolicy", "HTTPServer", "UploadGateLogging", "uploadgate"],
            swiftSettings: strictSettings),
        // Golden tests: drive the built `uploadgate` binary (the dependency makes `swift test` build it).
        .testTarget(
            name: "uploadgateTests", dependencies: ["uploadgate"],
            exclude: ["Snapshots", "Fixtures"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
