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
        .executable(name: "uploadgate", targets: ["uploadgate"]),
    ],
    targets: [
        // C doors: system libraries found through pkg-config. Nothing else lives in them.
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(
            name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        // Non-variadic doors to the variadic libmicrohttpd calls Swift cannot make (see its header).
        .target(name: "CMicroHTTPDShim", dependencies: ["CMicroHTTPD"]),

        // The policy engine: pure, no network, no globals.
        .target(
            name: "UploadPolicy", dependencies: ["CPCRE2"],
            resources: [], swiftSettings: strictSettings),

        // A small Swift API over libmicrohttpd (request → response); no product logic.
        .target(
            name: "HTTPServer", dependencies: ["CMicroHTTPD", "CMicroHTTPDShim"],
            swiftSettings: strictSettings),

        // The command-line tool.
        .executableTarget(
            name: "uploadgate", dependencies: ["UploadPolicy"],
            swiftSettings: strictSettings),

        .testTarget(
            name: "UploadPolicyTests", dependencies: ["UploadPolicy"],
            resources: [.copy("Cases")], swiftSettings: strictSettings),
        .testTarget(
            name: "HTTPServerTests", dependencies: ["HTTPServer"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
