import LedgerportSDK

/// Every behaviour that differs between Odoo versions, in one place.
///
/// Recorded on 17.0 and 19.0 Community servers:
/// - a draft invoice's `name` is `/` (or an early number) on 17.0 and `false` on 19.0 until posting;
/// - a payment's reference field is `ref` on 17.0 and `memo` on 19.0;
/// - a posted payment's `state` is `posted` on 17.0 and can be `paid` on 19.0;
/// - JSON-RPC's `error.code` is 200 on 17.0 and 0 on 19.0;
/// - JSON-2 exists from 19.0. The rest of the connector asks this type instead of
/// comparing version numbers.
struct OdooVersionProfile: Sendable, Hashable, CustomStringConvertible {
    /// The major version, such as 17.
    var major: Int
    /// The server series as Odoo reports it, such as `17.0` or `saas~17.2`.
    var series: String

    /// Whether the server offers the JSON-2 API.
    var offersJSON2: Bool { major >= 19 }

    /// The `account.payment` field holding the payment's reference text.
    ///
    /// NOTE: 17.0 (`ref`) and 19.0 (`memo`) are recorded; 18.0 is assumed to use `memo`, the release that renamed it.
    var paymentMemoField: String { major >= 18 ? "memo" : "ref" }

    /// The `error.code` of a JSON-RPC error envelope; informational only, classification uses `error.data.name`.
    var jsonRPCErrorCode: Int { major >= 19 ? 0 : 200 }

    /// Payment states after posting (`paid` and `in_process` appear from 19.0).
    var postedPaymentStates: Set<String> { ["posted", "paid", "in_process"] }

    /// The tax field of `sale.order.line`.
    ///
    /// NOTE: `tax_id` is the 17.0 name; the later rename to `tax_ids` is assumed from 18.0 and has no recording.
    var saleLineTaxField: String { major >= 18 ? "tax_ids" : "tax_id" }

    /// Invoice `payment_state` values meaning fully paid; Community 17.0 goes straight to `paid`, without `in_payment`.
    var paidInvoiceStates: Set<String> { ["paid", "in_payment"] }

    /// Returns a move's number as read back, or nil for a draft without one (`false` on 19.0, `/` on 17.0).
    func documentNumber(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty, text != "/" else { return nil }
        return text
    }

    var description: String { "Odoo \(series)" }

    /// Reads `common.version()` or `/web/version`: `server_version_info` or `version_info` starts with the major version.
    init?(versionResult result: JSONValue) {
        let info = result["server_version_info"] ?? result["version_info"]
        guard let major = info?[0]?.intValue else { return nil }
        self.major = major
        self.series = result["server_serie"]?.stringValue ?? result["version"]?.stringValue ?? "\(major).0"
    }

    init(major: Int, series: String) {
        self.major = major
        self.series = series
    }
}
