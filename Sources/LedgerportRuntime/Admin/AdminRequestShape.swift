import LedgerportJSONSchema
import LedgerportSDK

/// The query arguments and body members one admin route accepts, with the JSON type of each member.
///
/// ``AdminAPI`` checks every request against its route's shape before the
/// handler runs. An unknown or repeated query argument is a 400
/// `invalid_query`. An unknown body member, also inside a nested object such
/// as a replay's `filter`, or a member of the wrong type is a 400
/// `invalid_input`. Each message names the key, the keys the route accepts
/// and the closest one. So a typo such as `dryrun` never falls back to a
/// default and runs a real replay. A `null` member counts as absent. The
/// shape does not check values beyond their type: handlers check ranges and
/// enumerations.
struct AdminRequestShape: Sendable {
    /// The JSON type a body member must have.
    indirect enum ValueType: Sendable {
        case string
        case integer
        case boolean
        case integerList
        case object([String: ValueType])
        /// An object of strings that may contain secrets, so no error message repeats a value of the body.
        case secretStrings
        /// An object whose members the handler checks, such as a connection's configuration fields.
        case anyObject

        /// The type as a message states the rule, such as "true or false".
        var requirement: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .boolean: "true or false"
            case .integerList: "a list of integers"
            case .object(let members): "an object with the members \(AdminRequestShape.list(members.keys))"
            case .secretStrings: "an object whose members are strings"
            case .anyObject: "an object"
            }
        }

        func accepts(_ value: JSONValue) -> Bool {
            switch self {
            case .string: value.stringValue != nil
            case .integer: value.int64Value != nil
            case .boolean: value.boolValue != nil
            case .integerList: value.arrayValue?.allSatisfy { $0.int64Value != nil } ?? false
            case .object: value.objectValue != nil
            case .secretStrings: value.objectValue?.values.allSatisfy { $0.stringValue != nil } ?? false
            case .anyObject: value.objectValue != nil
            }
        }
    }

    /// The names of the accepted query arguments.
    let query: [String]
    /// The accepted body members and their types.
    let body: [String: ValueType]

    /// A route that takes no query argument and no body member.
    static let nothing = AdminRequestShape(query: [], body: [:])

    /// Builds the shape of a route that takes the query arguments `names` and no body member.
    static func query(_ names: String...) -> AdminRequestShape {
        AdminRequestShape(query: names, body: [:])
    }

    /// Builds the shape of a route that takes the body members `members` and no query argument.
    static func body(_ members: [String: ValueType]) -> AdminRequestShape {
        AdminRequestShape(query: [], body: members)
    }

    /// Throws a 400 `invalid_query` for a query argument the route does not accept or that is given twice.
    func checkQuery(_ arguments: [(name: String, value: String)]) throws(AdminError) {
        var seen = Set<String>()
        for (name, _) in arguments {
            guard query.contains(name) else {
                throw .badRequest("invalid_query", Self.unknownKeyMessage("query argument", name, accepted: query))
            }
            guard seen.insert(name).inserted else {
                throw .badRequest("invalid_query", "query argument \"\(name)\" is given twice; give it once")
            }
        }
    }

    /// Throws a 400 `invalid_input` for a body member the route does not accept or whose type is wrong.
    func checkBody(_ object: JSONObject) throws(AdminError) {
        // A body that carries secrets may carry them in the wrong member too, so no message repeats any of its values.
        let sensitive = body.values.contains { if case .secretStrings = $0 { true } else { false } }
        try Self.check(object, against: body, path: "", repeatingValues: !sensitive)
    }

    private static func check(
        _ object: JSONObject, against members: [String: ValueType], path: String, repeatingValues: Bool
    ) throws(AdminError) {
        for name in object.keys.sorted() {
            guard let value = object[name], !value.isNull else {
                continue
            }
            let qualified = path + name
            guard let type = members[name] else {
                let accepted = members.keys.map { path + $0 }
                throw .badRequest("invalid_input", unknownKeyMessage("body member", qualified, accepted: accepted))
            }
            guard type.accepts(value) else {
                guard repeatingValues else {
                    throw .badRequest("invalid_input", "body member \"\(qualified)\" must be \(type.requirement)")
                }
                if case .integer = type, case .number(let number) = value, number.isInteger {
                    throw .badRequest(
                        "invalid_input", "body member \"\(qualified)\" is \(MessageText.describe(value)), beyond 64 bits; it must be an integer from -9223372036854775808 to 9223372036854775807")
                }
                throw .badRequest(
                    "invalid_input", "body member \"\(qualified)\" is \(MessageText.describe(value)), \(withArticle(value.typeName)); it must be \(type.requirement)")
            }
            if case .object(let nested) = type, let inner = value.objectValue {
                try check(inner, against: nested, path: qualified + ".", repeatingValues: repeatingValues)
            }
        }
    }

    /// Builds the message for an unknown key: the key, the closest accepted one and the accepted ones.
    private static func unknownKeyMessage(_ kind: String, _ name: String, accepted: [String]) -> String {
        guard !accepted.isEmpty else {
            return "\(kind) \"\(name)\" is not accepted: this route takes no \(kind)s; remove it"
        }
        let suggestion = MessageText.didYouMean(name, among: accepted)
        return "\(kind) \"\(name)\" is not accepted: \(suggestion)this route accepts \(list(accepted))"
    }

    private static func withArticle(_ typeName: String) -> String {
        (typeName.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + typeName
    }

    /// Quotes and sorts `names` and joins them: `"after", "limit" and "state"`.
    static func list(_ names: some Sequence<String>) -> String {
        let quoted = names.sorted().map(MessageText.quote)
        guard quoted.count > 1, let last = quoted.last else {
            return quoted.first ?? ""
        }
        return quoted.dropLast().joined(separator: ", ") + " and " + last
    }
}
