import LedgerportSDK

/// The way a request reached the sandbox, because some methods only work over HTTP sessions.
enum Transport: Sendable, Equatable {
    case jsonRPC
    case webSession
    case json2
}

/// One call of a model method with its arguments bound to parameter names.
struct MethodCall: Sendable {
    let model: String
    let method: String
    /// The record ids for a record method; empty for an `@api.model` method.
    let ids: [Int]
    /// The bound arguments, including defaults for parameters the caller left out.
    let arguments: JSONObject
    /// Keyword arguments beyond the signature, for methods that take `**kwargs`.
    let extraKeywords: JSONObject

    init(
        model: String, method: String, ids: [Int] = [], arguments: JSONObject = [:],
        extraKeywords: JSONObject = [:]
    ) {
        self.model = model
        self.method = method
        self.ids = ids
        self.arguments = arguments
        self.extraKeywords = extraKeywords
    }

    /// The bound argument `name`, or `null` when absent.
    subscript(name: String) -> JSONValue {
        arguments[name] ?? .null
    }
}

/// The return value of a model method, before the endpoint serializes it.
enum MethodResult: Sendable, Equatable {
    /// A plain JSON value.
    case value(JSONValue)
    /// Python `None`: JSON-RPC omits `result` and JSON-2 returns `null`.
    case none
    /// A recordset. JSON-2 returns its ids and JSON-RPC the form ``RecordsetForm`` names.
    case records(model: String, ids: [Int], form: RecordsetForm)

    /// The JSON-RPC form of a returned recordset.
    enum RecordsetForm: Sendable, Equatable {
        /// The single id, as `create` with one dict returns it.
        case singleID
        /// The id list, as `search` and `create` with a list answer.
        case idList
        /// The Python repr string (`mail.activity(3,)`), for methods without a return declaration.
        case representation
    }
}

/// A public method of a model: its signature, the access it needs, and its body.
struct ModelMethod: Sendable {
    typealias Body = @Sendable (MethodCall, Transaction) throws -> MethodResult

    let name: String
    let signature: MethodSignature
    let access: AccessOperation
    let body: Body

    init(_ name: String, _ signature: MethodSignature, access: AccessOperation, body: @escaping Body) {
        self.name = name
        self.signature = signature
        self.access = access
        self.body = body
    }
}
