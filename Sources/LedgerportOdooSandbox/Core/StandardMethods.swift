import LedgerportSDK

/// The ORM methods every model has: `create`, `search_read`, `write`, `load`, ...
enum StandardMethods {
    typealias Parameter = MethodSignature.Parameter

    /// Returns the standard methods of `model`; a model's own methods with the same name take precedence.
    static func methods(for model: ModelDefinition, profile: OdooVersionProfile) -> [ModelMethod] {
        var methods = [create, search, searchCount, searchRead, read, write, unlink, fieldsGet, load, getExternalID, exportData]
        methods.append(nameSearch(profile))
        if model.hasActiveField {
            methods += [archive(active: false), archive(active: true)]
        }
        if model.isMailThread {
            methods += MailThreadMethods.all
        }
        return methods
    }

    static let create = ModelMethod("create", MethodSignature([Parameter("vals_list")], modelMethod: true), access: .create) {
        call, transaction in
        let vals = call["vals_list"]
        if case .array(let list) = vals {
            let ids = try transaction.create(call.model, list)
            return .records(model: call.model, ids: ids, form: .idList)
        }
        let ids = try transaction.create(call.model, [vals])
        return .records(model: call.model, ids: ids, form: .singleID)
    }

    static let search = ModelMethod(
        "search",
        MethodSignature(
            [Parameter("domain"), Parameter("offset", default: 0), Parameter("limit", default: .null), Parameter("order", default: .null)],
            modelMethod: true
        ),
        access: .read
    ) { call, transaction in
        let ids = try transaction.search(
            call.model, domain: call["domain"], order: call["order"].stringValue, limit: call["limit"].intValue,
            offset: call["offset"].intValue ?? 0
        )
        return .records(model: call.model, ids: ids, form: .idList)
    }

    static let searchCount = ModelMethod(
        "search_count", MethodSignature([Parameter("domain"), Parameter("limit", default: .null)], modelMethod: true), access: .read
    ) { call, transaction in
        let ids = try transaction.search(call.model, domain: call["domain"], limit: call["limit"].intValue)
        return .value(.int(ids.count))
    }

    static let searchRead = ModelMethod(
        "search_read",
        MethodSignature(
            [
                Parameter("domain", default: .null), Parameter("fields", default: .null), Parameter("offset", default: 0),
                Parameter("limit", default: .null), Parameter("order", default: .null),
            ],
            extraKeywords: true, modelMethod: true
        ),
        access: .read
    ) { call, transaction in
        for name in call.extraKeywords.keys.sorted() where name != "load" {
            throw OdooFault(.typeError, "BaseModel._read_format() got an unexpected keyword argument '\(name)'")
        }
        let ids = try transaction.search(
            call.model, domain: call["domain"].isNull ? [] : call["domain"], order: call["order"].stringValue,
            limit: call["limit"].intValue, offset: call["offset"].intValue ?? 0
        )
        let fields = call["fields"].arrayValue?.compactMap(\.stringValue)
        return .value(.array(try transaction.read(call.model, ids, fields: fields)))
    }

    static let read = ModelMethod(
        "read", MethodSignature([Parameter("fields", default: .null), Parameter("load", default: "_classic_read")]), access: .read
    ) { call, transaction in
        let fields = call["fields"].arrayValue?.compactMap(\.stringValue)
        return .value(.array(try transaction.read(call.model, call.ids, fields: fields)))
    }

    static let write = ModelMethod("write", MethodSignature([Parameter("vals")]), access: .write) { call, transaction in
        try transaction.write(call.model, call.ids, call["vals"])
        return .value(true)
    }

    static let unlink = ModelMethod("unlink", MethodSignature(), access: .unlink) { call, transaction in
        try transaction.unlink(call.model, call.ids)
        return .value(true)
    }

    static func nameSearch(_ profile: OdooVersionProfile) -> ModelMethod {
        let domainName = profile.nameSearchDomainParameter
        return ModelMethod(
            "name_search",
            MethodSignature(
                [
                    Parameter("name", default: ""), Parameter(domainName, default: .null), Parameter("operator", default: "ilike"),
                    Parameter("limit", default: 100),
                ],
                modelMethod: true
            ),
            access: .read
        ) { call, transaction in
            let pairs = try transaction.nameSearch(
                call.model, name: call["name"].stringValue ?? "", domain: call[domainName],
                operator: call["operator"].stringValue ?? "ilike", limit: call["limit"].intValue
            )
            return .value(.array(pairs))
        }
    }

    static let fieldsGet = ModelMethod(
        "fields_get",
        MethodSignature([Parameter("allfields", default: .null), Parameter("attributes", default: .null)], modelMethod: true),
        access: .read
    ) { call, transaction in
        let model = try transaction.definition(call.model)
        return .value(FieldsDescription.describe(model, fields: call["allfields"], attributes: call["attributes"]))
    }

    static let load = ModelMethod(
        "load", MethodSignature([Parameter("fields"), Parameter("data")], modelMethod: true), access: .read
    ) { call, transaction in
        let fields = call["fields"].arrayValue?.compactMap(\.stringValue) ?? []
        let rows = call["data"].arrayValue?.map { $0.arrayValue ?? [] } ?? []
        return .value(try LoadImport(transaction: transaction, model: call.model).run(fields: fields, rows: rows))
    }

    static let getExternalID = ModelMethod("get_external_id", MethodSignature(), access: .read) { call, transaction in
        // Built from pairs and sorted once: setting members one by one costs time quadratic in the ids.
        let pairs = call.ids.map { id in (String(id), JSONValue.string(transaction.externalID(call.model, id) ?? "")) }
        return .value(.object(JSONObject(pairs)))
    }

    static let exportData = ModelMethod("export_data", MethodSignature([Parameter("fields_to_export")]), access: .read) {
        call, transaction in
        let fields = call["fields_to_export"].arrayValue?.compactMap(\.stringValue) ?? []
        return .value(["datas": .array(try transaction.exportRows(call.model, call.ids, fields: fields))])
    }

    static func archive(active: Bool) -> ModelMethod {
        ModelMethod(active ? "action_unarchive" : "action_archive", MethodSignature(), access: .write) { call, transaction in
            let targets = call.ids.filter { (transaction.row(call.model, $0)?["active"]?.isTruthy ?? false) != active }
            if !targets.isEmpty {
                try transaction.write(call.model, targets, ["active": .bool(active)])
            }
            return .none
        }
    }
}
