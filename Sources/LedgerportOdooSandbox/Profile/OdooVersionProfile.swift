import LedgerportSDK

/// The details that differ between Odoo 17.0 and 19.0, kept in one place.
///
/// Each value comes from a recording of the real server of that series. The
/// rest of the sandbox reads the profile instead of testing the version.
struct OdooVersionProfile: Sendable {
    let version: OdooVersion

    init(_ version: OdooVersion) {
        self.version = version
    }

    // MARK: Version strings

    /// `server_version` of `common.version()` and `db.server_version()`.
    var serverVersion: String {
        version == .v17 ? "17.0-20240709" : "19.0"
    }

    /// `server_version_info` of `common.version()`.
    var serverVersionInfo: JSONValue {
        let major: Int64 = version == .v17 ? 17 : 19
        return [.number(JSONNumber(major)), 0, 0, "final", 0, ""]
    }

    var serverSerie: String { version.rawValue }

    /// The `error.code` of a JSON-RPC error envelope: 200 on 17.0, 0 on 19.0.
    var jsonRPCErrorCode: Int64 {
        version == .v17 ? 200 : 0
    }

    /// Whether the JSON-2 API (`/json/2/...`) and `/json/version` exist; both came with 19.0.
    var hasJSON2: Bool { version == .v19 }

    // MARK: Field names

    /// The many2many from users to groups: `groups_id` on 17.0, `group_ids` on 19.0.
    var userGroupsField: String {
        version == .v17 ? "groups_id" : "group_ids"
    }

    /// The payment's memo field: `ref` on 17.0, `memo` on 19.0.
    var paymentMemoField: String {
        version == .v17 ? "ref" : "memo"
    }

    /// The sales order line's taxes: `tax_id` on 17.0, `tax_ids` on 19.0.
    var saleLineTaxesField: String {
        version == .v17 ? "tax_id" : "tax_ids"
    }

    /// The domain argument of `name_search`: `args` on 17.0, `domain` on 19.0.
    var nameSearchDomainParameter: String {
        version == .v17 ? "args" : "domain"
    }

    // MARK: Behaviour

    /// A draft invoice's `name` before it gets a number: `/` on 17.0, `false` on 19.0.
    var draftMoveName: JSONValue {
        version == .v17 ? "/" : false
    }

    /// Whether 17.0's rule applies that the first move of a journal and period is numbered while still a draft.
    var numbersFirstDraftOfPeriod: Bool { version == .v17 }

    /// Returns a posted payment's state: `posted` on 17.0, and on 19.0 `paid` once reconciled, `in_process` before.
    func postedPaymentState(reconciled: Bool) -> String {
        if version == .v17 {
            return "posted"
        }
        return reconciled ? "paid" : "in_process"
    }

    /// Whether an account's display name starts with its code (`400000 Product Sales` on 17.0).
    var accountDisplayIncludesCode: Bool { version == .v17 }

    /// The `view_mode` of the "Possible Values" action in `load()` errors.
    var listViewMode: String {
        version == .v17 ? "tree,form" : "list,form"
    }

    /// Whether persistent API keys (`duration` `0`) need admin rights; 17.0 has no duration at all.
    var apiKeysHaveDuration: Bool { version == .v19 }
}
