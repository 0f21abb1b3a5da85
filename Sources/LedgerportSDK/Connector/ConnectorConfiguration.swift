/// The validated configuration of one connection, handed to a connector when it is created.
///
/// Plain fields are JSON values. Fields the connector's spec marks
/// `secret` are held as ``Secret`` values, never as JSON, so a configuration
/// can be logged or shown without leaking them. The runtime checks the
/// configuration against the spec before the connector sees it: required
/// fields are present and each value has the declared type.
public struct ConnectorConfiguration: Sendable {
    public let values: JSONObject
    private let secrets: [String: [Secret]]

    public init(values: JSONObject, secrets: [String: [Secret]] = [:]) {
        self.values = values
        self.secrets = secrets
    }

    /// The string field `name`, or nil when it is absent or null.
    public func string(_ name: String) -> String? {
        values[name]?.stringValue
    }

    /// The integer field `name`, or nil when it is absent, null or not a whole number.
    public func integer(_ name: String) -> Int? {
        values[name]?.intValue
    }

    /// The boolean field `name`, or nil when it is absent or null.
    public func boolean(_ name: String) -> Bool? {
        values[name]?.boolValue
    }

    /// The first secret of the field `name`, or nil when none is set.
    public func secret(_ name: String) -> Secret? {
        secrets[name]?.first
    }

    /// Every active secret of the field `name`, newest first (several during a rotation overlap).
    public func secretList(_ name: String) -> [Secret] {
        secrets[name] ?? []
    }

    /// The names of the secret fields that have at least one value.
    public var secretNames: [String] {
        secrets.filter { !$0.value.isEmpty }.keys.sorted()
    }

    /// The string field `name`, throwing a configuration error that names the field when it is missing.
    public func requireString(_ name: String, connector: String) throws(ConnectorError) -> String {
        guard let value = string(name), !value.isEmpty else {
            throw .configuration("missing_configuration", "configure \(connector) connection: field \"\(name)\" is missing", hint: "set \"\(name)\" in the connection's configuration")
        }
        return value
    }

    /// The secret field `name`, throwing a configuration error that names the field when it is missing.
    public func requireSecret(_ name: String, connector: String) throws(ConnectorError) -> Secret {
        guard let value = secret(name), !value.isEmpty else {
            throw .configuration("missing_secret", "configure \(connector) connection: secret \"\(name)\" is not set", hint: "store it with `ledgerport connection rotate-secrets ID --tenant SLUG --secrets-file FILE`, the file holding {\"\(name)\": ...}")
        }
        return value
    }
}
