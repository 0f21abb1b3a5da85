import LedgerportSDK

/// The `base` records: groups, countries, currencies, the company, its contacts and the users.
extension Seeder {
    /// The groups access rules use, with the ids the recordings show (1 internal user; 9 and 26 on 17.0's billing user).
    static let groups: [(id: Int, xmlID: String, name: String)] = [
        (1, Groups.internalUser, "Internal User"), (2, Groups.accessRights, "Access Rights"), (3, Groups.settings, "Settings"),
        (9, Groups.contactCreation, "Contact Creation"), (26, Groups.billing, "Billing"),
        (27, Groups.billingManager, "Billing Administrator"), (28, Groups.accountReadonly, "Show Accounting Features - Readonly"),
        (30, Groups.salesman, "User: Own Documents Only"), (32, Groups.salesManager, "Administrator"),
    ]

    func seedGroups() {
        for group in Self.groups {
            let rowID = profile.version == .v19 && group.xmlID == Groups.internalUser ? 5 : nil
            put("res.groups", group.id, ["name": .string(group.name), "full_name": .string(group.name)], xmlID: group.xmlID, xmlRowID: rowID)
        }
    }

    func seedCountries() {
        for (position, country) in CountryList.countries.enumerated() {
            put("res.country", position + 1, ["name": .string(country.name), "code": .string(country.code)], xmlID: "base.\(country.code.lowercased())")
        }
    }

    /// Currencies with the ids of a 17.0 database; every other ISO 4217 currency follows, inactive.
    static let knownCurrencies: [(id: Int, code: String, symbol: String, position: String, unit: String, name: String)] = [
        (1, "USD", "$", "before", "Dollars", "United States dollar"), (4, "CHF", "CHF", "after", "Franc", "Swiss franc"),
        (25, "JPY", "¥", "before", "Yen", "Japanese yen"), (93, "KWD", " د.ك ", "after", "Dinar", "Kuwaiti dinar"),
        (126, "EUR", "€", "after", "Euros", "Euro"), (144, "GBP", "£", "before", "Pounds", "Pound sterling"),
    ]

    func seedCurrencies() {
        let activeCodes: Set<String> = initialData == .standard ? ["USD", "EUR", "JPY", "KWD", "CHF"] : ["USD"]
        for currency in Self.knownCurrencies {
            put("res.currency", currency.id, currencyValues(
                code: currency.code, symbol: currency.symbol, position: currency.position, unit: currency.unit, name: currency.name,
                active: activeCodes.contains(currency.code)
            ), xmlID: "base.\(currency.code)")
        }
        let known = Set(Self.knownCurrencies.map(\.code))
        var nextID = 200
        for code in CurrencyExponentTable.iso4217.currencies.map(\.rawValue).sorted() where !known.contains(code) {
            put("res.currency", nextID, currencyValues(code: code, symbol: code, position: "after", unit: "", name: code, active: false), xmlID: "base.\(code)")
            nextID += 1
        }
        guard initialData == .standard else { return }
        let rates: [(currency: Int, rate: ExactDecimal)] = [
            (126, ExactDecimal(significand: 92, scale: 2)), (25, ExactDecimal(significand: 1515, scale: 1)),
            (93, ExactDecimal(significand: 307, scale: 3)),
        ]
        for (position, entry) in rates.enumerated() {
            put("res.currency.rate", position + 1, [
                "name": "2020-01-01", "rate": .decimal(entry.rate), "currency_id": .int(entry.currency), "company_id": 1,
            ])
        }
    }

    private func currencyValues(code: String, symbol: String, position: String, unit: String, name: String, active: Bool) -> RecordValues {
        let digits = CurrencyExponentTable.iso4217.exponent(of: CurrencyCode(stringLiteral: code)) ?? 2
        return [
            "name": .string(code), "symbol": .string(symbol), "position": .string(position), "currency_unit_label": .string(unit),
            "full_name": .string(name), "active": .bool(active), "rounding": .decimal(ExactDecimal(significand: 1, scale: digits)),
        ]
    }

    func seedCompanyAndPartners() {
        let us = 233
        put("res.partner", 1, partner("My Company", company: true, email: nil, country: us), xmlID: "base.main_partner", xmlRowID: 3)
        put("res.partner", 2, partner("OdooBot", company: false, email: "odoobot@example.com", active: false), xmlID: "base.partner_root", xmlRowID: 2542)
        put("res.partner", 3, partner("Administrator", company: false, email: "admin@yourcompany.example.com"), xmlID: "base.partner_admin", xmlRowID: 2543)
        put("res.partner", 4, partner("Public user", company: false, email: nil, active: false), xmlID: "base.public_partner", xmlRowID: 2544)
        put("res.partner", 5, partner("Default User Template", company: false, email: nil, active: false), xmlID: "base.default_user_res_partner", xmlRowID: 2744)
        put("res.company", 1, [
            "name": "My Company", "partner_id": 1, "currency_id": 1, "country_id": .int(us), "account_fiscal_country_id": .int(us),
            "chart_template": "generic_coa", "tax_calculation_rounding_method": "round_per_line", "account_sale_tax_id": 1,
            "account_purchase_tax_id": 2,
        ], xmlID: "base.main_company")
    }

    private func partner(_ name: String, company: Bool, email: String?, country: Int? = nil, active: Bool = true) -> RecordValues {
        [
            "name": .string(name), "complete_name": .string(name), "is_company": .bool(company), "company_type": company ? "company" : "person", "email": email.map { .string($0) } ?? .null,
            "country_id": country.map { .int($0) } ?? .null, "active": .bool(active), "type": "contact", "lang": "en_US",
            "customer_rank": 0, "supplier_rank": 0, "category_id": [], "company_id": company ? 1 : .null,
        ]
    }

    func seedUsers(adminPassword: String) {
        let groupsField = profile.userGroupsField
        let everyGroup = JSONValue.ids(Self.groups.map(\.id))
        put("res.users", 1, ["login": "__system__", "partner_id": 2, "active": false, groupsField: everyGroup, "company_id": 1], xmlID: "base.user_root")
        put("res.users", 2, [
            "login": "admin", "partner_id": 3, "active": true, groupsField: everyGroup, "company_id": 1,
            "password_hash": .string(Credentials.hash(password: adminPassword)),
        ], xmlID: "base.user_admin")
        put("res.users", 3, ["login": "public", "partner_id": 4, "active": false, groupsField: [], "company_id": 1], xmlID: "base.public_user")
        put("res.users", 4, ["login": "default", "partner_id": 5, "active": false, groupsField: [1], "company_id": 1], xmlID: "base.default_user")
        if profile.version == .v17 {
            put("res.users", 5, ["login": "portaltemplate", "partner_id": 5, "active": false, groupsField: [], "company_id": 1], xmlID: "base.template_portal_user_id")
        }
    }

    func seedReferenceData() {
        let precisions: [(String, Int)] = [
            ("Percentage Analytic", 2), ("Product Price", 2), ("Discount", 2), ("Stock Weight", 2), ("Volume", 2),
            ("Product Unit of Measure", 2), ("Payment Terms", 6),
        ]
        for (position, precision) in precisions.enumerated() {
            put("decimal.precision", position + 1, ["name": .string(precision.0), "digits": .int(precision.1)])
        }
        put("uom.uom", 1, ["name": "Units"], xmlID: "uom.product_uom_unit")
        put("ir.sequence", 1, ["name": "Sales Order", "code": "sale.order", "prefix": "S", "padding": 5, "number_next": 1])
        put("product.pricelist", 1, ["name": "Default", "currency_id": 1, "active": true], xmlID: "product.list0")
        guard initialData == .standard else { return }
        for (offset, currency) in [(126, "EUR"), (25, "JPY"), (93, "KWD")].enumerated() {
            put("product.pricelist", offset + 2, ["name": .string("Default \(currency.1)"), "currency_id": .int(currency.0), "active": true])
        }
    }

    func seedMail() {
        let types: [(String, String, Int, String)] = [
            ("Email", "default", 0, "mail.mail_activity_data_email"), ("Call", "phonecall", 2, "mail.mail_activity_data_call"),
            ("Meeting", "default", 0, "mail.mail_activity_data_meeting"), ("To-Do", "default", 5, "mail.mail_activity_data_todo"),
            ("Upload Document", "upload_file", 5, "mail.mail_activity_data_upload_document"),
        ]
        for (position, type) in types.enumerated() {
            put("mail.activity.type", position + 1, [
                "name": .string(type.0), "category": .string(type.1), "delay_count": .int(type.2), "delay_unit": "days",
                "res_model": .null, "sequence": .int(position + 1), "active": true,
            ], xmlID: type.3)
        }
        put("mail.message.subtype", 1, ["name": "Discussions", "internal": false], xmlID: "mail.mt_comment")
        put("mail.message.subtype", 2, ["name": "Note", "internal": true], xmlID: "mail.mt_note")
    }
}
