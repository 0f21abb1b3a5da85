import LedgerportSDK

/// One call of an Odoo model method, independent of the protocol that carries it.
///
/// JSON-RPC (`execute_kw`) passes ``ids`` and ``arguments`` positionally and
/// ``options`` plus ``context`` as keyword arguments; JSON-2 sends everything
/// as named members of one object. Keeping the argument names here lets one
/// call value travel over either protocol unchanged.
struct OdooCall: Sendable, Hashable {
    /// The model, such as `account.move`.
    var model: String
    /// The public method, such as `search_read` or `action_post`.
    var method: String
    /// The records the method runs on, for record methods (`write`, `action_post`); nil for model methods (`create`, `search_read`).
    var ids: [Int64]?
    /// Required arguments in signature order, by name (`vals_list`, `domain`, `fields` of `load`).
    var arguments: [Argument]
    /// Optional keyword arguments, such as `fields`, `limit` and `order` of `search_read`.
    var options: JSONObject
    /// The Odoo context (`active_model`, `active_ids`, `default_*`), sent only when not empty.
    var context: JSONObject

    /// A named positional argument.
    struct Argument: Sendable, Hashable {
        var name: String
        var value: JSONValue
    }

    init(
        model: String, method: String, ids: [Int64]? = nil, arguments: [Argument] = [],
        options: JSONObject = [:], context: JSONObject = [:]
    ) {
        self.model = model
        self.method = method
        self.ids = ids
        self.arguments = arguments
        self.options = options
        self.context = context
    }

    /// A short description for logs and error messages, such as `account.move.action_post`.
    var label: String { "\(model).\(method)" }
}

extension OdooCall {
    /// `search_read(domain, fields=..., order=..., limit=...)`.
    static func searchRead(
        _ model: String, domain: JSONValue, fields: [String], order: String? = nil, limit: Int? = nil,
        context: JSONObject = [:]
    ) -> OdooCall {
        var options: JSONObject = ["fields": .array(fields.map(JSONValue.string))]
        if let order { options["order"] = .string(order) }
        if let limit { options["limit"] = .number(JSONNumber(limit)) }
        return OdooCall(model: model, method: "search_read", arguments: [Argument(name: "domain", value: domain)], options: options, context: context)
    }

    /// `read(ids, fields=...)`.
    static func read(_ model: String, ids: [Int64], fields: [String]) -> OdooCall {
        OdooCall(model: model, method: "read", ids: ids, options: ["fields": .array(fields.map(JSONValue.string))])
    }

    /// `write(ids, vals)`.
    static func write(_ model: String, ids: [Int64], values: JSONObject) -> OdooCall {
        OdooCall(model: model, method: "write", ids: ids, arguments: [Argument(name: "vals", value: .object(values))])
    }

    /// `create(vals_list)` with a list, so the result is always a list of ids.
    static func create(_ model: String, values: [JSONObject], context: JSONObject = [:]) -> OdooCall {
        OdooCall(model: model, method: "create", arguments: [Argument(name: "vals_list", value: .array(values.map(JSONValue.object)))], context: context)
    }

    /// `load(fields, data)`: the import upsert keyed by the `id` column's external ids.
    static func load(_ model: String, fields: [String], rows: [[String]], context: JSONObject = [:]) -> OdooCall {
        OdooCall(
            model: model, method: "load",
            arguments: [
                Argument(name: "fields", value: .array(fields.map(JSONValue.string))),
                Argument(name: "data", value: .array(rows.map { .array($0.map(JSONValue.string)) })),
            ],
            context: context
        )
    }

    /// A record method that takes no argument, such as `action_post` or `button_cancel`.
    static func action(_ model: String, _ method: String, ids: [Int64], context: JSONObject = [:]) -> OdooCall {
        OdooCall(model: model, method: method, ids: ids, context: context)
    }

    /// `get_external_id()` on records: `{"<id>": "module.name"}`, which a non-admin user may call.
    static func externalIDs(_ model: String, ids: [Int64]) -> OdooCall {
        OdooCall(model: model, method: "get_external_id", ids: ids)
    }
}

/// Builds a JSON id list.
func jsonIDs(_ ids: [Int64]) -> JSONValue {
    .array(ids.map { .number(JSONNumber($0)) })
}

/// Builds one domain leaf `[field, operator, value]`.
func domainLeaf(_ field: String, _ comparison: String, _ value: JSONValue) -> JSONValue {
    .array([.string(field), .string(comparison), value])
}
