import Foundation
import LedgerportCore
import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// A tenant's connections with the validity of their secret values, which never leave the store.
extension AdminAPI {
    func registerConnectionRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants/{tenant}/connections", scope: .tenant, permission: .read, accepts: .nothing) { request in
            let tenant = request.scopedTenant.id
            var items = [JSONValue]()
            for connection in try await store.connections(tenant: tenant, environment: nil) {
                let values = try await store.secretValues(connection: connection.id, field: nil, tenant: tenant)
                items.append(AdminJSON.connection(connection, secretValues: values, at: clock.now()))
            }
            return (200, ["connections": .array(items)])
        }
        add(&routes, "POST", "/tenants/{tenant}/connections/{connection}/rotate-secrets", scope: .tenant, permission: .manageConnections,
            accepts: .body(["secrets": .secretStrings, "keep_previous_for_seconds": .integer])) { request in
            try await rotateSecrets(request)
        }
        add(&routes, "PATCH", "/tenants/{tenant}/connections/{connection}", scope: .tenant, permission: .manageConnections,
            accepts: .body(["configuration": .anyObject])) { request in
            try await configure(request)
        }
    }

    /// Changes fields of a connection's plain configuration, `{"configuration": {"database": "revops", "batch_size": null}}`.
    ///
    /// A value sets its field and `null` removes it. URL fields may only name hosts of `admin.connection_url_hosts`.
    private func configure(_ request: AdminRequest) async throws -> (Int, JSONValue) {
        let id = ConnectionID(rawValue: request.pathParameter("connection"))
        let tenant = request.scopedTenant.id
        guard let changes = request.body["configuration"]?.objectValue else {
            throw AdminError.badRequest(
                "invalid_input",
                "configure connection \"\(id)\": member \"configuration\" is missing; send the fields to change, "
                    + "such as {\"configuration\": {\"database\": \"revops\"}}")
        }
        let connection = try await ConnectionLookup.connectionSuggestingClosest(id, tenant: request.scopedTenant, store: store)
        let spec = try installedSpec(of: connection)
        let outcome = try await connectionConfigurator.configure(
            changes, connection: connection, spec: spec, urlHosts: connectionURLHosts, actor: request.actor)

        // This process serves the connection, so its connector is rebuilt now rather than at the next look for changes.
        connectors.invalidate(tenant: tenant, connection: id)
        logger.info("configured connection", metadata: [
            LogMetadataKey.tenantID: .string(tenant.rawValue), LogMetadataKey.tenantSlug: .string(request.scopedTenant.slug),
            LogMetadataKey.connectionID: .string(id.rawValue), "configuration.fields": .string(outcome.changedFields.joined(separator: ",")),
            "actor": .string(request.actor),
        ])
        let values = try await store.secretValues(connection: id, field: nil, tenant: tenant)
        guard case .object(var body) = AdminJSON.connection(outcome.connection, secretValues: values, at: clock.now()) else {
            preconditionFailure("a connection's JSON is an object")
        }
        body["changed_fields"] = .array(outcome.changedFields.map(JSONValue.string))
        return (200, .object(body))
    }

    /// The spec of the connector version a connection uses, which this runtime must include.
    private func installedSpec(of connection: Connection) throws -> ConnectorSpec {
        guard let spec = registry.entry(id: connection.connectorID, version: connection.connectorVersion)?.spec.spec else {
            throw AdminError.badRequest(
                "connector_not_installed",
                "connection \"\(connection.id)\" uses \(connection.connectorID)@\(connection.connectorVersion), which this runtime does not include")
        }
        return spec
    }

    /// Stores new values of secret fields, `{"secrets": {"api_key": "..."}, "keep_previous_for_seconds": 0}`, and applies them at once.
    private func rotateSecrets(_ request: AdminRequest) async throws -> (Int, JSONValue) {
        let id = ConnectionID(rawValue: request.pathParameter("connection"))
        let tenant = request.scopedTenant.id
        guard let members = request.body["secrets"]?.objectValue, !members.isEmpty else {
            throw AdminError.badRequest(
                "invalid_input",
                "rotate secrets of connection \"\(id)\": member \"secrets\" is missing or empty; send the new values by field, "
                    + "such as {\"secrets\": {\"api_key\": \"...\"}, \"keep_previous_for_seconds\": 0}")
        }
        let keep = request.body["keep_previous_for_seconds"]?.int64Value ?? 0
        guard (0...31_536_000).contains(keep) else {
            throw AdminError.badRequest(
                "invalid_input", "keep_previous_for_seconds \(keep) is out of range; give 0 to 31536000 seconds (one year)")
        }

        let connection = try await ConnectionLookup.connectionSuggestingClosest(id, tenant: request.scopedTenant, store: store)
        let spec = try installedSpec(of: connection)
        let secrets = members.compactMapValues { $0.stringValue.map(Secret.init) }
        let outcome = try await secretRotation.rotate(
            secrets, keepingPreviousFor: Int(keep), connection: connection, spec: spec, actor: request.actor)

        // This process serves the connection, so its connector is rebuilt now rather than at the next look for changes.
        connectors.invalidate(tenant: tenant, connection: id)
        logger.info("rotated connection secrets", metadata: [
            LogMetadataKey.tenantID: .string(tenant.rawValue), LogMetadataKey.tenantSlug: .string(request.scopedTenant.slug),
            LogMetadataKey.connectionID: .string(id.rawValue), "secret.fields": .string(outcome.fields.joined(separator: ",")),
            "actor": .string(request.actor),
        ])
        return (200, [
            "connection_id": .string(id.rawValue), "fields": .array(outcome.fields.map(JSONValue.string)),
            "previous_values": .number(JSONNumber(outcome.previousValues)),
            "previous_values_expire_at": AdminJSON.timestamp(outcome.previousValuesExpireAt),
        ])
    }
}
