import LedgerportSDK

/// Finds a model method, checks the caller's rights and binds the arguments, for every endpoint.
///
/// JSON-RPC's `execute_kw`, the web client's `call_kw` and JSON-2 all end
/// here. They differ only in how arguments arrive (positional or named) and
/// in how argument errors are reported, and ``BindingStyle`` selects both.
struct MethodDispatcher: Sendable {
    /// How the caller passed arguments, which decides the error for a bad argument list.
    enum BindingStyle: Sendable {
        /// Python call semantics: positional `args` then `kwargs`; errors are `TypeError`s.
        case positional(args: [JSONValue], kwargs: JSONObject)
        /// JSON-2: record ids apart, then names only; errors are HTTP 422.
        case named(ids: JSONValue?, arguments: JSONObject)
    }

    private let access = AccessControl.standard

    init() {}

    /// Calls `method` on `model` in `transaction` and returns what it returned.
    func call(model modelName: String, method name: String, style: BindingStyle, in transaction: Transaction) throws -> MethodResult {
        let model = try transaction.definition(modelName)
        if name.hasPrefix("_") {
            throw transaction.profile.privateMethod(name, model: modelName)
        }
        guard let method = Self.method(named: name, on: model, profile: transaction.profile) else {
            throw unknownMethod(name, model: modelName, style: style)
        }
        try access.check(method.access, on: model, in: transaction)
        let call = try bind(method, model: model, style: style)
        if !method.signature.isModelMethod && !Self.methodsTolerantOfMissingRecords.contains(name) {
            let missing = call.ids.filter { !transaction.exists(modelName, $0) }
            if !missing.isEmpty {
                throw OdooFault.missingRecords(modelName, missing, uid: transaction.uid)
            }
        }
        return try method.body(call, transaction)
    }

    /// The method `name` of `model`: its own methods first, then the standard ORM ones.
    static func method(named name: String, on model: ModelDefinition, profile: OdooVersionProfile) -> ModelMethod? {
        if let own = model.behavior.methods.first(where: { $0.name == name }) {
            return own
        }
        return StandardMethods.methods(for: model, profile: profile).first { $0.name == name }
    }

    /// Methods that skip deleted ids instead of raising MissingError.
    private static let methodsTolerantOfMissingRecords: Set<String> = ["read", "get_external_id", "write", "unlink", "export_data"]

    private func unknownMethod(_ name: String, model: String, style: BindingStyle) -> OdooFault {
        if case .named = style {
            return OdooFault(.notFound, "The method '\(model).\(name)' does not exist")
        }
        return OdooFault(.attributeError, "The method '\(name)' does not exist on the model '\(model)'")
    }

    // MARK: Binding

    private func bind(_ method: ModelMethod, model: ModelDefinition, style: BindingStyle) throws -> MethodCall {
        switch style {
        case .positional(let args, let kwargs):
            return try bindPositional(method, model: model.name, args: args, kwargs: kwargs)
        case .named(let ids, let arguments):
            return try bindNamed(method, model: model.name, ids: ids, arguments: arguments)
        }
    }

    private func bindPositional(_ method: ModelMethod, model: String, args: [JSONValue], kwargs: JSONObject) throws -> MethodCall {
        var remaining = args[...]
        var ids: [Int] = []
        if !method.signature.isModelMethod {
            guard let first = remaining.popFirst() else {
                throw OdooFault(.typeError, "\(method.name)() missing 1 required positional argument: 'self'")
            }
            ids = first.arrayValue != nil ? first.idList : first.intValue.map { [$0] } ?? []
        }
        let parameters = method.signature.parameters
        guard remaining.count <= parameters.count else {
            throw OdooFault(
                .typeError,
                "\(method.name)() takes \(parameters.count + 1) positional arguments but \(args.count + (method.signature.isModelMethod ? 1 : 0)) were given"
            )
        }
        var bound: JSONObject = [:]
        for (parameter, value) in zip(parameters, remaining) {
            bound[parameter.name] = value
        }
        var extra: JSONObject = [:]
        for (name, value) in kwargs.sorted(by: { $0.key < $1.key }) {
            if parameters.contains(where: { $0.name == name }) {
                guard bound[name] == nil else {
                    throw OdooFault(.typeError, "\(method.name)() got multiple values for argument '\(name)'")
                }
                bound[name] = value
            } else if method.signature.acceptsExtraKeywords {
                extra[name] = value
            } else {
                throw OdooFault(.typeError, "\(method.name)() got an unexpected keyword argument '\(name)'")
            }
        }
        for parameter in parameters where bound[parameter.name] == nil {
            guard let defaultValue = parameter.defaultValue else {
                throw OdooFault(.typeError, "\(method.name)() missing 1 required positional argument: '\(parameter.name)'")
            }
            bound[parameter.name] = defaultValue
        }
        return MethodCall(model: model, method: method.name, ids: ids, arguments: bound, extraKeywords: extra)
    }

    private func bindNamed(_ method: ModelMethod, model: String, ids: JSONValue?, arguments: JSONObject) throws -> MethodCall {
        var recordIDs: [Int] = []
        if let ids {
            guard !method.signature.isModelMethod else {
                throw OdooFault(.unprocessableEntity, "cannot call \(model).\(method.name) with ids")
            }
            recordIDs = ids.arrayValue != nil ? ids.idList : ids.intValue.map { [$0] } ?? []
        }
        // Python's Signature.bind reports a missing argument before an unexpected one.
        var bound: JSONObject = [:]
        for parameter in method.signature.parameters {
            if let value = arguments[parameter.name] {
                bound[parameter.name] = value
            } else if let defaultValue = parameter.defaultValue {
                bound[parameter.name] = defaultValue
            } else {
                throw OdooFault(.unprocessableEntity, "missing a required argument: '\(parameter.name)'")
            }
        }
        var extra: JSONObject = [:]
        for (name, value) in arguments.sorted(by: { $0.key < $1.key }) where bound[name] == nil {
            guard method.signature.acceptsExtraKeywords else {
                throw OdooFault(.unprocessableEntity, "got an unexpected keyword argument '\(name)'")
            }
            extra[name] = value
        }
        return MethodCall(model: model, method: method.name, ids: recordIDs, arguments: bound, extraKeywords: extra)
    }
}
