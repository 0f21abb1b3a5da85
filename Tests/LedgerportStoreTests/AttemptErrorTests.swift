import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct AttemptErrorTests {
    @Test func connectorError_keepsHintInMessage() {
        let error = ConnectorError.business("odoo_unit_price_precision", "unit price 12.345 KWD has more than 2 decimals", hint: "raise the decimal precision in Odoo")
        let attempt = AttemptError(error)
        #expect(attempt.message == "unit price 12.345 KWD has more than 2 decimals; raise the decimal precision in Odoo")
        #expect(attempt.code == "odoo_unit_price_precision")
        #expect(attempt.failureClass == .business)
    }

    @Test func connectorErrorWithoutHint_keepsMessageAsIs() {
        let attempt = AttemptError(ConnectorError.transient("odoo_timeout", "call Odoo: timed out"))
        #expect(attempt.message == "call Odoo: timed out")
    }
}
