import LedgerportSDK

/// The operations the Odoo connector applies, as a ``TargetCatalog``.
///
/// This is the operation contract shared by the mapping engine, the Odoo
/// spec and the Odoo connector. The references between records are by
/// external id; the connector resolves them and reports a reference to a
/// record that does not exist yet as a transient `reference_not_found` error.
// TODO: read the catalog from connector-specs/odoo/1.0.0.json once the Odoo spec lists its operations.
package enum OdooOperationTable {
    /// The Odoo catalog for connector version 1.0.0.
    package static let catalog = TargetCatalog(
        connector: "odoo",
        version: SemanticVersion(major: 1, minor: 0, patch: 0),
        models: [partner, product, move, payment, saleOrder, activity]
    )

    /// The fields of one invoice or credit note line (`lines` of `account.move` upsert and reverse).
    /// Each line has its own external id, so loading a move again updates its lines instead of appending them.
    package static let invoiceLine: TargetFields = [
        "external_id": .required(.string),
        "name": .required(.string),
        "quantity": .required(.decimal),
        "price_unit": .required(.decimal),
        "product": .optional(.reference(model: "product.product")),
        "discount": .optional(.decimal),
        "taxes": .optional(.list(.string)),
    ]

    /// The fields of one sales order line. Odoo requires a product on every order line that is not a section or note.
    package static let saleOrderLine: TargetFields = [
        "product": .required(.reference(model: "product.product")),
        "name": .required(.string),
        "product_uom_qty": .required(.decimal),
        "price_unit": .required(.decimal),
        "discount": .optional(.decimal),
        "taxes": .optional(.list(.string)),
    ]

    private static let partner = TargetModel(
        name: "res.partner",
        actions: [
            .upsert: [
                "name": .required(.string),
                "email": .optional(.string),
                "phone": .optional(.string),
                "is_company": .optional(.boolean),
                "street": .optional(.string),
                "street2": .optional(.string),
                "city": .optional(.string),
                "zip": .optional(.string),
                "state": .optional(.string),
                "country_code": .optional(.string),
                "vat": .optional(.string),
                "ref": .optional(.string),
                "parent": .optional(.reference(model: "res.partner")),
                "lang": .optional(.string),
            ],
            .archive: [:],
            .addTag: ["tag": .required(.string)],
        ]
    )

    private static let product = TargetModel(
        name: "product.product",
        actions: [
            .upsert: [
                "name": .required(.string),
                "default_code": .optional(.string),
                "list_price": .optional(.decimal),
                "type": .optional(.oneOf(["service", "consu"])),
                "description_sale": .optional(.string),
            ]
        ]
    )

    private static let move = TargetModel(
        name: "account.move",
        actions: [
            .upsert: [
                "partner": .required(.reference(model: "res.partner")),
                "currency": .required(.string),
                "lines": .required(.list(.record(invoiceLine))),
                "move_type": .optional(.oneOf(["out_invoice", "out_refund"])),
                "invoice_date": .optional(.date),
                "invoice_date_due": .optional(.date),
                "ref": .optional(.string),
                "payment_reference": .optional(.string),
                "narration": .optional(.string),
                "journal_code": .optional(.string),
            ],
            .post: [:],
            .cancel: [:],
            .resetToDraft: [:],
            .reverse: [
                "invoice": .required(.reference(model: "account.move")),
                "amount": .optional(.money),
                "reason": .optional(.string),
                "date": .optional(.date),
                "lines": .optional(.list(.record(invoiceLine))),
            ],
            .addTag: ["tag": .required(.string)],
        ],
        expectationFields: ["amount_total", "amount_untaxed", "amount_tax", "amount_residual"]
    )

    private static let payment = TargetModel(
        name: "account.payment",
        actions: [
            .registerPayment: [
                "invoice": .required(.reference(model: "account.move")),
                "amount": .required(.money),
                "date": .optional(.date),
                "journal_code": .optional(.string),
                "memo": .optional(.string),
            ]
        ]
    )

    private static let saleOrder = TargetModel(
        name: "sale.order",
        actions: [
            .upsert: [
                "partner": .required(.reference(model: "res.partner")),
                "lines": .required(.list(.record(saleOrderLine))),
                "currency": .optional(.string),
                "date_order": .optional(.date),
                "client_order_ref": .optional(.string),
                "note": .optional(.string),
            ],
            .confirmOrder: [:],
        ],
        expectationFields: ["amount_total"]
    )

    private static let activity = TargetModel(
        name: "mail.activity",
        actions: [
            .addActivity: [
                "record": .required(.reference(model: nil)),
                "summary": .required(.string),
                "note": .optional(.string),
                "activity_type": .optional(.string),
                "date_deadline": .optional(.date),
            ]
        ]
    )
}
