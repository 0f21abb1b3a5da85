import Foundation
import LedgerportOdooSandbox
import LedgerportSDK

/// Rewrites a recorded request for the sandbox: recorded ids become sandbox ids, placeholders become real keys.
///
/// The sandbox's own field definitions decide which numbers are ids. They are
/// a many2one value, the commands of an x2many, a domain term on a relational
/// field or on `id`, the record ids of a record method, and `active_ids` in
/// the context. Everything else passes through unchanged.
struct RequestTranslator {
    let registry: ModelRegistry
    let ids: IDMap
    let placeholders: [String: String]
    /// The model name of a sandbox `ir.model` id, for activities that name their document by `res_model_id`.
    let irModelName: (Int) -> String?

    static let modelMethods: Set<String> = ["create", "search", "search_count", "search_read", "name_search", "fields_get", "load", "default_get"]

    // MARK: Entry points

    /// Translates the `args` of `object.execute_kw`.
    func executeKW(_ args: [JSONValue]) -> [JSONValue] {
        guard args.count >= 5, let model = args[3].stringValue, let method = args[4].stringValue else {
            return args.map(substitute)
        }
        var result = args
        result[1] = args[1].intValue.map { .number(JSONNumber(ids.actual($0, model: "res.users"))) } ?? args[1]
        result[2] = substitute(args[2])
        let positional = args.count > 5 ? args[5].arrayValue ?? [] : []
        let keywords = args.count > 6 ? args[6].objectValue ?? [:] : [:]
        let translated = call(model: model, method: method, positional: positional, keywords: keywords)
        if args.count > 5 { result[5] = .array(translated.positional) }
        if args.count > 6 { result[6] = .object(translated.keywords) }
        return result
    }

    /// Translates the `params` of `/web/dataset/call_kw`.
    func callKW(_ params: JSONValue) -> JSONValue {
        guard var members = params.objectValue, let model = params["model"]?.stringValue, let method = params["method"]?.stringValue else {
            return params
        }
        let translated = call(model: model, method: method, positional: params["args"]?.arrayValue ?? [], keywords: params["kwargs"]?.objectValue ?? [:])
        members["args"] = .array(translated.positional)
        members["kwargs"] = .object(translated.keywords)
        return .object(members)
    }

    /// Translates the body of a JSON-2 call.
    func json2(model: String, method: String, body: JSONValue) -> JSONValue {
        guard var members = body.objectValue else {
            return body
        }
        for (name, value) in members {
            switch name {
            case "ids": members[name] = idValues(value, model: model)
            case "vals_list", "vals": members[name] = valsOrList(value, model: model)
            case "domain": members[name] = domain(value, model: model)
            case "context": members[name] = self.context(value, model: model)
            case "user_id": members[name] = idValues(value, model: "res.users")
            default: members[name] = substitute(value)
            }
        }
        return .object(members)
    }

    // MARK: Calls

    private func call(model: String, method: String, positional: [JSONValue], keywords: JSONObject) -> (positional: [JSONValue], keywords: JSONObject) {
        var args = positional
        var rest = 0
        if !Self.modelMethods.contains(method), !args.isEmpty {
            args[0] = idValues(args[0], model: model)
            rest = 1
        }
        for index in args.indices.dropFirst(rest) {
            args[index] = positionalArgument(args[index], position: index - rest, model: model, method: method)
        }
        var translatedKeywords: JSONObject = [:]
        for (name, value) in keywords {
            translatedKeywords[name] = keywordArgument(value, name: name, model: model)
        }
        return (args, translatedKeywords)
    }

    private func positionalArgument(_ value: JSONValue, position: Int, model: String, method: String) -> JSONValue {
        switch (method, position) {
        case ("create", 0), ("write", 0): return valsOrList(value, model: model)
        case ("search", 0), ("search_count", 0), ("search_read", 0): return domain(value, model: model)
        case ("name_search", 1): return domain(value, model: model)
        case ("js_assign_outstanding_line", 0): return idValues(value, model: "account.move.line")
        default: return substitute(value)
        }
    }

    private func keywordArgument(_ value: JSONValue, name: String, model: String) -> JSONValue {
        switch name {
        case "context": context(value, model: model)
        case "domain", "args": domain(value, model: model)
        case "user_id": idValues(value, model: "res.users")
        default: substitute(value)
        }
    }

    // MARK: Values

    private func context(_ value: JSONValue, model: String) -> JSONValue {
        guard var members = value.objectValue else {
            return value
        }
        let activeModel = members["active_model"]?.stringValue ?? model
        for key in ["active_ids", "active_id"] where members[key] != nil {
            members[key] = idValues(members[key]!, model: activeModel)
        }
        return .object(members)
    }

    private func valsOrList(_ value: JSONValue, model: String) -> JSONValue {
        if case .array(let list) = value {
            return .array(list.map { vals($0, model: model) })
        }
        return vals(value, model: model)
    }

    /// Translates a values dict for `model`: relational fields and the `res_id` of documents get sandbox ids.
    func vals(_ value: JSONValue, model: String) -> JSONValue {
        guard var members = value.objectValue, let definition = registry.model(model) else {
            return value
        }
        for (name, fieldValue) in members {
            guard let field = definition.field(name) else { continue }
            switch field.type {
            case .many2one(let comodel):
                members[name] = idValues(fieldValue, model: comodel)
            case .one2many(let comodel, _), .many2many(let comodel):
                members[name] = commands(fieldValue, comodel: comodel)
            default:
                if name == "res_id", let target = documentModel(of: members, owner: model) {
                    members[name] = idValues(fieldValue, model: target)
                } else {
                    members[name] = substitute(fieldValue)
                }
            }
        }
        return .object(members)
    }

    /// Finds the model a `res_id` points into: `model` of `ir.model.data`, or the `ir.model` of an activity.
    private func documentModel(of members: JSONObject, owner: String) -> String? {
        if let name = members["model"]?.stringValue ?? members["res_model"]?.stringValue {
            return name
        }
        if let irModel = members["res_model_id"]?.intValue {
            return irModelName(ids.actual(irModel, model: "ir.model"))
        }
        return nil
    }

    private func commands(_ value: JSONValue, comodel: String) -> JSONValue {
        guard case .array(let items) = value else {
            return value
        }
        if items.allSatisfy({ $0.intValue != nil }) {
            return idValues(value, model: comodel)
        }
        return .array(items.map { item in
            guard case .array(var parts) = item, let code = parts.first?.intValue else { return item }
            if parts.count > 1, [1, 2, 3, 4].contains(code) {
                parts[1] = idValues(parts[1], model: comodel)
            }
            if parts.count > 2, code == 0 || code == 1 {
                parts[2] = vals(parts[2], model: comodel)
            }
            if parts.count > 2, code == 6 {
                parts[2] = idValues(parts[2], model: comodel)
            }
            return .array(parts)
        })
    }

    /// Translates a domain on `model`: values of terms on `id` or a relational field become sandbox ids.
    func domain(_ value: JSONValue, model: String) -> JSONValue {
        guard case .array(let items) = value else {
            return value
        }
        let documentModel = items.compactMap { item -> String? in
            guard let parts = item.arrayValue, parts.count == 3, parts[0] == "res_model" || parts[0] == "model" else { return nil }
            return parts[2].stringValue
        }.first
        return .array(items.map { item in
            guard case .array(var parts) = item, parts.count == 3, let path = parts[0].stringValue else { return item }
            if path == "res_id", let documentModel {
                parts[2] = idValues(parts[2], model: documentModel)
            } else if let target = relation(of: path, model: model) {
                parts[2] = idValues(parts[2], model: target)
            }
            return .array(parts)
        })
    }

    /// Finds the model whose ids a domain path's values are: the comodel of a relational field, or the model for `id`.
    private func relation(of path: String, model: String) -> String? {
        var current = model
        let names = path.split(separator: ".").map(String.init)
        for (position, name) in names.enumerated() {
            if name == "id" {
                return current
            }
            guard let field = registry.model(current)?.field(name), let comodel = field.type.relation else {
                return nil
            }
            if position == names.count - 1 {
                return comodel
            }
            current = comodel
        }
        return nil
    }

    /// Maps one id or a list of ids of `model`; anything else (false, names) passes unchanged.
    func idValues(_ value: JSONValue, model: String) -> JSONValue {
        switch value {
        case .number:
            guard let id = value.intValue else { return value }
            return .number(JSONNumber(ids.actual(id, model: model)))
        case .array(let items):
            return .array(items.map { $0.intValue != nil ? idValues($0, model: model) : $0 })
        default:
            return value
        }
    }

    /// Replaces redaction placeholders (`<redacted-api-key>`) with the values the replay bound to them.
    func substitute(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(substitute(text))
        case .array(let items): .array(items.map(substitute))
        case .object(let members): .object(members.mapValues(substitute))
        default: value
        }
    }

    func substitute(_ text: String) -> String {
        var result = text
        // Document numbers that clients copy into texts (a dunning summary naming the invoice) follow the invoice.
        for token in TextTokens.find(in: text, callModel: "").reversed() where token.kind == .number {
            if let actual = ids.actualName(token.text) {
                result.replaceSubrange(token.range, with: actual)
            }
        }
        for (placeholder, actual) in placeholders where result.contains(placeholder) {
            result = result.replacingOccurrences(of: placeholder, with: actual)
        }
        if result.contains("<") && result.contains("redacted") {
            // A placeholder never bound stands for a value that must not work: a wrong or revoked key.
            result = result.replacingOccurrences(of: #"<[^<>]*redacted[^<>]*>"#, with: String(repeating: "0", count: 40), options: .regularExpression)
        }
        return result
    }
}
