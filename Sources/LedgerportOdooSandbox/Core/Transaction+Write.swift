import LedgerportSDK

/// Writing and deleting records, as `write` and `unlink` do.
extension Transaction {
    /// Writes the same values on every record of `ids`.
    ///
    /// Raises MissingError when any id is gone, the version's unknown-field
    /// error for an unknown name, and whatever the model's `willWrite` rejects.
    func write(_ model: String, _ ids: [Int], _ vals: JSONValue) throws {
        let definition = try self.definition(model)
        guard case .object(let members) = vals else {
            throw OdooFault(.attributeError, "'\(Transaction.pythonTypeName(vals))' object has no attribute 'items'")
        }
        let missing = ids.filter { !exists(model, $0) }
        guard missing.isEmpty else {
            throw OdooFault.missingRecords(model, missing, uid: uid)
        }
        for name in members.keys.sorted() where definition.field(name) == nil {
            throw profile.unknownFieldInWrite(name, model: model)
        }

        var values = RecordValues()
        var manyToMany: [(FieldDefinition, [X2ManyCommand])] = []
        var oneToMany: [(FieldDefinition, [X2ManyCommand])] = []
        for name in members.keys.sorted() {
            let field = definition.field(name)!
            guard field.compute == nil, name != "id" else { continue }
            switch field.type {
            case .one2many: oneToMany.append((field, try X2ManyCommand.parse(members[name]!, field: name)))
            case .many2many: manyToMany.append((field, try X2ManyCommand.parse(members[name]!, field: name)))
            default: values[name] = try convert(members[name]!, for: field, of: definition)
            }
        }
        let x2manyNames = Set((manyToMany + oneToMany).map(\.0.name))
        try definition.behavior.willWrite(ids, &values, x2many: x2manyNames, in: self)
        try checkForeignKeys(values, of: definition)
        try checkRequiredOnWrite(values, of: definition)

        values["write_uid"] = .int(uid)
        values["write_date"] = .string(nowText)
        for id in ids {
            var recordValues = values
            for (field, commands) in manyToMany {
                let current = row(model, id)?[field.name]?.idList ?? []
                recordValues[field.name] = .ids(try applyManyToMany(commands, current: current, comodel: field.type.relation!))
            }
            update(model, id, recordValues)
            for (field, commands) in oneToMany {
                try applyOneToMany(commands, field: field, parent: id)
            }
        }
        try definition.behavior.didWrite(ids, fields: Set(members.keys), in: self)
    }

    private func checkRequiredOnWrite(_ values: RecordValues, of model: ModelDefinition) throws {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where value.isNull {
            guard let field = model.field(name), field.isRequired else { continue }
            let owner = field.requiredErrorOwner ?? (model.label, model.name)
            throw profile.mandatoryField(modelLabel: owner.label, model: owner.model, fieldLabel: field.label, field: name)
        }
    }

    /// Deletes `ids`, their cascading one2many lines and their external ids.
    func unlink(_ model: String, _ ids: [Int]) throws {
        let definition = try self.definition(model)
        let missing = ids.filter { !exists(model, $0) }
        guard missing.isEmpty else {
            throw OdooFault.missingRecords(model, missing, uid: uid)
        }
        try definition.behavior.willUnlink(ids, in: self)
        var removed: [Int: RecordValues] = [:]
        for id in ids {
            guard let values = row(model, id) else { continue }
            removed[id] = values
            try removeCascading(definition, id)
        }
        try definition.behavior.didUnlink(ids, rows: removed, in: self)
    }

    private func removeCascading(_ model: ModelDefinition, _ id: Int) throws {
        for field in model.fields {
            guard case .one2many(let comodel, let inverse) = field.type, field.x2manyFilter == nil,
                (try definition(comodel)).field(inverse)?.isRequired == true
            else { continue }
            for child in try inverseIDs(comodel: comodel, inverse: inverse, id: id, filter: nil) where exists(comodel, child) {
                try removeCascading(try definition(comodel), child)
            }
        }
        remove(model.name, id)
        for dataID in allIDs("ir.model.data") {
            let entry = row("ir.model.data", dataID)!
            if entry["model"]?.stringValue == model.name && entry["res_id"]?.intValue == id {
                remove("ir.model.data", dataID)
            }
        }
    }
}
