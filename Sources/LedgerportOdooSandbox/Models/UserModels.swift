import LedgerportSDK

/// `res.users`: logins with a password and groups; creating a user creates its contact.
struct ResUsersModel: ModelBehavior {
    static func definition(_ profile: OdooVersionProfile) -> ModelDefinition {
        ModelDefinition(
            "res.users", label: "User",
            fields: [
                FieldDefinition.char("name", "Name").computed { transaction, record in
                    let partner = transaction.value(record.model, record.id, "partner_id").intValue ?? 0
                    return transaction.row("res.partner", partner)?["name"] ?? .null
                },
                FieldDefinition.char("login", "Login").required(),
                FieldDefinition.char("password", "Password").computed { _, _ in "" },
                .char("password_hash", "Password Hash"),
                FieldDefinition.many2one("partner_id", "Related Partner", "res.partner").required(),
                .many2many(profile.userGroupsField, "Groups", "res.groups"),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
                FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
                FieldDefinition.boolean("share", "Share User").computed { transaction, record in
                    .bool(!transaction.userGroups(of: record.id).contains(Groups.internalUser))
                },
                FieldDefinition.char("email", "Email").computed { transaction, record in
                    let partner = transaction.value(record.model, record.id, "partner_id").intValue ?? 0
                    return transaction.row("res.partner", partner)?["email"] ?? .null
                },
            ],
            order: "login", nameSearch: ["login"], behavior: ResUsersModel()
        )
    }

    /// Checks that the login is free and gives the user a contact and the internal-user group when missing.
    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        let login = values["login"]?.stringValue ?? ""
        if transaction.first("res.users", where: "login", is: .string(login)) != nil {
            throw OdooFault(.validationError, "You can not have two users with the same login!")
        }
        if values["partner_id"]?.intValue == nil {
            let partner = try transaction.sudo {
                try transaction.create("res.partner", ["name": .string(login)] as RecordValues)
            }
            values["partner_id"] = .int(partner)
        }
        let groupsField = transaction.profile.userGroupsField
        if values[groupsField]?.idList.isEmpty ?? true, let internalGroup = transaction.resolveExternalID(Groups.internalUser) {
            values[groupsField] = .ids([internalGroup.id])
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        transaction.row("res.partner", row["partner_id"]?.intValue ?? 0)?["name"]?.stringValue ?? ""
    }

    var methods: [ModelMethod] {
        [createUser]
    }

    /// `create` on users: `name` and `email` go to the user's new contact and `password` is stored hashed.
    private var createUser: ModelMethod {
        ModelMethod("create", MethodSignature([.init("vals_list")], modelMethod: true), access: .create) { call, transaction in
            let single = call["vals_list"].arrayValue == nil
            let list = call["vals_list"].arrayValue ?? [call["vals_list"]]
            var ids: [Int] = []
            for vals in list {
                ids.append(try Self.createOne(vals, in: transaction))
            }
            return .records(model: "res.users", ids: ids, form: single ? .singleID : .idList)
        }
    }

    private static func createOne(_ vals: JSONValue, in transaction: Transaction) throws -> Int {
        guard case .object(var members) = vals else {
            throw OdooFault(.attributeError, "'\(Transaction.pythonTypeName(vals))' object has no attribute 'get'")
        }
        let name = members.removeValue(forKey: "name")
        let email = members.removeValue(forKey: "email")
        let password = members.removeValue(forKey: "password")?.stringValue
        if let password {
            members["password_hash"] = .string(Credentials.hash(password: password))
        }
        if members["partner_id"] == nil {
            let login = members["login"]?.stringValue ?? ""
            let partnerValues: RecordValues = ["name": name ?? .string(login), "email": email ?? .null]
            members["partner_id"] = .int(try transaction.sudo { try transaction.create("res.partner", partnerValues) })
        }
        return try transaction.create("res.users", [.object(members)])[0]
    }
}
