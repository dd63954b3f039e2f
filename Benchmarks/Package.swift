// swift-tools-version:6.0
// UploadGate benchmarks: a separate package so `swift test` never builds them. Run `make bench` at the root.
import PackageDescription

let package = Package(
    name: "UploadGateBenchmarks",
    dependencies: [.package(name: "UploadGate", path: "..")],
    targets: [
        // The floor the engine is compared with: a plain C loop over pcre2_jit_match.
        .target(name: "CPCRE2Floor", linkerSettings: [.linkedLibrary("pcre2-8")]),
        .executableTarget(
            name: "EngineBenchmark",
            dependencies: ["CPCRE2Floor", .product(name: "UploadPolicy", package: "UploadGate")],
            path: "Sources/EngineBenchmark"),
        // The worst case of bounded evaluation: catastrophic patterns against adversarial names.
        .executableTarget(
            name: "WorstCaseBenchmark", dependencies: [.product(name: "UploadPolicy", package: "UploadGate")]),
        .executableTarget(
            name: "HandlerBenchmark",
            dependencies: [
                .product(name: "UploadGateServer", package: "UploadGate"),
                .product(name: "UploadPolicy", package: "UploadGate"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
