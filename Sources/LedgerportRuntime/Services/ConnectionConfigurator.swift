import Foundation
import LedgerportCore
import LedgerportJSONSchema
import LedgerportSDK
import LedgerportStore

/// Changes fields of a connection's plain configuration: merges the changes, checks the result against the connector spec, stores it.
///
/// A value sets its field and `null` removes it, and fields not named keep
/// their values. Nothing is stored unless the whole result fits the spec.
/// Secret fields are rejected, because ``SecretRotation`` changes them. The
/// command line and the admin API both configure through it, and the admin
/// API also limits the hosts of URL fields (``ConnectionURLHosts``).
package struct ConnectionConfigurator: Sendable {
    /// The outcome of one change.
    package struct Outcome: Sendable {
        package let connection: Connection
        /// The fields whose value the change altered, sorted; empty when every value was already as requested.
        package let changedFields: [String]
    }

    package let store: any Store

    package init(store: any Store) {
        self.store = store
    }

    /// Applies `changes` to `connection` and stores the result, audited as `connection.configured` by `actor`.
    ///
    /// - Parameter urlHosts: the hosts a changed `uri` field may name; nil allows any.
    /// - Throws: ``ConnectionConfigurationError`` before anything is stored, or a ``StoreError``.
    package func configure(
        _ changes: JSONObject, connection: Connection, spec: ConnectorSpec, urlHosts: ConnectionURLHosts?, actor: String
    ) async throws -> Outcome {
        guard !changes.isEmpty else {
            throw ConnectionConfigurationError.noChanges(connection: connection.id)
        }
        if let secret = changes.keys.sorted().first(where: { spec.configuration[$0]?.secret == true }) {
            throw ConnectionConfigurationError.secretField(secret, connection: connection.id, connector: spec.reference)
        }
        if let urlHosts {
            try Self.checkURLHosts(changes, spec: spec, allowed: urlHosts, connection: connection.id)
        }
        let secretNames = Set(try await store.secretValues(connection: connection.id, field: nil, tenant: connection.tenantID).map(\.field))
        var read = connection
        for attempt in 1... {
            let current = read.configuration.objectValue ?? [:]
            let merged = Self.merge(changes, into: current)
            let issues = spec.validateConfiguration(values: merged, secretNames: secretNames)
            guard issues.isEmpty else {
                throw ConnectionConfigurationError.invalid(issues, connection: connection.id, connector: spec.reference)
            }
            // A field set to the value it has, or removed while absent, is no change: it is neither reported nor audited.
            let changed = changes.keys.filter { merged[$0] != current[$0] }.sorted()
            guard !changed.isEmpty else {
                return Outcome(connection: read, changedFields: [])
            }
            do {
                // Stored only over the configuration the merge started from, so a change to other fields
                // stored in between is kept: the merge then starts again from the newer configuration.
                let stored = try await store.setConnectionConfiguration(
                    .object(merged), replacing: read.configuration, connection: connection.id, tenant: connection.tenantID, actor: actor)
                return Outcome(connection: stored, changedFields: changed)
            } catch let error as StoreError where error.code == .conflict && attempt < Self.attempts {
                read = try await store.connection(connection.id, tenant: connection.tenantID)
            }
        }
        preconditionFailure("the loop returns or throws")
    }

    /// How many times a change is merged into a configuration that others keep changing before the conflict is reported.
    private static let attempts = 5

    /// Returns `configuration` with each change applied: a value sets its field, `null` removes it.
    package static func merge(_ changes: JSONObject, into configuration: JSONObject) -> JSONObject {
        var merged = configuration
        for (field, value) in changes {
            // JSONValue takes `nil` as a literal for JSON null, so removal is spelled out.
            if value.isNull {
                merged.removeValue(forKey: field)
            } else {
                merged[field] = value
            }
        }
        return merged
    }

    /// Checks every changed URL field against `allowed`: the value a field takes after the change (its spec default
    /// when the change removes it) must be an http or https URL whose host `allowed` lists.
    private static func checkURLHosts(
        _ changes: JSONObject, spec: ConnectorSpec, allowed: ConnectionURLHosts, connection: ConnectionID
    ) throws(ConnectionConfigurationError) {
        for field in changes.keys.sorted() {
            guard let fieldSpec = spec.configuration[field], fieldSpec.format == "uri" else {
                continue
            }
            let change = changes[field] ?? .null
            // A removed field falls back to the spec's default, which the runtime then calls.
            guard let effective = change.isNull ? fieldSpec.defaultValue : change, !effective.isNull else {
                continue
            }
            // A value of another type is left to the spec check.
            guard let url = effective.stringValue else {
                continue
            }
            let scheme = URLComponents(string: url)?.scheme?.lowercased()
            guard scheme == "http" || scheme == "https", let host = ConnectionURLHosts.host(of: url) else {
                throw .urlNotHTTP(field: field, value: url, removed: change.isNull, connection: connection)
            }
            guard allowed.allows(host) else {
                throw .urlHostNotAllowed(field: field, host: host, removed: change.isNull, allowed: allowed, connection: connection)
            }
        }
    }
}

/// The reason a change to a connection's configuration was rejected, in which case nothing was stored.
package enum ConnectionConfigurationError: Error, Sendable, CustomStringConvertible {
    case noChanges(connection: ConnectionID)
    /// A secret field among the changes; the message never repeats its value.
    case secretField(String, connection: ConnectionID, connector: String)
    case invalid([ValidationIssue], connection: ConnectionID, connector: String)
    case urlHostNotAllowed(field: String, host: String, removed: Bool, allowed: ConnectionURLHosts, connection: ConnectionID)
    /// A URL field through the admin API that is not an http or https URL with a host.
    case urlNotHTTP(field: String, value: String, removed: Bool, connection: ConnectionID)

    package var description: String {
        switch self {
        case .noChanges(let connection):
            return "configure connection \"\(connection)\": no fields to change; name the fields, such as {\"field\": \"new value\"}"
        case .secretField(let field, let connection, let connector):
            return "configure connection \"\(connection)\": \"\(field)\" is a secret field of \(connector), not configuration; "
                + "nothing was changed; rotate it with POST /admin/tenants/{tenant}/connections/\(connection)/rotate-secrets"
        case .invalid(let issues, let connection, let connector):
            let listed = issues.map { "\($0.pointerText): \($0.message) (\($0.fix))" }
            return "configure connection \"\(connection)\": the configuration would not fit \(connector): "
                + listed.joined(separator: "; ") + "; nothing was changed"
        case .urlHostNotAllowed(let field, let host, let removed, let allowed, let connection):
            let list = allowed.entries.isEmpty ? "lists no host" : "lists " + allowed.entries.joined(separator: ", ")
            let subject = removed ? "removing \(field) makes it fall back to its default, whose host is" : "\(field) names the host"
            return "configure connection \"\(connection)\": \(subject) \"\(host)\", and serve's admin.connection_url_hosts "
                + "\(list); nothing was changed; ask the operator to add the host there, or to run `ledgerport connection configure`"
        case .urlNotHTTP(let field, let value, let removed, let connection):
            let subject = removed ? "removing \(field) makes it fall back to its default \"\(value)\"" : "\(field) \"\(value)\""
            return "configure connection \"\(connection)\": \(subject) is not an http or https URL with a host, which the admin API requires "
                + "of URL fields; nothing was changed; give a URL such as https://odoo.example.com"
        }
    }
}
