// swift-tools-version: 6.0
//
// Ledgerport: a connector platform that writes subscription and revenue
// events into Odoo exactly once. The targets below are layered:
//
//   C system libraries   CSQLite, CCurl, CCrypto, CMicroHTTPD
//   Wrappers             LedgerportSQLite, LedgerportCrypto, LedgerportHTTP, ...
//   SDK                  LedgerportSDK, which re-exports LedgerportLog: every type a connector uses
//   Connectors           Plugins/* (import only LedgerportSDK)
//   Platform             LedgerportCore, LedgerportStore*, LedgerportMapping, ...
//   Executables          ledgerport, ledgerport-bench
import PackageDescription

let package = Package(
    name: "Ledgerport",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "LedgerportSDK", targets: ["LedgerportSDK"]),
        .library(name: "LedgerportLog", targets: ["LedgerportLog"]),
    ],
    targets: [
        // MARK: C system libraries, installed from Debian.

        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        // Linux's epoll from glibc, for the benchmarks' load generator.
        .systemLibrary(name: "CEpoll"),

        // MARK: Swift wrappers, one per C library.

        .target(name: "LedgerportCrypto", dependencies: ["CCrypto"]),

        // MARK: The SDK that connector authors build against.

        .target(name: "LedgerportLog"),
        .target(name: "LedgerportSDK", dependencies: ["LedgerportLog", "LedgerportCrypto"]),
        .testTarget(name: "LedgerportLogTests", dependencies: ["LedgerportLog", "LedgerportSDK"]),
        .testTarget(name: "LedgerportSDKTests", dependencies: ["LedgerportSDK"]),
        .testTarget(name: "LedgerportCryptoTests", dependencies: ["LedgerportCrypto"]),

        // MARK: Storage: SQLite wrapper, store protocol and implementations, secrets.

        // A few writes per commit to SQLite's write-ahead log, instead of two per frame.
        .target(name: "CSQLiteWALBuffer", dependencies: ["CSQLite"]),
        .target(name: "LedgerportSQLite", dependencies: ["CSQLite", "CSQLiteWALBuffer", "LedgerportCrypto"]),
        .target(name: "LedgerportStore", dependencies: ["LedgerportSDK"]),
        .target(
            name: "LedgerportStoreSQLite",
            dependencies: ["LedgerportStore", "LedgerportSQLite", "LedgerportSDK", "LedgerportLog"]
        ),
        .target(name: "LedgerportSecrets", dependencies: ["LedgerportStore", "LedgerportSDK", "LedgerportCrypto"]),
        .testTarget(name: "LedgerportSQLiteTests", dependencies: ["LedgerportSQLite"]),
        .testTarget(
            name: "LedgerportStoreTests",
            dependencies: ["LedgerportStore", "LedgerportStoreSQLite", "LedgerportSQLite", "LedgerportSecrets", "LedgerportSDK"]
        ),

        // MARK: HTTP: libcurl client and libmicrohttpd server.

        .target(name: "LedgerportHTTPClient", dependencies: ["CCurl", "LedgerportSDK"]),
        .target(name: "LedgerportHTTPServer", dependencies: ["CMicroHTTPD", "LedgerportSDK", "LedgerportLog"]),
        .testTarget(
            name: "LedgerportHTTPTests",
            dependencies: ["LedgerportHTTPClient", "LedgerportHTTPServer", "LedgerportSDK", "LedgerportLog"]
        ),

        // MARK: Specs, JSON Schema, registry and the CLI.

        .target(name: "LedgerportJSONSchema", dependencies: ["LedgerportSDK"]),
        .target(name: "LedgerportCore", dependencies: ["LedgerportSDK", "LedgerportJSONSchema", "LedgerportLog"]),
        // The one explicit list of built-in connector implementations; it imports the plugin targets.
        .target(
            name: "LedgerportConnectors",
            dependencies: ["LedgerportSDK", "StripeConnector", "HubSpotConnector", "OdooConnector"]
        ),
        // The command framework and every `ledgerport` command; the executable only calls it.
        .target(
            name: "LedgerportCommands",
            dependencies: [
                "LedgerportSDK", "LedgerportCore", "LedgerportConnectors", "LedgerportJSONSchema", "LedgerportLog",
                "LedgerportStore", "LedgerportStoreSQLite", "LedgerportSQLite", "LedgerportSecrets",
                "StripeConnector", "LedgerportHTTPClient", "LedgerportMapping", "LedgerportOdooSandbox",
                "LedgerportDemo", "LedgerportRuntime",
            ]
        ),
        .executableTarget(name: "ledgerport", dependencies: ["LedgerportCommands"], path: "Sources/LedgerportCLI"),
        .testTarget(name: "LedgerportJSONSchemaTests", dependencies: ["LedgerportJSONSchema", "LedgerportSDK"]),
        .testTarget(
            name: "LedgerportCoreTests",
            dependencies: ["LedgerportCore", "LedgerportConnectors", "LedgerportJSONSchema", "LedgerportSDK", "LedgerportLog"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "LedgerportCommandsTests",
            dependencies: ["LedgerportCommands", "LedgerportCore", "LedgerportSDK", "StripeConnector", "LedgerportChildProcess", "ledgerport"],
            exclude: ["Fixtures"]
        ),

        // MARK: Source connectors: Stripe and HubSpot.

        .target(
            name: "StripeConnector",
            dependencies: ["LedgerportSDK"],
            path: "Plugins/StripeConnector"
        ),
        .target(
            name: "HubSpotConnector",
            dependencies: ["LedgerportSDK"],
            path: "Plugins/HubSpotConnector"
        ),
        .testTarget(
            name: "StripeConnectorTests",
            dependencies: [
                "StripeConnector", "LedgerportSDK", "LedgerportLog", "LedgerportHTTPClient", "LedgerportHTTPServer", "LedgerportTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HubSpotConnectorTests",
            dependencies: ["HubSpotConnector", "LedgerportSDK", "LedgerportLog"],
            exclude: ["Fixtures"]
        ),

        // MARK: Odoo sandbox.

        .target(
            name: "LedgerportOdooSandbox",
            dependencies: ["LedgerportSDK", "LedgerportLog", "LedgerportSQLite", "LedgerportHTTPServer"]
        ),
        .testTarget(
            name: "LedgerportOdooSandboxTests",
            dependencies: ["LedgerportOdooSandbox", "LedgerportSDK", "LedgerportLog", "LedgerportHTTPClient", "LedgerportChildProcess", "ledgerport"],
            resources: [.copy("Fixtures")]
        ),

        // MARK: Odoo target connector.

        .target(
            name: "OdooConnector",
            dependencies: ["LedgerportSDK"],
            path: "Plugins/OdooConnector"
        ),
        .testTarget(
            name: "OdooConnectorTests",
            dependencies: [
                "OdooConnector", "LedgerportSDK", "LedgerportLog", "LedgerportHTTPClient", "LedgerportHTTPServer", "LedgerportOdooSandbox",
            ],
            exclude: ["Fixtures"]
        ),
        .executableTarget(
            name: "OdooConnectorBench",
            dependencies: ["OdooConnector", "LedgerportHTTPClient", "LedgerportSDK", "LedgerportLog"],
            path: "Benchmarks/OdooConnectorBench"
        ),

        // MARK: Mappings.

        // The data files mappings are checked against and the default mappings, bundled as resources.
        .target(
            name: "LedgerportMappingData",
            path: "mappings",
            exclude: ["README.md"],
            resources: [.copy("canonical"), .copy("defaults"), .copy("mapping.schema.json")]
        ),
        .target(
            name: "LedgerportMapping",
            dependencies: ["LedgerportSDK", "LedgerportCore", "LedgerportJSONSchema", "LedgerportMappingData"]
        ),
        .testTarget(
            name: "LedgerportMappingTests",
            dependencies: ["LedgerportMapping", "LedgerportCore", "LedgerportJSONSchema", "LedgerportSDK", "LedgerportLog", "StripeConnector"],
            resources: [.copy("Fixtures")]
        ),

        // MARK: Runtime.

        // Helpers shared by test targets, such as a localstripe server on loopback; no product depends on it.
        // Child processes for tests and the bench, spawned without Foundation's Process (see ChildProcess).
        .target(name: "CChildProcess"),
        .target(name: "LedgerportChildProcess", dependencies: ["CChildProcess"]),
        .target(name: "LedgerportTestSupport", dependencies: ["LedgerportHTTPClient", "LedgerportSDK", "LedgerportChildProcess"]),

        .testTarget(
            name: "LedgerportSystemTests",
            dependencies: [
                "LedgerportRuntime", "LedgerportDemo", "LedgerportOdooSandbox", "LedgerportStore", "LedgerportStoreSQLite",
                "LedgerportSQLite", "LedgerportSDK", "LedgerportHTTPClient", "StripeConnector", "LedgerportCrypto", "LedgerportLog",
                "LedgerportTestSupport", "LedgerportChildProcess", "LedgerportSecrets", "ledgerport",
            ]
        ),

        // The month of Stripe events the demo plays, bundled as resources.
        .target(name: "LedgerportDemoData", path: "demo", exclude: ["README.md"], resources: [.copy("stripe-month")]),
        .target(
            name: "LedgerportDemo",
            dependencies: [
                "LedgerportRuntime", "LedgerportDemoData", "LedgerportOdooSandbox", "LedgerportMapping", "LedgerportStore",
                "LedgerportSDK", "LedgerportLog", "LedgerportCore", "StripeConnector", "LedgerportHTTPClient", "LedgerportSecrets", "LedgerportCrypto",
            ]
        ),

        .target(
            name: "LedgerportRuntime",
            dependencies: [
                "LedgerportSDK", "LedgerportLog", "LedgerportStore", "LedgerportSecrets", "LedgerportCore",
                "LedgerportHTTPServer", "LedgerportHTTPClient", "LedgerportMapping", "LedgerportConnectors",
                "LedgerportStoreSQLite", "LedgerportSQLite", "LedgerportCrypto",
            ]
        ),
        .testTarget(name: "LedgerportRuntimeTests", dependencies: ["LedgerportRuntime", "LedgerportSDK"]),
        // The admin API, dead letters and replay, over real HTTP against a runtime and the Odoo sandbox.
        .testTarget(
            name: "LedgerportAdminTests",
            dependencies: [
                "LedgerportRuntime", "LedgerportStore", "LedgerportOdooSandbox", "LedgerportMapping", "LedgerportHTTPClient",
                "LedgerportSDK", "LedgerportLog", "LedgerportCrypto", "StripeConnector", "LedgerportCommands", "LedgerportSQLite",
            ],
            resources: [.copy("Fixtures")]
        ),

        // MARK: Benchmarks.

        // The scenarios of `ledgerport-bench` (ingest, deliver, replay, tenants), run on loopback against the real runtime.
        .target(
            name: "LedgerportBenchmarks",
            dependencies: [
                "LedgerportRuntime", "LedgerportDemo", "LedgerportDemoData", "LedgerportHTTPServer", "LedgerportHTTPClient",
                "LedgerportOdooSandbox", "LedgerportStore", "LedgerportSDK", "LedgerportLog", "StripeConnector", "OdooConnector",
                "LedgerportCrypto", "CEpoll", "LedgerportChildProcess",
            ]
        ),
        .executableTarget(name: "ledgerport-bench", dependencies: ["LedgerportBenchmarks"], path: "Sources/LedgerportBenchCLI"),
        .testTarget(
            name: "LedgerportBenchmarksTests",
            dependencies: ["LedgerportBenchmarks", "LedgerportSDK", "ledgerport", "ledgerport-bench"]
        ),
    ]
)
