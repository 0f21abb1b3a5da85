import Foundation
import LedgerportLog
import LedgerportSDK
@testable import OdooConnector

/// Builds connectors for tests, with fake credentials and a manual clock.
enum TestConnection {
    /// A fake API key; it must never appear in any error or log line.
    static let apiKey = "test-api-key-5f1c9e0b7a"

    static let clock = ManualClock(Date(timeIntervalSince1970: 1_796_428_800))  // 2026-12-04T00:00:00Z

    static func configuration(url: String = "http://127.0.0.1:8069", extra: JSONObject = [:], password: Bool = false) -> ConnectorConfiguration {
        var values: JSONObject = ["base_url": .string(url), "database": "revops", "username": "billing-integration"]
        values.merge(extra) { _, new in new }
        let secrets = password ? ["password": [Secret("billing-pass-123")]] : ["api_key": [Secret(apiKey)]]
        return ConnectorConfiguration(values: values, secrets: secrets)
    }

    static func context(_ transport: any HTTPTransport, logs: CapturingLogHandler = CapturingLogHandler(), tenant: String = "acme") -> ConnectorContext {
        ConnectorContext(
            tenantID: tenant, connectionID: "odoo-test", environment: "test", http: transport, clock: clock,
            logger: Logger(label: "odoo-test", logLevel: .trace, handler: logs)
        )
    }

    static func connector(
        _ transport: any HTTPTransport, url: String = "http://127.0.0.1:8069", extra: JSONObject = [:], logs: CapturingLogHandler = CapturingLogHandler()
    ) throws -> OdooConnector {
        try OdooConnector(configuration: configuration(url: url, extra: extra), context: context(transport, logs: logs))
    }
}

extension TargetOperation {
    static func partner(_ externalID: String, name: String?, extra: [String: TargetValue] = [:]) -> TargetOperation {
        var values = extra
        if let name { values["name"] = .string(name) }
        return TargetOperation(action: .upsert, model: "res.partner", externalID: externalID, values: values)
    }
}
