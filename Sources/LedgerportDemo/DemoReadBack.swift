import Foundation
import LedgerportSDK

/// Reads the expected records back from Odoo through the tenant's Odoo connection and compares amounts.
struct DemoReadBack: Sendable {
    /// One expected record as stored in Odoo, or nil fields when it is missing.
    struct Row: Sendable {
        let record: DemoExpectations.Record
        let found: Bool
        /// Odoo's name for it, such as `INV/2026/00001`.
        let name: String?
        let state: String?
        let paymentState: String?
        let odooAmount: Money?
    }

    let rows: [Row]

    static func read(_ expectations: DemoExpectations, target: any TargetConnector) async throws -> DemoReadBack {
        var rows = [Row]()
        for record in expectations.records {
            let fields: [String] = switch record.kind {
            case .partner: ["name", "email", "active"]
            case .postedInvoice, .creditNote: ["name", "state", "amount_total", "currency_id", "payment_state", "move_type"]
            case .payment: ["name", "state", "amount", "currency_id"]
            case .salesOrder, .cancelledSalesOrder: ["name", "state", "amount_total", "currency_id"]
            }
            guard let state = try await target.readState(of: record.reference, fields: fields) else {
                rows.append(Row(record: record, found: false, name: nil, state: nil, paymentState: nil, odooAmount: nil))
                continue
            }
            rows.append(Row(
                record: record, found: true, name: state.fields["name"]?.stringValue, state: state.fields["state"]?.stringValue,
                paymentState: state.fields["payment_state"]?.stringValue, odooAmount: amount(of: state, kind: record.kind)
            ))
        }
        return DemoReadBack(rows: rows)
    }

    /// Odoo's amount of the record in the currency's minor units; Odoo sends amounts as JSON numbers in major units.
    private static func amount(of state: TargetRecordState, kind: DemoExpectations.Kind) -> Money? {
        guard kind != .salesOrder, kind != .cancelledSalesOrder, kind != .partner else { return nil }
        let field = kind == .payment ? "amount" : "amount_total"
        guard let number = state.fields[field]?.numberValue?.decimal,
            let currencyName = state.fields["currency_id"]?[1]?.stringValue, let currency = CurrencyCode(currencyName)
        else {
            return nil
        }
        return try? Money(decimal: number, currency: currency)
    }
}
