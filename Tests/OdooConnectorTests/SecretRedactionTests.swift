import LedgerportLog
import LedgerportSDK
import Testing
@testable import OdooConnector

/// The API key and password travel only in request bodies and headers, never in errors or logs.
struct SecretRedactionTests {
    @Test func failedCalls_neverShowCredential() async throws {
        let odoo = ScriptedOdoo()
        odoo.on("*", "load") { _ in ScriptedOdoo.recorded("odoo17/02_execute_kw_bad_password_jsonrpc") }
        let logs = CapturingLogHandler()
        let connector = try TestConnection.connector(odoo, logs: logs)

        let outcomes = await connector.apply(OperationBatch(operations: [.partner("stripe_customer_cus_1", name: "Acme")]))

        guard case .failure(let error) = outcomes[0] else { Issue.record("the call succeeded"); return }
        #expect(error.failureClass == .configuration)
        #expect(!error.description.contains(TestConnection.apiKey))
        #expect(!logs.renderedLines.contains(TestConnection.apiKey))
        #expect(odoo.requests.contains { String(decoding: $0.body, as: UTF8.self).contains(TestConnection.apiKey) })
    }

    @Test func settings_rejectJSON2WithPasswordOnly() {
        let error = #expect(throws: ConnectorError.self) {
            try OdooSettings(TestConnection.configuration(extra: ["transport": "json_2"], password: true))
        }
        #expect(error?.failureClass == .configuration)
        #expect(error?.description.contains("billing-pass-123") == false)
    }

    @Test func settings_rejectURLWithoutScheme() {
        let error = #expect(throws: ConnectorError.self) { try OdooSettings(TestConnection.configuration(url: "127.0.0.1:8069")) }
        #expect(error?.code == "invalid_configuration")
    }
}
