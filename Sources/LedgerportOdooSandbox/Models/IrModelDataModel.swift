import LedgerportSDK

/// `ir.model.data`: external ids (`module.name`) naming records.
///
/// Reading or creating these rows needs the Access Rights group, as recorded.
/// `load()` and `get_external_id` work for other users because they touch
/// the rows with superuser rights.
struct IrModelDataModel: ModelBehavior {
    static func definition() -> ModelDefinition {
        ModelDefinition(
            "ir.model.data", label: "Model Data",
            fields: [
                FieldDefinition.char("name", "External Identifier").required(),
                FieldDefinition.char("complete_name", "Complete ID").computed { transaction, record in
                    let row = transaction.row(record.model, record.id) ?? [:]
                    return .string("\(row["module"]?.stringValue ?? "").\(row["name"]?.stringValue ?? "")")
                },
                FieldDefinition.char("model", "Model Name").required(),
                FieldDefinition.char("module", "Module").required().defaulting(to: ""),
                FieldDefinition.integer("res_id", "Record ID"),
                FieldDefinition.boolean("noupdate", "Non Updatable").defaulting(to: false),
            ],
            order: "module, model, name", behavior: IrModelDataModel()
        )
    }

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        let module = values["module"]?.stringValue ?? ""
        let name = values["name"]?.stringValue ?? ""
        if transaction.state.externalIDRow(named: "\(module).\(name)") != nil {
            throw OdooFault(
                .validationError,
                "The operation cannot be completed: duplicate key value violates unique constraint \"ir_model_data_module_name_uniq_index\"\n"
                    + "DETAIL:  Key (module, name)=(\(module), \(name)) already exists.\n"
            )
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        "\(row["module"]?.stringValue ?? "").\(row["name"]?.stringValue ?? "")"
    }
}

extension Transaction {
    /// Returns the external id (`module.name`) of a record, or nil when it has none.
    func externalID(_ model: String, _ id: Int) -> String? {
        guard let dataID = state.externalIDRow(for: RecordReference(model, id)), let entry = row("ir.model.data", dataID) else {
            return nil
        }
        return "\(entry["module"]?.stringValue ?? "").\(entry["name"]?.stringValue ?? "")"
    }

    /// Finds the record an external id names, or nil when the id is unknown or its record is gone.
    ///
    /// A name without a module (`stripe_customer_1`) means the `__import__`
    /// module, as `load()` reads it.
    func resolveExternalID(_ text: String) -> RecordReference? {
        let completeName = text.contains(".") ? text : "__import__.\(text)"
        guard let dataID = state.externalIDRow(named: completeName), let entry = row("ir.model.data", dataID),
            let model = entry["model"]?.stringValue, let id = entry["res_id"]?.intValue, exists(model, id)
        else {
            return nil
        }
        return RecordReference(model, id)
    }

    /// Gives a record an external id, with superuser rights, as `load()` and `export_data` do.
    func bindExternalID(_ text: String, to record: RecordReference, noupdate: Bool = false) throws {
        let parts = text.contains(".") ? text.split(separator: ".", maxSplits: 1).map(String.init) : ["__import__", text]
        if let dataID = state.externalIDRow(named: "\(parts[0]).\(parts[1])") {
            update("ir.model.data", dataID, ["model": .string(record.model), "res_id": .int(record.id)])
            return
        }
        _ = try sudo {
            try create(
                "ir.model.data",
                [
                    "module": .string(parts[0]), "name": .string(parts[1]), "model": .string(record.model),
                    "res_id": .int(record.id), "noupdate": .bool(noupdate),
                ] as RecordValues
            )
        }
    }

    /// Returns the id of a seeded record by its external id; a missing seed record is a programming error.
    func seededID(_ text: String) -> Int {
        guard let record = resolveExternalID(text) else {
            preconditionFailure("seed data has no record \(text)")
        }
        return record.id
    }
}
