import LedgerportSDK

/// Builds the records of a new database.
///
/// Records that the recordings refer to by id get the same id as on the real
/// server (company 1, admin user 2, journal 6 for the bank, tax 1 for 15%,
/// EUR 126, Germany 57), so replayed requests find them.
struct Seeder {
    let transaction: Transaction
    let initialData: InitialData

    var profile: OdooVersionProfile { transaction.profile }

    /// Builds the records of a new database named `name`, with the admin user's password `adminPassword`.
    static func makeDatabase(
        registry: ModelRegistry, initialData: InitialData, clock: any WallClock, name: String, adminPassword: String
    ) throws -> DatabaseState {
        let transaction = Transaction(state: DatabaseState(), registry: registry, clock: clock, databaseName: name, uid: 1)
        let seeder = Seeder(transaction: transaction, initialData: initialData)
        try seeder.seedAll(adminPassword: adminPassword)
        var state = transaction.state
        state.rebuildIndexes(indexedFields: registry.indexedFields)
        return state
    }

    private func seedAll(adminPassword: String) throws {
        seedModels()
        seedGroups()
        seedCountries()
        seedCurrencies()
        seedCompanyAndPartners()
        seedUsers(adminPassword: adminPassword)
        seedAccounting()
        seedReferenceData()
        seedMail()
        transaction.advanceSequence("ir.model.data", to: 20_000)
    }

    /// Stores a record under `id` with create and write stamps, and its external id when given.
    func put(_ model: String, _ id: Int, _ values: RecordValues, xmlID: String? = nil, xmlRowID: Int? = nil) {
        var stored = values
        stored["create_uid"] = 1
        stored["write_uid"] = 1
        stored["create_date"] = .string(transaction.nowText)
        stored["write_date"] = .string(transaction.nowText)
        transaction.insert(model, id: id, stored)
        if let xmlID {
            bind(xmlID, to: RecordReference(model, id), rowID: xmlRowID)
        }
    }

    /// Gives a seeded record its external id, under a chosen `ir.model.data` id when the recordings show one.
    func bind(_ xmlID: String, to record: RecordReference, rowID: Int? = nil) {
        let parts = xmlID.split(separator: ".", maxSplits: 1).map(String.init)
        let values: RecordValues = [
            "module": .string(parts[0]), "name": .string(parts[1]), "model": .string(record.model), "res_id": .int(record.id),
            "noupdate": true,
        ]
        if let rowID {
            put("ir.model.data", rowID, values)
        } else {
            let id = transaction.state.tables["ir.model.data"]?.nextID ?? 1
            put("ir.model.data", max(id, 10_000), values)
        }
    }

    private func seedModels() {
        for (position, name) in transaction.registry.modelNames.enumerated() {
            let label = transaction.registry.model(name)!.label
            let id = name == "account.move" ? 443 : position + 1
            put("ir.model", id, ["model": .string(name), "name": .string(label)])
        }
    }
}
