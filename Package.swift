// swift-tools-version:6.1
import PackageDescription

/// Baomi (保密) — secrecy-management system.
///
/// Layout (see README "代码结构"):
/// - `Kernel`: pure domain types shared by every area — levels, markings, periods, the working-day calendar.
/// - `Accounts`: pure rules for accounts, 三员分立, passwords and the access decision.
/// - `Organisation`: the organisation as every area sees it — units, departments, persons, accounts and the acting user.
/// - `Classification`: pure rules of 定密 — authority, officers, catalogue, the life of a state secret.
/// - `Carriers`: pure rules of 国家秘密载体 — production to destruction, removable media (R-CA, R-MD).
/// - `Audit`: the hash-chained audit log's canonical encoding and verification.
/// - `Storage`: the shared storage — the database (SQLite embedded default, PostgreSQL), the one migration list, the audit
///   store, the access filter, and what every operation needs (`Services`: clock, policies, one refusal audit path).
/// - `OrganisationServices`, `ClassificationServices`, `CarrierServices`: one service target per area — its stores
///   (internal), services, 待办 provider, demo data and sweep work. One area reads another only through its service API.
/// - `Areas`: the areas together — the 待办 of every area, the daily sweep, the demo.
/// - `BaomiApp`: the Hummingbird 2 application — web UI and JSON API.
/// - `baomi`: the thin command-line executable.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    // Every module a file uses is imported by that file and declared by its target (no imports that build by accident).
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "baomi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "baomi", targets: ["baomi"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Only the render benchmark: the figures that chose the project's own HTML layer over Plot.
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        .target(
            name: "Kernel",
            resources: [.copy("CalendarData")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Accounts",
            dependencies: ["Kernel"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Organisation",
            dependencies: ["Kernel", "Accounts"],
            path: "Sources/Organisation/Rules",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Classification",
            dependencies: ["Kernel", "Accounts"],
            path: "Sources/Classification/Rules",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Carriers",
            dependencies: ["Kernel", "Accounts", "Organisation", "Tabular"],
            path: "Sources/Carriers/Rules",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Tabular",
            dependencies: ["Kernel", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Personnel",
            dependencies: ["Kernel", "Accounts", "Tabular"],
            path: "Sources/Personnel/Rules",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Audit",
            dependencies: ["Kernel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Kernel", "Accounts", "Audit", "Organisation",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OrganisationServices",
            dependencies: [
                "Storage", "Kernel", "Accounts", "Audit", "Organisation",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            path: "Sources/Organisation/Services",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ClassificationServices",
            dependencies: [
                "Storage", "OrganisationServices", "Kernel", "Accounts", "Audit", "Organisation", "Classification",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Sources/Classification/Services",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CarrierServices",
            dependencies: [
                "Tabular", "Storage", "OrganisationServices", "ClassificationServices", "Kernel", "Accounts", "Audit", "Organisation", "Classification",
                "Carriers",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Sources/Carriers/Services",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PersonnelServices",
            dependencies: [
                "Tabular", "Storage", "OrganisationServices", "ClassificationServices", "CarrierServices", "Kernel", "Accounts", "Audit", "Organisation",
                "Carriers",
                "Personnel",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Sources/Personnel/Services",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Areas",
            dependencies: [
                "Storage", "OrganisationServices", "Kernel", "Organisation", "Audit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BenchSeed",
            dependencies: [
                "Storage", "OrganisationServices", "Kernel", "Accounts", "Audit", "Carriers",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            // The generator (Sources/BenchSeed) and each area's volume (Sources/<Area>/Bench), one module.
            path: "Sources",
            sources: ["BenchSeed", "Organisation/Bench", "Classification/Bench", "Carriers/Bench", "Personnel/Bench"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BaomiApp",
            dependencies: [
                "Tabular", "Kernel", "Accounts", "Audit", "Organisation", "Classification", "Carriers", "Storage", "OrganisationServices",
                "ClassificationServices",
                "CarrierServices", "Areas", "Personnel", "PersonnelServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The shell (Sources/BaomiApp) and each area's web part (Sources/<Area>/Web), one module: the areas' pages
            // and API share the shell's page and API helpers.
            path: "Sources",
            sources: [
                "BaomiApp/AppConfiguration.swift", "BaomiApp/Application+build.swift", "BaomiApp/Area.swift", "BaomiApp/DataDirectory.swift", "BaomiApp/HTTP",
                "BaomiApp/Shell",
                "Organisation/Web", "Classification/Web", "Carriers/Web", "Personnel/Web",
            ],
            resources: [.copy("BaomiApp/Public")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RenderBench",
            dependencies: ["BaomiApp", .product(name: "Plot", package: "Plot")],
            path: "Benchmarks/RenderBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "baomi",
            dependencies: [
                "BaomiApp", "Storage", "OrganisationServices", "ClassificationServices", "CarrierServices", "Areas", "Kernel", "Accounts", "Audit",
                "Organisation", "BenchSeed",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KernelTests",
            dependencies: ["Kernel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AccountsTests",
            dependencies: ["Accounts", "Kernel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OrganisationTests",
            dependencies: ["Organisation", "Accounts", "Kernel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ClassificationTests",
            dependencies: ["Classification", "Kernel", "Accounts"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CarriersTests",
            dependencies: ["Carriers", "Kernel", "Accounts", "Organisation"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PersonnelServicesTests",
            dependencies: [
                "BaomiApp", "Tabular", "TestSupport", "Storage", "OrganisationServices", "ClassificationServices", "CarrierServices", "PersonnelServices",
                "Areas",
                "Kernel",
                "Accounts", "Audit", "Organisation", "Classification", "Carriers", "Personnel",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PersonnelTests",
            dependencies: ["Personnel", "Kernel", "Accounts"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuditTests",
            dependencies: ["Audit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SkeletonAreaTests",
            dependencies: [
                "BaomiApp", "TestSupport", "Storage", "Kernel", "Organisation", "OrganisationServices",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "BaomiApp", "Storage", "OrganisationServices", "CarrierServices", "Carriers", "Areas", "Kernel", "Accounts", "Organisation",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OrganisationServicesTests",
            dependencies: [
                "BaomiApp", "TestSupport", "Storage", "OrganisationServices", "PersonnelServices", "Areas", "Kernel", "Accounts", "Audit", "Organisation",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ClassificationServicesTests",
            dependencies: [
                "TestSupport", "Storage", "OrganisationServices", "ClassificationServices", "Areas", "Kernel", "Accounts", "Audit", "Organisation",
                "Classification",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CarrierServicesTests",
            dependencies: [
                "Tabular", "TestSupport", "Storage", "OrganisationServices", "ClassificationServices", "CarrierServices", "Areas", "Kernel", "Accounts",
                "Audit",
                "Organisation", "Classification", "Carriers",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BenchSeedTests",
            dependencies: [
                "BenchSeed", "TestSupport", "Storage", "OrganisationServices", "ClassificationServices", "CarrierServices", "Audit", "Organisation",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BaomiAppTests",
            dependencies: [
                "Tabular", "BaomiApp", "TestSupport", "Storage", "OrganisationServices", "ClassificationServices", "CarrierServices", "Areas", "Kernel",
                "Accounts",
                "Audit", "Organisation", "Classification",
                "Carriers", "Personnel", "PersonnelServices",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
