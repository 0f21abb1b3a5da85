import Foundation
import LedgerportSDK

/// A connector configured for one tenant environment.
///
/// ``configuration`` holds only the non-secret fields. Secret fields (API
/// keys, webhook signing secrets) are stored sealed, apart from it, as
/// ``SealedSecretValue``s.
package struct Connection: Sendable, Hashable {
    package let tenantID: TenantID
    package let id: ConnectionID
    package let environment: EnvironmentName
    /// The connector's id, such as `stripe`.
    package let connectorID: String
    package let connectorVersion: SemanticVersion
    /// The non-secret configuration, a JSON object such as `{"base_url": "https://odoo.example"}`.
    package let configuration: JSONValue
    package let state: ConnectionState
    package let createdAt: Date
    package let updatedAt: Date

    package init(
        tenantID: TenantID, id: ConnectionID, environment: EnvironmentName, connectorID: String,
        connectorVersion: SemanticVersion, configuration: JSONValue, state: ConnectionState, createdAt: Date, updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.environment = environment
        self.connectorID = connectorID
        self.connectorVersion = connectorVersion
        self.configuration = configuration
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Whether a connection takes part in flows.
package enum ConnectionState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Receives webhooks and deliveries run.
    case active
    /// Webhooks are still received and stored, but deliveries wait.
    case paused
    /// Webhooks are rejected and deliveries wait; the connection is kept for its history.
    case disabled
}

/// The fields of a connection to create, with its first sealed secret values.
package struct NewConnection: Sendable, Hashable {
    package var id: ConnectionID
    package var environment: EnvironmentName
    package var connectorID: String
    package var connectorVersion: SemanticVersion
    package var configuration: JSONValue
    package var state: ConnectionState
    /// Secret values sealed for this tenant and connection id, stored in the same transaction as the connection.
    package var secretValues: [NewSealedSecretValue]

    package init(
        id: ConnectionID, environment: EnvironmentName, connectorID: String, connectorVersion: SemanticVersion,
        configuration: JSONValue = .object([:]), state: ConnectionState = .active, secretValues: [NewSealedSecretValue] = []
    ) {
        self.id = id
        self.environment = environment
        self.connectorID = connectorID
        self.connectorVersion = connectorVersion
        self.configuration = configuration
        self.state = state
        self.secretValues = secretValues
    }

    /// Checks the id, the connector id and that the configuration is a JSON object.
    /// - Throws: ``StoreError`` (`invalid_input`).
    package func validate() throws(StoreError) {
        let operation = "create connection"
        try StoreValidation.validateSlug(id.rawValue, operation: operation, valueName: "connection id")
        try StoreValidation.validateSlug(connectorID, operation: "create connection \"\(id)\"", valueName: "connector id")
        guard configuration.objectValue != nil else {
            throw .invalidInput(
                "create connection \"\(id)\"", "configuration", "must be a JSON object, found \(configuration.typeName)")
        }
        for value in secretValues {
            try value.validate(operation: "create connection \"\(id)\"")
        }
    }
}
