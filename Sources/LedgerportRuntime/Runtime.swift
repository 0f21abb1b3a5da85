import Foundation
import LedgerportConnectors
import LedgerportCore
import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import LedgerportSecrets
import LedgerportSQLite
import LedgerportStore
import LedgerportStoreSQLite

/// One Ledgerport runtime process: the store, the connectors, the HTTP server and the delivery engine.
///
/// ``open(configuration:environment:logger:clock:)`` builds everything and
/// fails before anything listens when the master key, the specs or the
/// store are wrong. ``run()`` serves until its task is cancelled, then stops
/// accepting requests, lets deliveries in flight finish and closes the store.
package final class Runtime: @unchecked Sendable {
    package let configuration: ServeConfiguration
    package let store: SQLiteStore
    package let registry: ConnectorRegistry
    package let metrics: MetricsRegistry
    package let alerts: AlertBook
    package let router: FlowRouter
    package let tenants: TenantDirectory
    package let connectors: ConnectorHost
    package let mappings: MappingCatalog
    package let engine: DeliveryEngine
    package let scheduler: ScheduledFlowRunner
    package let server: HTTPServer
    package let clock: any WallClock
    package let logger: Logger
    package let vault: SecretVault
    package let transport: any HTTPTransport
    package let readiness = Readiness()
    private let limits: TargetLimits

    private init(
        configuration: ServeConfiguration, store: SQLiteStore, registry: ConnectorRegistry, vault: SecretVault,
        mappingEnvironment: ValidationEnvironment, transport: any HTTPTransport, clock: any WallClock, logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.registry = registry
        self.clock = clock
        self.logger = logger
        self.vault = vault
        self.transport = transport
        metrics = MetricsRegistry()
        RuntimeMetrics.declare(in: metrics)
        alerts = AlertBook(store: store, logger: logger)
        router = FlowRouter(store: store, logger: logger)
        tenants = TenantDirectory(store: store)
        connectors = ConnectorHost(registry: registry, store: store, vault: vault, transport: transport, clock: clock, logger: logger)
        mappings = MappingCatalog(store: store, environment: mappingEnvironment)
        limits = TargetLimits()

        let processor = DeliveryProcessor(
            store: store, connectors: connectors, registry: registry, mappings: mappings, router: router, tenants: tenants,
            limits: limits, alerts: alerts, metrics: metrics, clock: clock, random: { Double.random(in: 0..<1) }, logger: logger
        )
        engine = DeliveryEngine(
            settings: .init(
                workers: configuration.deliveryWorkers, maximumInFlightPerTenant: configuration.maximumInFlightPerTenant,
                deliveriesPerBatch: configuration.deliveryBatchSize
            ),
            store: store, processor: processor, metrics: metrics, logger: logger
        )
        scheduler = ScheduledFlowRunner(
            store: store, router: router, connectors: connectors, registry: registry, mappings: mappings, tenants: tenants,
            alerts: alerts, clock: clock, logger: logger, onStored: { [engine] in engine.wake() }
        )
        let ingestor = WebhookIngestor(
            store: store, tenants: tenants, connectors: connectors, router: router, metrics: metrics, alerts: alerts, clock: clock,
            logger: logger, onStored: { [engine] in engine.wake() }
        )

        var routes = HTTPRouter()
        routes.add("POST", "/webhooks/{tenant}/{environment}/{connection}", ingestor.handler)
        routes.add("GET", "/health", .immediate { _, responder in responder.respond(.json(["status": "ok"])) })
        routes.add("GET", "/ready", readiness.handler)
        let deadLetterService = DeadLetterService(
            store: store, planner: DeliveryPlanner(store: store, connectors: connectors, mappings: mappings), clock: clock,
            wake: { [engine] in engine.wake() }, logger: logger
        )
        var workflow = ChangeRequestWorkflow(store: store)
        workflow.dryRun = ProposalDryRun(store: store, connectors: connectors, mappings: mappings)
        let adminAPI = AdminAPI(
            store: store, tenants: tenants, tokens: APITokenService(store: store), deadLetters: deadLetterService,
            storedEvents: StoredEventDeliverer(store: store, wake: { [engine] in engine.wake() }), workflow: workflow, alerts: alerts, router: router,
            connectors: connectors, registry: registry, secretRotation: SecretRotation(store: store, vault: vault, clock: clock),
            connectionConfigurator: ConnectionConfigurator(store: store), mappingPublisher: MappingPublisher(store: store, catalog: mappings),
            connectionURLHosts: ConnectionURLHosts(configuration.connectionURLHosts),
            clock: clock, logger: logger
        )
        adminAPI.register(in: &routes)
        adminAPI.registerMetricsRoute(in: &routes, requiresToken: configuration.metricsRequireToken) { [metrics] in metrics.exposition() }
        server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: configuration.listenAddress, port: UInt16(configuration.port), threadCount: configuration.httpThreads,
                maximumBodyBytes: configuration.maximumRequestBytes, connectionTimeoutSeconds: configuration.connectionTimeoutSeconds,
                connectionLimit: configuration.maximumConnections, connectionMemoryLimitBytes: Self.connectionMemoryBytes,
                bodyLimitSetting: "http.max_request_bytes"
            ),
            logger: logger, router: routes, onRejected: { [ingestor] rejection in ingestor.recordServerRejection(rejection) }
        )
    }

    /// The memory libmicrohttpd gives each connection for its header and I/O buffers, in bytes.
    ///
    /// libmicrohttpd clears the used part of this memory after every request,
    /// so it costs CPU time per webhook: 16 KiB instead of the server's
    /// default 64 KiB cut the CPU time per ingested event by about 7% in
    /// `ledgerport-bench ingest`. Header fields up to about 8 KiB still fit;
    /// larger ones get 431.
    static let connectionMemoryBytes = 16 * 1024

    /// Names where the specs folder came from for the start-up log. `serve` has no `--specs` option: a folder passed
    /// to the search as the option came from `specs_dir` in the configuration, or from `LEDGERPORT_SPECS_DIR`, which overrides it.
    static func specsSource(_ directory: SpecsDirectory, environment: [String: String]) -> String {
        guard directory.source == .option else {
            return directory.source.rawValue
        }
        let variable = environment[SpecsDirectory.environmentVariable] ?? ""
        return variable.isEmpty ? "specs_dir in the configuration" : SpecsDirectory.environmentVariable
    }

    /// Opens the store, checks the master key, loads the connector specs and builds the runtime, without listening yet.
    package static func open(
        configuration: ServeConfiguration, environment: [String: String], logger: Logger, clock: any WallClock = SystemClock()
    ) async throws -> Runtime {
        AllocatorTuning.apply()
        // Everything that can fail without the data folder is checked first, so a failed start leaves no empty folder.
        let masterKey = try MasterKey.load(environment: masterKeyEnvironment(configuration, environment))
        checkKeyFilePermissions(configuration, environment, logger: logger)

        let specsDirectory = try SpecsDirectory.locate(
            option: configuration.specsDirectory, environment: environment,
            // `arguments.first` is only the bare name when the executable was found through PATH.
            currentDirectory: FileManager.default.currentDirectoryPath, executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first
        )
        logger.info("connector specs", metadata: [
            "specs.path": .string(specsDirectory.path), "specs.found_through": .string(Self.specsSource(specsDirectory, environment: environment)),
        ])
        let registry = try ConnectorRegistry.load(specsDirectory: specsDirectory.path, implementations: BuiltinConnectors.all)
        let mappingEnvironment = try ValidationEnvironment.forRuntime(registry: registry)
        logger.info("data folder", metadata: [
            "file.path": .string(configuration.dataDirectory), "data_dir.found_through": .string(configuration.dataDirectoryOrigin),
        ])
        try DataFolder.create(atPath: configuration.dataDirectory)
        if let mode = DataFolder.modeOpenToOthers(atPath: configuration.dataDirectory) {
            logger.warning("data folder is readable by other users", metadata: [
                "file.path": .string(configuration.dataDirectory), "file.mode": .string(String(mode, radix: 8)), "hint": "run chmod 700 on it",
            ])
        }

        let path = (configuration.dataDirectory as NSString).appendingPathComponent(SQLiteStore.fileName)
        let synchronous: SQLiteSynchronousMode = configuration.sqliteSynchronous == "normal" ? .normal : .full
        let store = try await SQLiteStore.open(SQLiteConfiguration(path: path, synchronous: synchronous), clock: clock, logger: logger)
        let vault: SecretVault
        do {
            vault = try await SecretVault.open(masterKey: masterKey, store: store)
        } catch MasterKeyError.wrongKey {
            await store.close()
            throw RuntimeStartError.wrongMasterKey(keySource: keySource(configuration, environment), store: path)
        } catch {
            await store.close()
            throw error
        }
        let transport = CurlHTTPTransport(threadCount: 8)
        let runtime = Runtime(
            configuration: configuration, store: store, registry: registry, vault: vault, mappingEnvironment: mappingEnvironment,
            transport: transport, clock: clock, logger: logger
        )
        try await runtime.alerts.restore(from: store)
        return runtime
    }

    /// Names where the master key came from, for messages: the configured file, the file variable or the key variable.
    private static func keySource(_ configuration: ServeConfiguration, _ environment: [String: String]) -> String {
        if let file = configuration.masterKeyFile {
            return "file \"\(file)\" (master_key_file)"
        }
        if let file = environment[MasterKey.fileVariable], !file.isEmpty {
            return "file \"\(file)\" (\(MasterKey.fileVariable))"
        }
        return MasterKey.valueVariable
    }

    /// Warns when the master key file can be read by users other than its owner.
    private static func checkKeyFilePermissions(_ configuration: ServeConfiguration, _ environment: [String: String], logger: Logger) {
        guard let file = configuration.masterKeyFile ?? environment[MasterKey.fileVariable], !file.isEmpty,
            let permissions = (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int,
            permissions & 0o077 != 0
        else { return }
        logger.warning("master key file is readable by other users", metadata: [
            "file.path": .string(file), "file.mode": .string(String(permissions, radix: 8)), "hint": "run chmod 600 on it",
        ])
    }

    /// The environment `MasterKey.load` reads, with the configuration's key file taking the place of the variables.
    private static func masterKeyEnvironment(_ configuration: ServeConfiguration, _ environment: [String: String]) -> [String: String] {
        guard let file = configuration.masterKeyFile else {
            return environment
        }
        var adjusted = environment
        adjusted[MasterKey.valueVariable] = nil
        adjusted[MasterKey.fileVariable] = file
        return adjusted
    }

    /// The sweeper of stored payloads past the configured retention.
    package var retention: PayloadRetention {
        PayloadRetention(store: store, retentionDays: configuration.payloadRetentionDays, clock: clock, logger: logger)
    }

    /// Publishes mapping documents for this runtime's store.
    package var mappingPublisher: MappingPublisher {
        MappingPublisher(store: store, catalog: mappings)
    }

    /// Creates flows against this runtime's store and connectors.
    package var flowProvisioner: FlowProvisioner {
        FlowProvisioner(store: store, registry: registry)
    }

    /// Lists, replays and discards dead letters, with dry runs through this runtime's connectors.
    package var deadLetters: DeadLetterService {
        DeadLetterService(
            store: store, planner: DeliveryPlanner(store: store, connectors: connectors, mappings: mappings), clock: clock,
            wake: { [engine] in engine.wake() }, logger: logger
        )
    }

    /// The port the server listens on once ``run()`` started it.
    package var port: UInt16? {
        server.port
    }

    /// Starts listening and delivering; returns after the task is cancelled and everything stopped.
    ///
    /// Nothing in the store changes until this runtime holds the data
    /// folder's lock (see ``RuntimeFolderLock``) and listens on its port, so
    /// a second runtime started by mistake stops without touching the first
    /// one's deliveries.
    package func run(onListening: @Sendable (UInt16) -> Void = { _ in }) async throws {
        let folderLock = try RuntimeFolderLock.acquire(folder: configuration.dataDirectory)
        defer { folderLock.release() }
        try await router.reload()
        try await connectors.dropChangedConnections()
        let hosts = configuration.connectionURLHosts
        logger.info("admin API URL hosts", metadata: [
            "admin.connection_url_hosts": .string(hosts.isEmpty ? "none: URL fields change only through the command line" : hosts.joined(separator: ",")),
        ])
        logger.info("metrics access", metadata: [
            // Not `metrics.require_token`: the log redacts every key ending in `_token`.
            "metrics.access": .string(configuration.metricsRequireToken ? "an operator's bearer token (metrics.require_token true)" : "anyone (metrics.require_token false)"),
        ])
        readiness.markRoutesLoaded()
        try server.start()
        // Deliveries left in flight by an earlier process, which this one replaces, go back to pending before the engine starts.
        let released: Int
        do {
            released = try await store.releaseAllClaims()
        } catch {
            await server.stop()
            throw error
        }
        if released > 0 {
            logger.info("released deliveries claimed before a restart", metadata: ["delivery.count": .integer(Int64(released))])
        }
        onListening(server.port ?? 0)

        await withDiscardingTaskGroup { group in
            group.addTask {
                self.readiness.markEngineRunning()
                await self.engine.run()
            }
            group.addTask { await self.reloadPeriodically() }
            group.addTask { await self.scheduler.run() }
            group.addTask { await self.retention.run() }
            await Self.waitForCancellation()
            // Webhooks stop first; the engine then lets its batches in flight finish before the store closes.
            await server.stop()
            group.cancelAll()
        }
        await alerts.finishWrites()
        await store.close()
    }

    private func reloadPeriodically() async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 5_000_000_000)
            do {
                try await router.reload()
            } catch {
                logger.warning("reload flows failed", metadata: [LogMetadataKey.error: .string("\(error)")])
            }
            do {
                let dropped = try await connectors.dropChangedConnections()
                if dropped > 0 {
                    logger.info("rebuilding connectors of changed connections", metadata: ["connection.count": .integer(Int64(dropped))])
                }
            } catch {
                logger.warning("read changed connections failed", metadata: [LogMetadataKey.error: .string("\(error)")])
            }
        }
    }

    private static func waitForCancellation() async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
    }
}
