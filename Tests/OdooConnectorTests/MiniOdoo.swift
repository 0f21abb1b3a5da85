import Foundation
import LedgerportSDK

/// A small in-memory Odoo 17.0 for connector flows, until the sandbox runs them over HTTP.
///
/// It keeps records per model and a table of external ids with the rule the
/// recordings show for `load`. A known external id updates its record, and an
/// unknown one creates a record and binds it in the same step. A record that
/// misses a required field is reported as a load message, writing nothing. Amounts follow the recorded invoices: untaxed from quantity,
/// unit price and discount, a 15 % tax with id 1, unit prices rounded to 2
/// decimals, and the residual reduced by matched payments.
final class MiniOdoo: @unchecked Sendable {
    let server = ScriptedOdoo()
    private let lock = NSLock()
    private(set) var records: [String: [Int64: JSONObject]] = [:]
    private var externalIDs: [String: (model: String, id: Int64)] = [:]
    private var nextID: Int64 = 100

    static let currencies: [Int64: String] = [1: "USD", 25: "JPY", 93: "KWD", 4: "CHF"]
    /// Fields whose `load` cells Odoo converts to numbers.
    static let numericFields: Set<String> = ["amount", "list_price"]
    static let requiredOnCreate: [String: String] = ["res.partner": "name", "product.product": "name", "sale.order": "partner_id", "mail.activity": "res_model_id"]

    init(version: JSONValue? = nil) {
        if let version { server.version = version }
        server.on("*", "load") { [unowned self] call in ScriptedOdoo.result(self.load(call)) }
        server.on("*", "read") { [unowned self] call in ScriptedOdoo.result(self.read(call.model, ids: call.ids, fields: call.keyword("fields"))) }
        server.on("*", "write") { [unowned self] call in self.write(call.model, ids: call.ids, values: call.argument("vals", position: 1)?.objectValue ?? [:]); return ScriptedOdoo.result(true) }
        server.on("*", "get_external_id") { [unowned self] call in ScriptedOdoo.result(self.externalIDs(call.model, ids: call.ids)) }
        server.on("*", "search_read") { [unowned self] call in ScriptedOdoo.result(self.searchRead(call.model, domain: call.argument("domain", position: 0) ?? [], fields: call.keyword("fields"))) }
        server.on("account.move", "action_post") { [unowned self] call in self.postMoves(call.ids) }
        server.on("account.payment", "action_post") { [unowned self] call in self.postPayments(call.ids) }
        server.on("account.move", "js_assign_outstanding_line") { [unowned self] call in
            self.assign(invoice: call.ids[0], line: call.argument("line_id", position: 1)?.int64Value ?? 0)
        }
        server.on("res.currency", "search_read") { call in
            let code = call.argument("domain", position: 0)?[0]?[2]?.stringValue ?? ""
            guard let id = Self.currencies.first(where: { $0.value == code })?.key else { return ScriptedOdoo.result([]) }
            return ScriptedOdoo.result([["id": .number(JSONNumber(id)), "name": .string(code), "active": true]])
        }
        server.on("account.tax", "search_read") { _ in ScriptedOdoo.result([["id": 1, "name": "15%"], ["id": 3, "name": "0% Exports"]]) }
        server.on("account.journal", "search_read") { _ in ScriptedOdoo.result([["id": 1, "code": "INV", "type": "sale"], ["id": 6, "code": "BNK1", "type": "bank"]]) }
        server.on("decimal.precision", "search_read") { _ in ScriptedOdoo.result([["id": 2, "digits": 2]]) }
        server.on("res.company", "search_read") { _ in ScriptedOdoo.result([["id": 1, "currency_id": [1, "USD"]]]) }
        server.on("res.currency.rate", "search_count") { _ in ScriptedOdoo.result(1) }
        server.on("sale.order", "action_confirm") { [unowned self] call in
            self.update("sale.order", call.ids) { $0["state"] = "sale" }
            return ScriptedOdoo.result(true)
        }
        server.on("res.partner", "action_archive") { [unowned self] call in
            self.update("res.partner", call.ids) { $0["active"] = false }
            return ScriptedOdoo.none()
        }
        server.on("ir.model", "search_read") { _ in ScriptedOdoo.result([["id": 443, "model": "account.move"]]) }
        server.on("mail.activity.type", "search_read") { _ in ScriptedOdoo.result([["id": 4, "name": "To-Do"]]) }
        server.on("res.partner.category", "create") { [unowned self] call in
            let name = call.argument("vals_list", position: 0)?[0]?["name"] ?? "tag"
            return ScriptedOdoo.result([.number(JSONNumber(self.seed("res.partner.category", ["name": name])))])
        }
    }

    /// Adds a record directly, as if it existed before, optionally bound to an external id.
    @discardableResult
    func seed(_ model: String, _ values: JSONObject, externalID: String? = nil) -> Int64 {
        lock.withLock {
            let id = newID()
            records[model, default: [:]][id] = values.merging(["id": .number(JSONNumber(id))]) { _, new in new }
            if let externalID { externalIDs[externalID] = (model, id) }
            return id
        }
    }

    func all(_ model: String) -> [JSONObject] {
        lock.withLock { (records[model] ?? [:]).sorted { $0.key < $1.key }.map(\.value) }
    }

    func record(_ model: String, _ id: Int64) -> JSONObject? {
        lock.withLock { records[model]?[id] }
    }

    private func newID() -> Int64 {
        nextID += 1
        return nextID
    }

    private func load(_ call: ScriptedOdoo.Call) -> JSONValue {
        lock.withLock {
            let fields = call.loadFields
            var ids = [JSONValue]()
            var created = [(String, Int64)]()
            for (index, row) in call.loadRows.enumerated() {
                var values = JSONObject()
                for (field, cell) in zip(fields, row) where field != "id" && !cell.isEmpty {
                    if field.hasSuffix("/id") {
                        guard let target = externalIDs[cell] else {
                            rollBack(created)
                            return failedLoad(index, "No matching record found for external id '\(cell)' in field '\(field)'")
                        }
                        values[String(field.dropLast(3))] = .number(JSONNumber(target.id))
                    } else if field.hasSuffix("/.id") {
                        values[String(field.dropLast(4))] = .number(JSONNumber(Int64(cell) ?? 0))
                    } else if Self.numericFields.contains(field), let number = JSONNumber(literal: cell) {
                        values[field] = .number(number)
                    } else {
                        values[field] = .string(cell)
                    }
                }
                let xid = row[0]
                if let existing = externalIDs[xid] {
                    records[call.model]?[existing.id]?.merge(values) { _, new in new }
                    ids.append(.number(JSONNumber(existing.id)))
                    continue
                }
                if let required = Self.requiredOnCreate[call.model], values[required] == nil {
                    rollBack(created)
                    return failedLoad(index, "The operation cannot be completed: \(required) is required")
                }
                let id = newID()
                var record = defaults(call.model, context: call.keyword("context")?.objectValue ?? [:]).merging(values) { _, new in new }
                record["id"] = .number(JSONNumber(id))
                records[call.model, default: [:]][id] = record
                externalIDs[xid] = (call.model, id)
                created.append((xid, id))
                ids.append(.number(JSONNumber(id)))
            }
            return ["ids": .array(ids), "messages": [], "nextrow": 0]
        }
    }

    private func rollBack(_ created: [(String, Int64)]) {
        for (xid, id) in created {
            if let model = externalIDs[xid]?.model { records[model]?[id] = nil }
            externalIDs[xid] = nil
        }
    }

    private func failedLoad(_ index: Int, _ message: String) -> JSONValue {
        ["ids": false, "messages": [["type": "error", "record": .number(JSONNumber(index)), "rows": ["from": 0, "to": 0], "message": .string(message)]], "nextrow": 0]
    }

    private func defaults(_ model: String, context: JSONObject) -> JSONObject {
        switch model {
        case "account.move":
            return ["state": "draft", "name": "/", "move_type": context["default_move_type"] ?? "entry", "partner_id": false, "currency_id": 1,
                    "journal_id": 1, "amount_untaxed": 0, "amount_tax": 0, "amount_total": 0, "amount_residual": 0, "payment_state": "not_paid", "invoice_origin": false]
        case "account.payment":
            return ["state": "draft", "amount": 0, "partner_id": false, "reconciled_invoice_ids": [], "payment_type": context["default_payment_type"] ?? "inbound"]
        case "sale.order":
            return ["state": "draft", "name": "S00001", "currency_id": 1, "amount_total": 0]
        default:
            return [:]
        }
    }

    private func write(_ model: String, ids: [Int64], values: JSONObject) {
        lock.withLock {
            for id in ids {
                for (field, value) in values {
                    if field == "category_id" {
                        var tags = (records[model]?[id]?[field]?.arrayValue ?? []).compactMap(\.int64Value)
                        for command in value.arrayValue ?? [] where command[0]?.intValue == 4 {
                            if let tag = command[1]?.int64Value, !tags.contains(tag) { tags.append(tag) }
                        }
                        records[model]?[id]?[field] = .array(tags.map { .number(JSONNumber($0)) })
                    } else if field == "invoice_line_ids" || field == "order_line" {
                        applyLineCommands(model == "account.move" ? "account.move.line" : "sale.order.line", parent: id, commands: value)
                    } else {
                        records[model]?[id]?[field] = value
                    }
                }
                if model == "account.move" || model == "sale.order" { recompute(model, id) }
            }
        }
    }

    private func applyLineCommands(_ lineModel: String, parent: Int64, commands: JSONValue) {
        let parentField = lineModel == "account.move.line" ? "move_id" : "order_id"
        for command in commands.arrayValue ?? [] {
            switch command[0]?.intValue {
            case 2: if let id = command[1]?.int64Value { records[lineModel]?[id] = nil }
            case 5:
                // Clear removes the product lines of the record as they are now, like Odoo's invoice_line_ids domain.
                for (id, line) in records[lineModel] ?? [:] where line[parentField]?.int64Value == parent && line["payment_id"] == nil {
                    records[lineModel]?[id] = nil
                }
            case 0:
                let id = newID()
                var line = command[2]?.objectValue ?? [:]
                // Odoo keeps unit prices to the "Product Price" precision, 2 decimals.
                if let price = line["price_unit"]?.numberValue?.decimal, let rounded = try? price.rescaled(to: 2, rounding: .halfUp) {
                    line["price_unit"] = .number(JSONNumber(rounded))
                }
                line["id"] = .number(JSONNumber(id))
                line[parentField] = .number(JSONNumber(parent))
                line["display_type"] = lineModel == "account.move.line" ? "product" : .bool(false)
                records[lineModel, default: [:]][id] = line
            default: break
            }
        }
    }

    private func recompute(_ model: String, _ id: Int64) {
        let lineModel = model == "account.move" ? "account.move.line" : "sale.order.line"
        let parentField = model == "account.move" ? "move_id" : "order_id"
        let quantityField = model == "account.move" ? "quantity" : "product_uom_qty"
        let taxField = model == "account.move" ? "tax_ids" : "tax_id"
        let digits = Self.digits(records[model]?[id]?["currency_id"])
        var untaxed = ExactDecimal.zero
        var tax = ExactDecimal.zero
        for line in (records[lineModel] ?? [:]).values where line[parentField]?.int64Value == id {
            let quantity = line[quantityField]?.numberValue?.decimal ?? .zero
            let price = line["price_unit"]?.numberValue?.decimal ?? .zero
            let discount = line["discount"]?.numberValue?.decimal ?? .zero
            let factor = (try? ExactDecimal(100) - discount) ?? ExactDecimal(100)
            let gross = (try? quantity * price * factor) ?? .zero
            let subtotal = (try? gross.divided(by: ExactDecimal(100), scale: digits, rounding: .halfUp)) ?? .zero
            untaxed = (try? untaxed + subtotal) ?? untaxed
            let taxes = (line[taxField]?[0]?[2]?.arrayValue ?? []).compactMap(\.int64Value)
            if taxes.contains(1) {
                let lineTax = (try? (subtotal * ExactDecimal(15)).divided(by: ExactDecimal(100), scale: digits, rounding: .halfUp)) ?? .zero
                tax = (try? tax + lineTax) ?? tax
            }
        }
        let total = (try? untaxed + tax) ?? untaxed
        records[model]?[id]?["amount_untaxed"] = .number(JSONNumber(untaxed))
        records[model]?[id]?["amount_tax"] = .number(JSONNumber(tax))
        records[model]?[id]?["amount_total"] = .number(JSONNumber(total))
        records[model]?[id]?["amount_residual"] = .number(JSONNumber(total))
    }

    static func digits(_ currency: JSONValue?) -> Int {
        switch currency?.int64Value ?? currency?[0]?.int64Value ?? 1 {
        case 25: 0
        case 93: 3
        default: 2
        }
    }

    private func read(_ model: String, ids: [Int64], fields: JSONValue?) -> JSONValue {
        lock.withLock {
            .array(ids.compactMap { id in records[model]?[id].map { .object(project(model, $0, fields: fields)) } })
        }
    }

    private func project(_ model: String, _ record: JSONObject, fields: JSONValue?) -> JSONObject {
        let names = (fields?.arrayValue ?? []).compactMap(\.stringValue)
        var result: JSONObject = ["id": record["id"] ?? .null]
        for name in names {
            var value = record[name] ?? .bool(false)
            if name == "currency_id", let id = value.int64Value {
                value = [.number(JSONNumber(id)), .string(Self.currencies[id] ?? "USD")]
            } else if ["partner_id", "journal_id", "product_id", "reversed_entry_id"].contains(name), let id = value.int64Value {
                value = [.number(JSONNumber(id)), "name"]
            } else if name == "tax_ids" || name == "tax_id", let commands = value.arrayValue, let first = commands.first, first.arrayValue != nil {
                value = first[2] ?? []
            }
            result[name] = value
        }
        return result
    }

    private func externalIDs(_ model: String, ids: [Int64]) -> JSONValue {
        lock.withLock {
            var result = JSONObject()
            for id in ids {
                result[String(id)] = .string(externalIDs.first { $0.value.model == model && $0.value.id == id }?.key ?? "")
            }
            return .object(result)
        }
    }

    private func searchRead(_ model: String, domain: JSONValue, fields: JSONValue?) -> JSONValue {
        lock.withLock {
            let leaves = (domain.arrayValue ?? []).filter { $0.arrayValue?.count == 3 }
            let matches = (records[model] ?? [:]).sorted { $0.key < $1.key }.map(\.value).filter { record in
                leaves.allSatisfy { leaf in
                    guard let field = leaf[0]?.stringValue, let value = leaf[2] else { return true }
                    if field.contains(".") { return true }
                    var have = record[field] ?? .bool(false)
                    if let pair = have.arrayValue, pair.count == 2 { have = pair[0] }
                    if let left = have.numberValue?.decimal, let right = value.numberValue?.decimal { return left == right }
                    return have == value
                }
            }
            return .array(matches.map { .object(project(model, $0, fields: fields)) })
        }
    }

    private func update(_ model: String, _ ids: [Int64], _ change: (inout JSONObject) -> Void) {
        lock.withLock {
            for id in ids {
                if var record = records[model]?[id] {
                    change(&record)
                    records[model]?[id] = record
                }
            }
        }
    }

    /// Posts moves; a credit note with `reversed_entry_id` is matched with its invoice, as Odoo 17.0 does on posting.
    private func postMoves(_ ids: [Int64]) -> HTTPResponse {
        lock.withLock {
            for id in ids where records["account.move"]?[id]?["state"] != "draft" {
                let name = records["account.move"]?[id]?["name"]?.stringValue ?? "/"
                return ScriptedOdoo.exception("odoo.exceptions.UserError", "The entry \(name) (id \(id)) must be in draft.")
            }
            for id in ids {
                records["account.move"]?[id]?["state"] = "posted"
                records["account.move"]?[id]?["name"] = .string("INV/2026/\(id)")
                guard records["account.move"]?[id]?["move_type"] == "out_refund", let invoice = records["account.move"]?[id]?["reversed_entry_id"]?.int64Value,
                    let credit = records["account.move"]?[id]?["amount_total"]?.numberValue?.decimal,
                    let residual = records["account.move"]?[invoice]?["amount_residual"]?.numberValue?.decimal, let left = try? residual - credit
                else { continue }
                records["account.move"]?[invoice]?["amount_residual"] = .number(JSONNumber(left))
                records["account.move"]?[invoice]?["payment_state"] = left.isZero ? "reversed" : "partial"
                records["account.move"]?[id]?["amount_residual"] = 0
                records["account.move"]?[id]?["payment_state"] = "paid"
            }
            return ScriptedOdoo.result(false)
        }
    }

    private func postPayments(_ ids: [Int64]) -> HTTPResponse {
        lock.withLock {
            for id in ids where records["account.payment"]?[id]?["state"] != "draft" {
                return ScriptedOdoo.exception("odoo.exceptions.UserError", "Only a draft payment can be posted.")
            }
            for id in ids {
                records["account.payment"]?[id]?["state"] = "posted"
                let line = newID()
                records["account.move.line", default: [:]][line] = ["id": .number(JSONNumber(line)), "payment_id": .number(JSONNumber(id)), "reconciled": false]
            }
            return ScriptedOdoo.none()
        }
    }

    private func assign(invoice: Int64, line: Int64) -> HTTPResponse {
        lock.withLock {
            guard records["account.move.line"]?[line]?["reconciled"] != true else {
                return ScriptedOdoo.exception("odoo.exceptions.UserError", "You are trying to reconcile some entries that are already reconciled.")
            }
            guard let paymentID = records["account.move.line"]?[line]?["payment_id"]?.int64Value,
                let amount = records["account.payment"]?[paymentID]?["amount"]?.numberValue?.decimal,
                let residual = records["account.move"]?[invoice]?["amount_residual"]?.numberValue?.decimal,
                let left = try? residual - amount
            else { return ScriptedOdoo.none() }
            records["account.move"]?[invoice]?["amount_residual"] = .number(JSONNumber(left))
            records["account.move"]?[invoice]?["payment_state"] = left.isZero ? "paid" : "partial"
            records["account.payment"]?[paymentID]?["reconciled_invoice_ids"] = [.number(JSONNumber(invoice))]
            records["account.move.line"]?[line]?["reconciled"] = true
            return ScriptedOdoo.none()
        }
    }
}
