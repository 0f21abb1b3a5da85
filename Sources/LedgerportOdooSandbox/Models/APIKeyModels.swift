import LedgerportSDK

/// API keys: `res.users.apikeys`, and the two wizards the web client uses to make one.
///
/// Odoo creates keys only over an HTTP session: `make_key` returns an
/// identity check, `run_check` verifies the password (written on the wizard
/// on 17.0, passed as `context.password` on 19.0) and returns the key once.
/// Keys are stored hashed, never readable.
enum APIKeyModels {
    static func definitions(_ profile: OdooVersionProfile) -> [ModelDefinition] {
        [keys(), description(profile), identityCheck(profile)]
    }

    private static func keys() -> ModelDefinition {
        ModelDefinition(
            "res.users.apikeys", label: "Users API Keys",
            fields: [
                FieldDefinition.char("name", "Description").required(),
                FieldDefinition.many2one("user_id", "User", "res.users").required(),
                .char("scope", "Scope"),
                .char("index", "Index"),
                .char("key_hash", "Key Hash"),
                .datetime("expiration_date", "Expiration Date"),
            ]
        )
    }

    private static func description(_ profile: OdooVersionProfile) -> ModelDefinition {
        var fields: [FieldDefinition] = [FieldDefinition.char("name", "Description").required()]
        if profile.apiKeysHaveDuration {
            fields.append(FieldDefinition.char("duration", "Duration").defaulting(to: "1"))
        }
        return ModelDefinition(
            "res.users.apikeys.description", label: "API Key Description", fields: fields, transient: true,
            behavior: APIKeyDescriptionModel()
        )
    }

    private static func identityCheck(_ profile: OdooVersionProfile) -> ModelDefinition {
        ModelDefinition(
            "res.users.identitycheck", label: "Password Check Wizard",
            fields: [
                FieldDefinition.char("password", "Password"),
                FieldDefinition.many2one("description_id", "Key Description", "res.users.apikeys.description"),
            ],
            transient: true, behavior: IdentityCheckModel()
        )
    }
}

/// The description wizard: `make_key` opens the identity check.
struct APIKeyDescriptionModel: ModelBehavior {
    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        guard transaction.profile.apiKeysHaveDuration else {
            return
        }
        if values["duration"]?.stringValue == "0" && !transaction.userGroups().contains(Groups.settings) {
            throw OdooFault(.validationError, "The API key must have an expiration date")
        }
    }

    var methods: [ModelMethod] {
        [
            ModelMethod("make_key", MethodSignature(), access: .read) { call, transaction in
                guard transaction.transport != .jsonRPC else {
                    throw OdooFault(.userError, "This method can only be accessed over HTTP")
                }
                let check = try transaction.sudo {
                    try transaction.create("res.users.identitycheck", ["description_id": .int(call.ids.first ?? 0)] as RecordValues)
                }
                var action: JSONObject = [
                    "type": "ir.actions.act_window", "res_model": "res.users.identitycheck", "res_id": .int(check),
                    "name": transaction.profile.version == .v17 ? "Security Control" : "Access Control", "target": "new",
                    "views": [[false, "form"]],
                ]
                if transaction.profile.version == .v19 {
                    action["context"] = ["dialog_size": "medium"]
                }
                return .value(.object(action))
            }
        ]
    }
}

/// The identity check wizard: `run_check` verifies the password and returns the new key.
struct IdentityCheckModel: ModelBehavior {
    var methods: [ModelMethod] {
        [
            ModelMethod("run_check", MethodSignature(), access: .read) { call, transaction in
                guard let check = call.ids.first, let wizard = transaction.row("res.users.identitycheck", check) else {
                    throw OdooFault.missingRecords("res.users.identitycheck", call.ids, uid: transaction.uid)
                }
                let password = transaction.context["password"]?.stringValue ?? wizard["password"]?.stringValue ?? ""
                guard Credentials.checkPassword(password, user: transaction.uid, in: transaction) else {
                    throw OdooFault(.userError, "Incorrect Password, try again or click on Forgot Password to reset your password.")
                }
                let descriptionID = wizard["description_id"]?.intValue ?? 0
                let description = transaction.row("res.users.apikeys.description", descriptionID) ?? [:]
                let days = description["duration"]?.stringValue.flatMap(Int.init)
                let key = try Credentials.createAPIKey(
                    for: transaction.uid, name: description["name"]?.stringValue ?? "API key", validForDays: days == 0 ? nil : days,
                    in: transaction
                )
                return .value([
                    "type": "ir.actions.act_window", "res_model": "res.users.apikeys.show", "name": "API Key Ready",
                    "views": [[false, "form"]], "target": "new", "context": ["default_key": .string(key)],
                ])
            }
        ]
    }
}
