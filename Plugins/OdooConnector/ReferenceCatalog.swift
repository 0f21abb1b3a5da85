import LedgerportSDK

/// Odoo's reference data (company, currencies, taxes, journals, countries, precision), looked up by name or code once per connection.
///
/// Values are cached for the life of the connector instance, which the
/// runtime recreates when the connection changes. An unknown name is a
/// business error that names it, because the fix is in Odoo's setup or in
/// the mapping, not in retrying.
actor ReferenceCatalog {
    /// A currency as Odoo stores it.
    struct Currency: Sendable, Hashable {
        var id: Int64
        var code: CurrencyCode
        var active: Bool
    }

    /// The company the connector writes for.
    struct Company: Sendable, Hashable {
        var id: Int64
        var currencyID: Int64
        var currencyCode: String
    }

    private let session: OdooSession
    private var company: Company?
    private var currencies: [String: Currency] = [:]
    private var currenciesByID: [Int64: Currency] = [:]
    private var salesTaxes: [String: [Int64]]?
    private var journals: [(id: Int64, code: String, type: String)]?
    private var countries: [String: Int64] = [:]
    /// State ids by country id and the state's code or name as sent, such as `233 CA`.
    private var countryStates: [String: Int64] = [:]
    private var unitPriceDigits: Int?
    private var modelIDs: [String: Int64] = [:]
    private var activityTypes: [String: Int64] = [:]
    private var partnerCategories: [String: Int64] = [:]
    private var pricelists: [String: Int64] = [:]

    init(session: OdooSession) {
        self.session = session
    }

    func execute(_ call: OdooCall, label: String) async throws(ConnectorError) -> JSONValue {
        try await session.execute(call, operation: label)
    }

    func company(label: String) async throws(ConnectorError) -> Company {
        if let company { return company }
        let rows = try await session.execute(.searchRead("res.company", domain: [], fields: ["currency_id"], order: "id", limit: 1), operation: label)
        guard let row = rows[0], let id = row["id"]?.int64Value, let currencyID = row["currency_id"]?[0]?.int64Value,
            let code = row["currency_id"]?[1]?.stringValue
        else { throw .configuration("odoo_company_missing", "\(label): the integration user sees no company in Odoo") }
        let found = Company(id: id, currencyID: currencyID, currencyCode: code)
        company = found
        return found
    }

    /// Looks up the currency with ISO code `code`. An inactive or unknown currency is a business error.
    func currency(_ code: String, label: String) async throws(ConnectorError) -> Currency {
        let key = code.uppercased()
        if let cached = currencies[key] { return cached }
        let call = OdooCall.searchRead("res.currency", domain: [domainLeaf("name", "=", .string(key))], fields: ["name", "active"], context: ["active_test": false])
        guard let row = try await session.execute(call, operation: label)[0], let id = row["id"]?.int64Value, let iso = CurrencyCode(key) else {
            throw .business("odoo_currency_unknown", "\(label): currency \"\(key)\" does not exist in Odoo", hint: "create or activate the currency in Odoo, then replay")
        }
        let currency = Currency(id: id, code: iso, active: row["active"]?.boolValue ?? true)
        guard currency.active else {
            throw .business("odoo_currency_inactive", "\(label): currency \"\(key)\" is not active in Odoo", hint: "activate \(key) in Odoo's currency settings and add its exchange rates, then replay")
        }
        currencies[key] = currency
        currenciesByID[id] = currency
        return currency
    }

    /// Looks up an active pricelist in the currency with ISO code `code`, the first by id when several exist.
    ///
    /// A sales order takes its currency from its pricelist, so an order in EUR needs a pricelist in EUR.
    /// A currency without a pricelist is a business error that says what to create.
    func pricelist(currency code: String, label: String) async throws(ConnectorError) -> Int64 {
        let key = code.uppercased()
        if let cached = pricelists[key] { return cached }
        let currency = try await currency(key, label: label)
        let call = OdooCall.searchRead(
            "product.pricelist", domain: [domainLeaf("currency_id", "=", .number(JSONNumber(currency.id)))], fields: ["name"], order: "id", limit: 1
        )
        guard let id = try await session.execute(call, operation: label)[0]?["id"]?.int64Value else {
            throw .business("odoo_pricelist_missing", "\(label): Odoo has no active pricelist in \(key)", hint: "create a pricelist in \(key) in Odoo's sales settings, then replay")
        }
        pricelists[key] = id
        return id
    }

    /// Looks up the sales taxes named `names`. An unknown or ambiguous name is a business error naming it.
    func salesTaxIDs(_ names: [String], label: String) async throws(ConnectorError) -> [Int64] {
        if salesTaxes == nil {
            let call = OdooCall.searchRead("account.tax", domain: [domainLeaf("type_tax_use", "=", "sale")], fields: ["name"], order: "id")
            var byName = [String: [Int64]]()
            for row in try await session.execute(call, operation: label).arrayValue ?? [] {
                if let id = row["id"]?.int64Value, let name = row["name"]?.stringValue { byName[name, default: []].append(id) }
            }
            salesTaxes = byName
        }
        var ids = [Int64]()
        for name in names {
            guard let matches = salesTaxes?[name], !matches.isEmpty else {
                throw .business("odoo_tax_unknown", "\(label): sales tax \"\(name)\" does not exist in Odoo", hint: "create the tax in Odoo or map the source tax to an existing one, then replay")
            }
            guard matches.count == 1 else {
                throw .business("odoo_tax_ambiguous", "\(label): \(matches.count) sales taxes are named \"\(name)\" in Odoo", hint: "rename the taxes in Odoo so that each name is unique")
            }
            ids.append(matches[0])
        }
        return ids
    }

    /// Looks up the journal with `code`, or the first journal of `type` (`sale`, `bank`) when no code is given.
    func journal(code: String?, type: String, label: String) async throws(ConnectorError) -> Int64 {
        if journals == nil {
            let call = OdooCall.searchRead("account.journal", domain: [], fields: ["code", "type"], order: "id")
            journals = (try await session.execute(call, operation: label).arrayValue ?? []).compactMap { row in
                guard let id = row["id"]?.int64Value, let code = row["code"]?.stringValue, let type = row["type"]?.stringValue else { return nil }
                return (id, code, type)
            }
        }
        if let code {
            guard let match = journals?.first(where: { $0.code == code }) else {
                throw .business("odoo_journal_unknown", "\(label): journal with code \"\(code)\" does not exist in Odoo", hint: "check the journal code in the mapping or the connection")
            }
            return match.id
        }
        guard let match = journals?.first(where: { $0.type == type }) else {
            throw .configuration("odoo_journal_missing", "\(label): Odoo has no journal of type \(type)", hint: "create a \(type) journal in Odoo")
        }
        return match.id
    }

    /// Looks up the country with ISO alpha-2 `code`.
    func country(_ code: String, label: String) async throws(ConnectorError) -> Int64 {
        let key = code.uppercased()
        if let id = countries[key] { return id }
        let call = OdooCall(model: "res.country", method: "search", arguments: [.init(name: "domain", value: [domainLeaf("code", "=", .string(key))])])
        guard let id = try await session.execute(call, operation: label)[0]?.int64Value else {
            throw .business("odoo_country_unknown", "\(label): country code \"\(key)\" does not exist in Odoo", hint: "send an ISO 3166 alpha-2 code such as DE")
        }
        countries[key] = id
        return id
    }

    /// Digits Odoo keeps for unit prices (decimal precision "Product Price"); 2, Odoo's default, when the record is not readable.
    ///
    /// The cached digits are read again when they are fewer than `needed`, so a precision an operator
    /// has just raised in Odoo applies to the next attempt, not only after the connector is rebuilt.
    func unitPriceDigits(needed: Int = 0, label: String) async throws(ConnectorError) -> Int {
        if let unitPriceDigits, unitPriceDigits >= needed { return unitPriceDigits }
        let call = OdooCall.searchRead("decimal.precision", domain: [domainLeaf("name", "=", "Product Price")], fields: ["digits"])
        let digits = try await session.execute(call, operation: label)[0]?["digits"]?.intValue ?? 2
        unitPriceDigits = digits
        return digits
    }

    /// Looks up the `ir.model` id of `model`, which `mail.activity` needs as `res_model_id`.
    func modelID(_ model: String, label: String) async throws(ConnectorError) -> Int64 {
        if let id = modelIDs[model] { return id }
        let call = OdooCall.searchRead("ir.model", domain: [domainLeaf("model", "=", .string(model))], fields: ["model"])
        guard let id = try await session.execute(call, operation: label)[0]?["id"]?.int64Value else {
            throw .configuration("odoo_model_missing", "\(label): model \(model) does not exist in Odoo", hint: "install the Odoo module that provides \(model)")
        }
        modelIDs[model] = id
        return id
    }

    /// Looks up the activity type named `name` (`To-Do`, `Email`, `Call`).
    func activityType(_ name: String, label: String) async throws(ConnectorError) -> Int64 {
        if let id = activityTypes[name] { return id }
        let call = OdooCall.searchRead("mail.activity.type", domain: [domainLeaf("name", "=", .string(name))], fields: ["name"])
        guard let id = try await session.execute(call, operation: label)[0]?["id"]?.int64Value else {
            throw .business("odoo_activity_type_unknown", "\(label): activity type \"\(name)\" does not exist in Odoo", hint: "use todo, email, call or an activity type name that exists in Odoo")
        }
        activityTypes[name] = id
        return id
    }

    /// Looks up the partner category (tag) named `name`, creating it when it does not exist yet.
    func partnerCategory(_ name: String, label: String) async throws(ConnectorError) -> Int64 {
        if let id = partnerCategories[name] { return id }
        let search = OdooCall.searchRead("res.partner.category", domain: [domainLeaf("name", "=", .string(name))], fields: ["name"])
        if let id = try await session.execute(search, operation: label)[0]?["id"]?.int64Value {
            partnerCategories[name] = id
            return id
        }
        let created = try await session.execute(.create("res.partner.category", values: [["name": .string(name)]]), operation: label)
        guard let id = created[0]?.int64Value else {
            throw .system("odoo_unexpected_response", "\(label): creating tag \"\(name)\" returned no id")
        }
        partnerCategories[name] = id
        return id
    }
}

extension ReferenceCatalog {
    /// Looks up the state or province `text` (its code or name) in country `countryID`.
    func countryState(_ text: String, countryID: Int64, label: String) async throws(ConnectorError) -> Int64 {
        let key = "\(countryID) \(text)"
        if let id = countryStates[key] { return id }
        let domain: JSONValue = [
            domainLeaf("country_id", "=", .number(JSONNumber(countryID))), "|",
            domainLeaf("code", "=", .string(text)), domainLeaf("name", "=", .string(text)),
        ]
        let call = OdooCall.searchRead("res.country.state", domain: domain, fields: ["name"], limit: 1)
        guard let id = try await execute(call, label: label)[0]?["id"]?.int64Value else {
            throw .business("odoo_state_unknown", "\(label): state \"\(text)\" does not exist for the country in Odoo", hint: "send the state's code or name as Odoo lists it")
        }
        countryStates[key] = id
        return id
    }
}
