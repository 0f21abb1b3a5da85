import LedgerportSDK

/// Reading records, as `read` does.
extension Transaction {
    /// Reads the records of `ids` that exist, in the order given, with `id` and the requested fields.
    ///
    /// Ids of deleted records are skipped without error, as Odoo's `read`
    /// does. With no field list, every field is returned.
    func read(_ model: String, _ ids: [Int], fields: [String]?) throws -> [JSONValue] {
        let definition = try self.definition(model)
        let names = try fieldNames(fields, of: definition)
        var records: [JSONValue] = []
        for id in ids where exists(model, id) {
            var record: JSONObject = ["id": .int(id)]
            for name in names {
                record[name] = try readValue(definition, id, definition.field(name)!)
            }
            records.append(.object(record))
        }
        return records
    }

    /// Checks the requested field names and returns them, or all fields of the model when none are requested.
    func fieldNames(_ requested: [String]?, of model: ModelDefinition) throws -> [String] {
        guard let requested, !requested.isEmpty else {
            return model.fields.map(\.name)
        }
        for name in requested where model.field(name) == nil {
            throw profile.unknownFieldInRead(name, model: model.name)
        }
        return requested
    }
}
