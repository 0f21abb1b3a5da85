import LedgerportSDK

/// One product line of an invoice, credit note or sales order, resolved to Odoo ids.
///
/// Document upserts replace a draft's product lines instead of loading them,
/// so a retried or replayed upsert never appends lines again. Lines that
/// already match are left alone. Otherwise one `write`, which is one
/// transaction, clears the product lines (`(5, 0, 0)`) and creates the new
/// ones (`(0, 0, values)`).
struct DocumentLine: Sendable, Hashable {
    var name: String
    var quantity: ExactDecimal
    var priceUnit: ExactDecimal
    var discount: ExactDecimal
    var productID: Int64?
    var taxIDs: Set<Int64>

    /// Field names of the line model, which differ between invoice and order lines.
    struct Fields: Sendable {
        var quantity: String
        var taxes: String

        static let invoice = Fields(quantity: "quantity", taxes: "tax_ids")

        static func order(_ profile: OdooVersionProfile) -> Fields {
            Fields(quantity: "product_uom_qty", taxes: profile.saleLineTaxField)
        }

        var readList: [String] { ["name", quantity, "price_unit", "discount", "product_id", taxes] }
    }

    /// Returns the most decimals any of the lines' unit prices has.
    static func priceDigits(_ lines: [DocumentLine]) -> Int {
        lines.map { OdooAmounts.fractionDigits($0.priceUnit) }.max() ?? 0
    }

    /// Reads a line of an operation: `name`, quantity, `price_unit`, `discount`, `product` and `taxes`.
    static func parse(
        _ values: OperationValues, quantityKey: String, workspace: OdooWorkspace, products: [TargetReference: Int64]
    ) async throws(ConnectorError) -> DocumentLine {
        let product = try values.reference("product", model: "product.product")
        var productID: Int64?
        if let product {
            guard let id = products[product] else {
                throw ConnectorError(.transient, code: "reference_not_found", message: "\(values.label): \(product) does not exist in Odoo yet", hint: "the delivery is retried on its schedule, and succeeds once the product has been delivered", missingReference: product)
            }
            productID = id
        }
        let taxes = try values.strings("taxes")
        return DocumentLine(
            name: try values.requireString("name"),
            quantity: try values.requireDecimal(quantityKey),
            priceUnit: try values.requireDecimal("price_unit"),
            discount: try values.decimal("discount") ?? .zero,
            productID: productID,
            taxIDs: Set(taxes.isEmpty ? [] : try await workspace.catalog.salesTaxIDs(taxes, label: values.label))
        )
    }

    /// Reads a line as Odoo returns it from `search_read`.
    init?(odoo row: JSONValue, fields: Fields) {
        guard let name = row["name"]?.stringValue, let quantity = OdooAmounts.decimal(row[fields.quantity]),
            let price = OdooAmounts.decimal(row["price_unit"])
        else { return nil }
        self.name = name
        self.quantity = quantity
        self.priceUnit = price
        self.discount = OdooAmounts.decimal(row["discount"]) ?? .zero
        self.productID = row["product_id"]?[0]?.int64Value
        self.taxIDs = Set((row[fields.taxes]?.arrayValue ?? []).compactMap(\.int64Value))
    }

    init(name: String, quantity: ExactDecimal, priceUnit: ExactDecimal, discount: ExactDecimal, productID: Int64?, taxIDs: Set<Int64>) {
        self.name = name
        self.quantity = quantity
        self.priceUnit = priceUnit
        self.discount = discount
        self.productID = productID
        self.taxIDs = taxIDs
    }

    /// Builds the values of a `(0, 0, values)` create command.
    func createValues(_ fields: Fields) -> JSONObject {
        var values: JSONObject = [
            "name": .string(name), fields.quantity: OdooAmounts.json(quantity),
            "price_unit": OdooAmounts.json(priceUnit), "discount": OdooAmounts.json(discount),
            fields.taxes: [[6, 0, jsonIDs(taxIDs.sorted())]],
        ]
        if let productID { values["product_id"] = .number(JSONNumber(productID)) }
        return values
    }

    /// Builds the one2many commands that replace all product lines with `lines`: a clear (`(5, 0, 0)`) and one create per line.
    ///
    /// The clear removes whatever lines the record has when Odoo runs the
    /// write, not the ones read earlier, so two concurrent rewrites of one
    /// draft end with one set of lines instead of both.
    static func replaceCommands(with lines: [DocumentLine], fields: Fields) -> JSONValue {
        let creations: [JSONValue] = lines.map { [0, 0, .object($0.createValues(fields))] }
        return .array([[5, 0, 0]] + creations)
    }

    /// Describes the first difference between the lines, or returns nil when they match.
    static func difference(wanted: [DocumentLine], actual: [DocumentLine]) -> String? {
        guard wanted.count == actual.count else {
            return "Odoo holds \(actual.count) product lines, the source \(wanted.count)"
        }
        for (index, (want, have)) in zip(wanted, actual).enumerated() where want != have {
            return "line \(index + 1) \"\(want.name)\" differs: Odoo has \"\(have.name)\", quantity \(OdooAmounts.text(have.quantity)), unit price \(OdooAmounts.text(have.priceUnit))"
                + "; the source sends quantity \(OdooAmounts.text(want.quantity)), unit price \(OdooAmounts.text(want.priceUnit))"
        }
        return nil
    }
}
