// swift-tools-version:6.0
// UploadGate's libFuzzer targets: a package of its own, so fuzzing never slows down or breaks the main build.
//
// Build and run through scripts/fuzz.sh (`make fuzz`), which passes `-sanitize=fuzzer,address` and
// `-enable-testing` to every module: the targets check engine invariants through `@testable` imports.
import PackageDescription

let package = Package(
    name: "UploadGateFuzz",
    dependencies: [
        .package(name: "UploadGate", path: "../.."),
    ],
    targets: [
        // The declaration of libFuzzer's LLVMFuzzerRunDriver; the symbol comes from -sanitize=fuzzer.
        .target(name: "CLibFuzzer", path: "Support/CLibFuzzer"),
        // What every target shares: the driver, invariant checks, the MIME database and the policies.
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CLibFuzzer",
                .product(name: "UploadPolicy", package: "UploadGate"),
            ],
            path: "Support/FuzzSupport"),

        .executableTarget(
            name: "FuzzPolicyLoader",
            dependencies: ["FuzzSupport", .product(name: "UploadPolicy", package: "UploadGate")],
            path: "PolicyLoader", exclude: ["corpus", "policy.dict"]),
        .executableTarget(
            name: "FuzzRequestCodec",
            dependencies: [
                "FuzzSupport", .product(name: "UploadPolicy", package: "UploadGate"),
                .product(name: "UploadGateServer", package: "UploadGate"),
                .product(name: "HTTPServer", package: "UploadGate"),
            ],
            path: "RequestCodec", exclude: ["corpus", "request.dict"]),
        .executableTarget(
            name: "FuzzEvaluation",
            dependencies: ["FuzzSupport", .product(name: "UploadPolicy", package: "UploadGate")],
            path: "Evaluation", exclude: ["corpus"]),
        .executableTarget(
            name: "FuzzMediaType",
            dependencies: ["FuzzSupport", .product(name: "UploadPolicy", package: "UploadGate")],
            path: "MediaType", exclude: ["corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
