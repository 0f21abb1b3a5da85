import LedgerportSDK

/// `name_search` and `export_data`.
extension Transaction {
    /// `[[id, display_name], ...]` of the records whose name fields match `name` with `operator`.
    ///
    /// The fields matched are the model's ``ModelDefinition/nameSearchFields``
    /// (for contacts: complete name, email, reference and tax id). An empty
    /// name with a positive operator matches everything, as in Odoo.
    func nameSearch(_ model: String, name: String, domain: JSONValue, operator comparison: String, limit: Int?) throws -> [JSONValue] {
        let definition = try self.definition(model)
        var combined = try Domain.parse(domain.isNull ? [] : domain, model: definition, in: self)
        if !name.isEmpty || !["ilike", "like", "=ilike", "=like"].contains(comparison) {
            let leaves = definition.nameSearchFields.map {
                Domain.leaf(DomainLeaf(path: [$0], comparison: comparison.lowercased(), value: .string(name)))
            }
            let nameDomain = comparison.hasPrefix("not") || comparison == "!=" ? Domain.and(leaves) : Domain.or(leaves)
            combined = .combined(combined, nameDomain)
        }
        let ids = try search(definition, domain: combined, limit: limit)
        return ids.map { [.int($0), .string(displayName(model, $0))] }
    }

    /// Builds the rows `export_data` returns; an `id` column gives untagged records an `__export__` external id.
    func exportRows(_ model: String, _ ids: [Int], fields: [String]) throws -> [JSONValue] {
        let definition = try self.definition(model)
        var rows: [JSONValue] = []
        for id in ids where exists(model, id) {
            var cells: [JSONValue] = []
            for name in fields {
                if name == "id" {
                    cells.append(.string(try exportExternalID(model, id)))
                } else if let field = definition.field(name) {
                    cells.append(try exportCell(definition, id, field))
                } else {
                    throw profile.unknownFieldInRead(name, model: model)
                }
            }
            rows.append(.array(cells))
        }
        return rows
    }

    private func exportExternalID(_ model: String, _ id: Int) throws -> String {
        if let existing = externalID(model, id) {
            return existing
        }
        var generator = SystemRandomNumberGenerator()
        let suffix = String(format: "%08x", UInt32.random(in: 0...UInt32.max, using: &generator))
        let name = "__export__.\(model.replacingOccurrences(of: ".", with: "_"))_\(id)_\(suffix)"
        try bindExternalID(name, to: RecordReference(model, id))
        return name
    }

    private func exportCell(_ model: ModelDefinition, _ id: Int, _ field: FieldDefinition) throws -> JSONValue {
        let value = try readValue(model, id, field)
        if case .many2one = field.type {
            return value.arrayValue?.last ?? false
        }
        return value
    }
}
