import LedgerportSDK

/// `account.partial.reconcile`: one match between a debit and a credit journal item.
enum PartialReconcileModel {
    static func definition() -> ModelDefinition {
        ModelDefinition(
            "account.partial.reconcile", label: "Partial Reconcile",
            fields: [
                FieldDefinition.many2one("debit_move_id", "Debit line", "account.move.line").required(),
                FieldDefinition.many2one("credit_move_id", "Credit line", "account.move.line").required(),
                .monetary("amount", "Amount"),
                .monetary("debit_amount_currency", "Debit Amount Currency"),
                .monetary("credit_amount_currency", "Credit Amount Currency"),
                .date("max_date", "Max Date of Matched Lines"),
            ]
        )
    }
}
