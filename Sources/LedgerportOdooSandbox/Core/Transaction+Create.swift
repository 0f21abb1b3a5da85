import LedgerportSDK

/// Creating records, as `create` does: all records of a call or none.
extension Transaction {
    /// Creates one record per element of `valsList` and returns their ids in order.
    ///
    /// Unknown fields and invalid values raise before anything is stored;
    /// defaults come from the context (`default_<field>`), then the field,
    /// then the model's `willCreate`. A failure leaves the caller's
    /// transaction to be discarded, so a batch is all or nothing.
    @discardableResult
    func create(_ model: String, _ valsList: [JSONValue]) throws -> [Int] {
        let definition = try self.definition(model)
        var ids: [Int] = []
        for vals in valsList {
            guard case .object(let members) = vals else {
                throw OdooFault(.attributeError, "'\(Transaction.pythonTypeName(vals))' object has no attribute 'get'")
            }
            ids.append(try createRecord(definition, members))
        }
        return ids
    }

    /// Creates one record from a dict of values and returns its id.
    @discardableResult
    func create(_ model: String, _ values: RecordValues) throws -> Int {
        try create(model, [.object(values)])[0]
    }

    private func createRecord(_ model: ModelDefinition, _ members: JSONObject) throws -> Int {
        for name in members.keys.sorted() where model.field(name) == nil {
            throw profile.unknownFieldInCreate(name, model: model.name)
        }
        var values = RecordValues()
        var oneToMany: [(FieldDefinition, [X2ManyCommand])] = []
        for name in members.keys.sorted() {
            let field = model.field(name)!
            guard field.compute == nil, name != "id" else { continue }
            switch field.type {
            case .one2many:
                oneToMany.append((field, try X2ManyCommand.parse(members[name]!, field: name)))
            case .many2many(let comodel):
                let commands = try X2ManyCommand.parse(members[name]!, field: name)
                values[name] = .ids(try applyManyToMany(commands, current: [], comodel: comodel))
            default:
                values[name] = try convert(members[name]!, for: field, of: model)
            }
        }
        try applyDefaults(to: &values, model: model)
        try model.behavior.willCreate(&values, in: self)
        try checkRequired(values, of: model)
        try checkForeignKeys(values, of: model)

        let id = insert(model.name, values)
        try creating(RecordReference(model.name, id)) {
            for (field, commands) in oneToMany {
                try applyOneToMany(commands, field: field, parent: id)
            }
        }
        try model.behavior.didCreate(id, in: self)
        return id
    }

    private func applyDefaults(to values: inout RecordValues, model: ModelDefinition) throws {
        for field in model.fields where values[field.name] == nil && field.isStored && field.name != "id" {
            if let contextDefault = context["default_\(field.name)"] {
                if case .many2many(let comodel) = field.type {
                    let commands = try X2ManyCommand.parse(contextDefault, field: field.name)
                    values[field.name] = .ids(try applyManyToMany(commands, current: [], comodel: comodel))
                } else {
                    values[field.name] = try convert(contextDefault, for: field, of: model)
                }
            } else if let defaultValue = field.defaultValue {
                values[field.name] = try defaultValue(self)
            }
        }
        values["create_uid"] = .int(uid)
        values["write_uid"] = .int(uid)
        values["create_date"] = .string(nowText)
        values["write_date"] = .string(nowText)
    }

    /// Raises the mandatory-field ValidationError for the first required column left empty.
    func checkRequired(_ values: RecordValues, of model: ModelDefinition) throws {
        for field in model.fields where field.isRequired && field.isStored && !field.type.isX2Many {
            let value = values[field.name] ?? .null
            guard value.isNull || value == .string("") else { continue }
            let owner = field.requiredErrorOwner ?? (model.label, model.name)
            throw profile.mandatoryField(modelLabel: owner.label, model: owner.model, fieldLabel: field.label, field: field.name)
        }
    }
}
