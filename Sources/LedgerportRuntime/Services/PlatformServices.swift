import Foundation
import LedgerportConnectors
import LedgerportCore
import LedgerportHTTPClient
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore

/// The runtime's services that need no server, for commands that work directly on a data folder's store.
///
/// `ledgerport flow create`, `mapping publish`, `change-request` and
/// `dead-letter` use it, so they apply the same rules as the admin API of a
/// running runtime. Without a ``SecretVault`` no connector can be built, so
/// dead-letter dry runs fail; every other action works.
package struct PlatformServices: Sendable {
    /// The data folder's store.
    package let store: any Store
    /// The connector specs and this build's implementations.
    package let registry: ConnectorRegistry
    /// Compiled mapping versions, validated against the registry.
    package let mappings: MappingCatalog
    private let connectors: ConnectorHost?
    private let clock: any WallClock
    private let logger: Logger

    /// Loads the connector specs of `specsDirectory` with this build's implementations.
    ///
    /// - Parameter vault: the opened secrets, when the master key is at hand; it enables dry runs.
    package init(store: any Store, specsDirectory: String, vault: SecretVault?, clock: any WallClock, logger: Logger) throws {
        self.store = store
        self.clock = clock
        self.logger = logger
        let registry = try ConnectorRegistry.load(specsDirectory: specsDirectory, implementations: BuiltinConnectors.all)
        self.registry = registry
        mappings = MappingCatalog(store: store, environment: try ValidationEnvironment.forRuntime(registry: registry))
        connectors = vault.map { vault in
            ConnectorHost(registry: registry, store: store, vault: vault, transport: CurlHTTPTransport(threadCount: 1), clock: clock, logger: logger)
        }
    }

    /// Publishes mapping documents as stored versions.
    package var mappingPublisher: MappingPublisher {
        MappingPublisher(store: store, catalog: mappings)
    }

    /// Creates flows with the event types their mapping reads.
    package var flowProvisioner: FlowProvisioner {
        FlowProvisioner(store: store, registry: registry)
    }

    /// Delivers stored events through a flow; it wakes no engine here, because the serving runtime polls its queue.
    package var storedEventDeliverer: StoredEventDeliverer {
        StoredEventDeliverer(store: store, wake: {})
    }

    /// The dry run of mapping proposals over stored events, or nil without the master key, which reading a source needs.
    package var proposalDryRun: ProposalDryRun? {
        connectors.map { ProposalDryRun(store: store, connectors: $0, mappings: mappings) }
    }

    /// The dead-letter service; replays wake no engine here, because the serving runtime polls its queue.
    package var deadLetters: DeadLetterService {
        let planner = connectors.map { DeliveryPlanner(store: store, connectors: $0, mappings: mappings) }
        return DeadLetterService(store: store, planner: planner, clock: clock, wake: {}, logger: logger)
    }
}
