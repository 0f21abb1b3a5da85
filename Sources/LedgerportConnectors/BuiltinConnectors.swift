import HubSpotConnector
import LedgerportSDK
import OdooConnector
import StripeConnector

/// The one explicit list of the connector implementations built into Ledgerport.
///
/// The registry binds each entry to its spec in `connector-specs/` and refuses
/// to start when the two disagree, so adding a connector means adding its
/// type here and its spec file there.
package enum BuiltinConnectors {
    /// Every built-in connector type, one per `id@version`.
    package static let all: [any Connector.Type] = [
        StripeConnector.self,
        HubSpotConnector.self,
        OdooConnector.self,
    ]
}
