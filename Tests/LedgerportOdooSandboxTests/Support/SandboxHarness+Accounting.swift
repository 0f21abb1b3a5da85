import LedgerportOdooSandbox
import LedgerportSDK

extension SandboxHarness {
    /// Creates a customer company and returns its id.
    func createPartner(_ name: String = "Acme GmbH") throws -> Int {
        try call("res.partner", "create", #"[{"name": "\#(name)", "is_company": true}]"#).intValue!
    }

    /// Creates a draft customer invoice; `lines` is the JSON of its `invoice_line_ids` commands.
    func createInvoice(partner: Int, currency: Int = 1, date: String = "2026-12-04", ref: String = "test", lines: String) throws -> Int {
        try call(
            "account.move", "create",
            #"[{"move_type": "out_invoice", "partner_id": \#(partner), "currency_id": \#(currency), "invoice_date": "\#(date)", "ref": "\#(ref)", "invoice_line_ids": \#(lines)}]"#
        ).intValue!
    }

    /// Posts moves.
    func post(_ ids: Int...) throws {
        _ = try call("account.move", "action_post", "[\(ids)]")
    }

    /// The error name and message of an `execute_kw` call that must fail.
    func failure(
        _ model: String, _ method: String, _ args: String, _ kwargs: String = "{}", uid: Int = 2, secret: String = "admin"
    ) -> (name: String, message: String) {
        let envelope = executeKW(model, method, json(args).arrayValue!, json(kwargs).objectValue!, uid: uid, secret: secret)
        return (envelope["error"]?["data"]?["name"]?.stringValue ?? "no error", envelope["error"]?["data"]?["message"]?.stringValue ?? "")
    }
}
