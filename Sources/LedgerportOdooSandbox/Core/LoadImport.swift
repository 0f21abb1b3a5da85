import Foundation
import LedgerportSDK

/// `load(fields, data)`: Odoo's import, which creates or updates records by external id.
///
/// A column `id` contains the record's external id: a known one updates its
/// record, a new one creates the record and the external id, also for users
/// without rights on `ir.model.data`. Columns `field/id` refer to other
/// records by external id; a plain many2one column names its record. Rows
/// whose top-level columns are all empty continue the previous record with
/// more one2many lines (`invoice_line_ids/name`). One2many lines without a
/// `…/id` column are added again on every load, even on a posted invoice, as
/// Odoo does. Errors do not raise: they come back in `messages` with `ids`
/// false, and nothing of the call is kept.
struct LoadImport {
    let transaction: Transaction
    let model: String

    private struct Column {
        let index: Int
        let path: [String]
    }

    private struct ImportRecord {
        let firstRow: Int
        var lastRow: Int
        var values: JSONObject
        var lines: [String: [JSONObject]]
    }

    func run(fields: [String], rows: [[JSONValue]]) throws -> JSONValue {
        let definition = try transaction.definition(model)
        let columns = fields.enumerated().map { Column(index: $0.offset, path: $0.element.split(separator: "/").map(String.init)) }
        let records = group(rows, columns: columns, model: definition)
        let savepoint = transaction.savepoint()
        var ids: [Int] = []
        var messages: [JSONValue] = []
        for (position, record) in records.enumerated() {
            do {
                ids.append(try importRecord(record, model: definition))
            } catch let fault as LoadFault {
                messages.append(fault.message(record: position, rows: (record.firstRow, record.lastRow), profile: transaction.profile))
            } catch let fault as OdooFault {
                messages.append(LoadFault.generic(fault.message).message(record: position, rows: (record.firstRow, record.lastRow), profile: transaction.profile))
            }
        }
        guard messages.isEmpty else {
            transaction.rollback(to: savepoint)
            return ["ids": false, "messages": .array(messages), "nextrow": 0]
        }
        return ["ids": .ids(ids), "messages": [], "nextrow": 0]
    }

    /// Splits rows into records: a row with any top-level value starts a record, others add one2many lines.
    private func group(_ rows: [[JSONValue]], columns: [Column], model: ModelDefinition) -> [ImportRecord] {
        var records: [ImportRecord] = []
        for (rowIndex, row) in rows.enumerated() {
            var values: JSONObject = [:]
            var lineValues: [String: JSONObject] = [:]
            for column in columns where column.index < row.count {
                let cell = row[column.index]
                guard !isEmpty(cell) else { continue }
                if column.path.count > 1, let field = model.field(column.path[0]), case .one2many = field.type {
                    lineValues[column.path[0], default: [:]][column.path.dropFirst().joined(separator: "/")] = cell
                } else {
                    values[column.path.joined(separator: "/")] = cell
                }
            }
            if !values.isEmpty || records.isEmpty {
                records.append(ImportRecord(firstRow: rowIndex, lastRow: rowIndex, values: values, lines: [:]))
            }
            records[records.count - 1].lastRow = rowIndex
            for (field, line) in lineValues {
                records[records.count - 1].lines[field, default: []].append(line)
            }
        }
        return records
    }

    private func isEmpty(_ cell: JSONValue) -> Bool {
        cell.isNull || cell == .string("") || cell == .bool(false)
    }

    private func importRecord(_ record: ImportRecord, model: ModelDefinition) throws -> Int {
        let externalID = record.values["id"]?.stringValue
        var existing = externalID.flatMap { transaction.resolveExternalID($0) }?.id
        if let databaseID = record.values[".id"]?.intValue, transaction.exists(model.name, databaseID) {
            existing = databaseID
        }
        var vals = try convertValues(record.values, model: model)
        var linesWithIDs: [(field: FieldDefinition, externalID: String, values: JSONObject)] = []
        for (fieldName, lines) in record.lines.sorted(by: { $0.key < $1.key }) {
            let field = model.field(fieldName)!
            let comodel = try transaction.definition(field.type.relation!)
            var commands: [JSONValue] = []
            for line in lines {
                var lineVals = try convertValues(line, model: comodel)
                if let lineID = line["id"]?.stringValue {
                    lineVals["id"] = nil
                    if let known = transaction.resolveExternalID(lineID), existing != nil {
                        commands.append([1, .int(known.id), .object(lineVals)])
                    } else {
                        linesWithIDs.append((field, lineID, lineVals))
                    }
                } else {
                    commands.append([0, 0, .object(lineVals)])
                }
            }
            if !commands.isEmpty {
                vals[fieldName] = .array(commands)
            }
        }
        let id: Int
        if let existing {
            try AccessControl.standard.check(.write, on: model, in: transaction)
            try transaction.write(model.name, [existing], .object(vals))
            id = existing
        } else {
            try AccessControl.standard.check(.create, on: model, in: transaction)
            id = try transaction.create(model.name, [.object(vals)])[0]
            if let externalID {
                try transaction.bindExternalID(externalID, to: RecordReference(model.name, id))
            }
        }
        try createLines(linesWithIDs, parent: id)
        return id
    }

    private func createLines(_ lines: [(field: FieldDefinition, externalID: String, values: JSONObject)], parent: Int) throws {
        for line in lines {
            guard case .one2many(let comodel, let inverse) = line.field.type else { continue }
            var values = line.values
            values[inverse] = .int(parent)
            let lineID = try transaction.create(comodel, [.object(values)])[0]
            try transaction.bindExternalID(line.externalID, to: RecordReference(comodel, lineID))
        }
    }

    /// Converts the text cells of one record to ORM values.
    private func convertValues(_ cells: JSONObject, model: ModelDefinition) throws -> JSONObject {
        var values: JSONObject = [:]
        for (column, cell) in cells.sorted(by: { $0.key < $1.key }) where column != "id" && column != ".id" {
            let parts = column.split(separator: "/").map(String.init)
            guard let field = model.field(parts[0]) else {
                throw LoadFault.generic(transaction.profile.unknownFieldInCreate(parts[0], model: model.name).message)
            }
            values[field.name] = try convert(cell, field: field, subfield: parts.count > 1 ? parts[1] : nil)
        }
        return values
    }

    private func convert(_ cell: JSONValue, field: FieldDefinition, subfield: String?) throws -> JSONValue {
        switch field.type {
        case .many2one(let comodel):
            return .int(try resolveRecord(cell, comodel: comodel, field: field, subfield: subfield))
        case .many2many(let comodel):
            let names = (cell.stringValue ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let ids = try names.map { try resolveRecord(.string($0), comodel: comodel, field: field, subfield: subfield) }
            return [[6, 0, .ids(ids)]]
        case .boolean:
            let text = (cell.stringValue ?? (cell.isTruthy ? "1" : "0")).lowercased()
            return .bool(["1", "true", "yes"].contains(text))
        case .selection(let options):
            let text = cell.stringValue ?? ""
            if let option = options.first(where: { $0.value == text || $0.label.lowercased() == text.lowercased() }) {
                return .string(option.value)
            }
            throw LoadFault.field(field: field, message: "Value '\(text)' not found in selection field '\(field.label)'", moreinfo: nil)
        default:
            return cell
        }
    }

    private func resolveRecord(_ cell: JSONValue, comodel: String, field: FieldDefinition, subfield: String?) throws -> Int {
        let text = cell.stringValue ?? cell.decimalValue?.description ?? ""
        switch subfield {
        case "id":
            guard let record = transaction.resolveExternalID(text), record.model == comodel else {
                throw LoadFault.field(field: field, message: "No matching record found for external id '\(text)' in field '\(field.label)'", moreinfo: comodel)
            }
            return record.id
        case ".id":
            guard let id = cell.intValue ?? Int(text), transaction.exists(comodel, id) else {
                throw LoadFault.field(field: field, message: "No matching record found for database id '\(text)' in field '\(field.label)'", moreinfo: comodel)
            }
            return id
        default:
            let matches = try transaction.nameSearch(comodel, name: text, domain: [], operator: "=ilike", limit: 1)
            guard let id = matches.first?[0]?.intValue else {
                throw LoadFault.field(field: field, message: "No matching record found for name '\(text)' in field '\(field.label)'", moreinfo: comodel)
            }
            return id
        }
    }
}

/// An import problem reported in `load()`'s `messages` instead of being raised.
private enum LoadFault: Error {
    case field(field: FieldDefinition, message: String, moreinfo: String?)
    case generic(String)

    func message(record: Int, rows: (Int, Int), profile: OdooVersionProfile) -> JSONValue {
        var entry: JSONObject = [
            "rows": ["from": .int(rows.0), "to": .int(rows.1)], "type": "error", "record": .int(record),
        ]
        switch self {
        case .generic(let text):
            entry["message"] = .string(text)
        case .field(let field, let text, let comodel):
            entry["message"] = .string(text)
            entry["field"] = .string(field.name)
            entry["field_name"] = .string(field.label)
            if let comodel {
                entry["moreinfo"] = [
                    "name": "Possible Values", "type": "ir.actions.act_window", "target": "new", "view_mode": .string(profile.listViewMode),
                    "views": [[false, "list"], [false, "form"]], "context": ["create": false], "help": "See all possible values",
                    "res_model": .string(comodel),
                ]
            }
        }
        return .object(entry)
    }
}
