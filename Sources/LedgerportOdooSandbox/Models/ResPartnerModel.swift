import LedgerportSDK

/// `res.partner`: companies, their contacts and individual customers.
///
/// Implements what the recordings show: the name check constraint, the
/// `Parent, Child` display name of contacts, address fields copied from the
/// parent company for contacts of type `contact`, tags, archiving, and
/// `name_search` over name, email, reference and tax id.
struct ResPartnerModel: ModelBehavior {
    static let addressFields = ["street", "street2", "city", "zip", "state_id", "country_id"]

    static func definition(_ profile: OdooVersionProfile) -> ModelDefinition {
        ModelDefinition(
            "res.partner", label: "Contact",
            fields: [
                .char("name", "Name"),
                FieldDefinition.char("complete_name", "Complete Name").readonly(),
                FieldDefinition.boolean("is_company", "Is a Company").defaulting(to: false),
                .selection("company_type", "Company Type", [("person", profile.version == .v17 ? "Individual" : "Person"), ("company", "Company")]),
                .many2one("parent_id", "Related Company", "res.partner"),
                FieldDefinition.one2many("child_ids", "Contact", "res.partner", inverse: "parent_id")
                    .filtered { $0["active"]?.isTruthy ?? true },
                FieldDefinition.many2one("commercial_partner_id", "Commercial Entity", "res.partner").computed { transaction, record in
                    .int(transaction.commercialPartner(record.id))
                },
                FieldDefinition.selection(
                    "type", "Address Type", [("contact", "Contact"), ("invoice", "Invoice"), ("delivery", "Delivery"), ("other", "Other")]
                ).defaulting(to: "contact"),
                .char("ref", "Reference"),
                .char("vat", "Tax ID"),
                .char("company_registry", "Company ID"),
                .char("email", "Email"),
                .char("phone", "Phone"),
                .char("mobile", "Mobile"),
                .char("website", "Website Link"),
                .char("street", "Street"),
                .char("street2", "Street2"),
                .char("city", "City"),
                .char("zip", "Zip"),
                .many2one("state_id", "State", "res.country.state"),
                .many2one("country_id", "Country", "res.country"),
                FieldDefinition.selection("lang", "Language", [("en_US", "English (US)")]).defaulting(to: "en_US"),
                .html("comment", "Notes"),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
                FieldDefinition.integer("customer_rank", "Customer Rank").defaulting(to: 0),
                FieldDefinition.integer("supplier_rank", "Supplier Rank").defaulting(to: 0),
                .many2many("category_id", "Tags", "res.partner.category"),
                .many2one("company_id", "Company", "res.company"),
                FieldDefinition.one2many("bank_ids", "Banks", "res.partner.bank", inverse: "partner_id"),
                FieldDefinition.one2many("user_ids", "Users", "res.users", inverse: "partner_id"),
            ],
            order: "complete_name asc, id desc", nameSearch: ["complete_name", "email", "ref", "vat", "company_registry"],
            mailThread: true, behavior: ResPartnerModel()
        )
    }

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        Self.syncCompanyType(&values)
        if let parent = values["parent_id"]?.intValue, let parentRow = transaction.row("res.partner", parent),
            values["type"]?.stringValue == "contact"
        {
            for field in Self.addressFields where values[field] == nil || values[field] == .null {
                values[field] = parentRow[field] ?? .null
            }
        }
        try checkName(values)
        values["complete_name"] = .string(completeName(values, in: transaction))
    }

    func willWrite(_ ids: [Int], _ values: inout RecordValues, x2many: Set<String>, in transaction: Transaction) throws {
        Self.syncCompanyType(&values)
        for id in ids {
            try checkName(transaction.row("res.partner", id)!.merging(values) { _, new in new })
        }
    }

    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws {
        guard !fields.isDisjoint(with: ["name", "parent_id", "is_company", "type"]) else {
            return
        }
        var pending = ids
        var seen = Set<Int>()
        while let id = pending.popLast(), !seen.contains(id) {
            seen.insert(id)
            let row = transaction.row("res.partner", id)!
            transaction.update("res.partner", id, ["complete_name": .string(completeName(row, in: transaction))])
            pending += transaction.linkedIDs("res.partner", field: "parent_id", to: id).map(Array.init) ?? []
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        row["complete_name"]?.stringValue ?? row["name"]?.stringValue ?? ""
    }

    /// Keeps `is_company` and `company_type` (the same choice, as a flag and as a selection) in step.
    private static func syncCompanyType(_ values: inout RecordValues) {
        if let type = values["company_type"]?.stringValue {
            values["is_company"] = .bool(type == "company")
        } else if let flag = values["is_company"] {
            values["company_type"] = flag.isTruthy ? "company" : "person"
        }
    }

    /// Enforces the check constraint `res_partner_check_name`: contacts of type `contact` need a name.
    private func checkName(_ values: RecordValues) throws {
        let type = values["type"]?.stringValue ?? "contact"
        let name = values["name"]?.stringValue ?? ""
        if type == "contact" && name.isEmpty {
            throw OdooFault(.validationError, "The operation cannot be completed: Contacts require a name")
        }
    }

    /// `Company, Contact` for a contact under a company, the name alone otherwise.
    private func completeName(_ values: RecordValues, in transaction: Transaction) -> String {
        let name = values["name"]?.stringValue ?? ""
        guard let parent = values["parent_id"]?.intValue, !(values["is_company"]?.isTruthy ?? false),
            let parentRow = transaction.row("res.partner", parent)
        else {
            return name
        }
        let parentName = parentRow["complete_name"]?.stringValue ?? parentRow["name"]?.stringValue ?? ""
        return name.isEmpty ? parentName : "\(parentName), \(name)"
    }
}

extension Transaction {
    /// Returns the company a contact belongs to, or the contact itself when it has no company parent.
    func commercialPartner(_ id: Int) -> Int {
        var current = id
        var seen = Set<Int>()
        while let row = row("res.partner", current), !(row["is_company"]?.isTruthy ?? false),
            let parent = row["parent_id"]?.intValue, !seen.contains(parent)
        {
            seen.insert(current)
            current = parent
        }
        return current
    }

    /// Returns the address invoices of `partner` go to: its first child contact of type `invoice`, or the partner itself.
    func invoiceAddress(_ partner: Int) -> Int {
        let children = linkedIDs("res.partner", field: "parent_id", to: partner).map(Array.init)?.sorted() ?? []
        return children.first {
            row("res.partner", $0)?["type"]?.stringValue == "invoice" && row("res.partner", $0)?["active"]?.isTruthy == true
        } ?? partner
    }
}
