import LedgerportSDK

/// The Python signature of a model method, used to bind JSON-RPC and JSON-2 arguments to names.
///
/// JSON-RPC passes positional `args` and keyword `kwargs`; JSON-2 passes only
/// names. Both are bound against the same parameter list, so a missing or
/// unexpected argument fails the same way it fails in Odoo.
struct MethodSignature: Sendable {
    /// One named parameter; a parameter with no default is required.
    struct Parameter: Sendable {
        let name: String
        let defaultValue: JSONValue?

        init(_ name: String, default defaultValue: JSONValue? = nil) {
            self.name = name
            self.defaultValue = defaultValue
        }

        var isRequired: Bool { defaultValue == nil }
    }

    let parameters: [Parameter]
    /// Whether the method takes `**kwargs`, so unknown names pass through instead of failing.
    let acceptsExtraKeywords: Bool
    /// Whether the method is an `@api.model` method that takes no record ids.
    let isModelMethod: Bool

    init(_ parameters: [Parameter] = [], extraKeywords: Bool = false, modelMethod: Bool = false) {
        self.parameters = parameters
        self.acceptsExtraKeywords = extraKeywords
        self.isModelMethod = modelMethod
    }
}

/// The kind of access a method needs on its model.
enum AccessOperation: String, Sendable, CaseIterable {
    case read
    case write
    case create
    case unlink
}
