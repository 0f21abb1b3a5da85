import LedgerportSDK

/// A search domain parsed from Odoo's prefix notation (`['|', ('a', '=', 1), ('b', '=', 2)]`).
indirect enum Domain: Sendable, Equatable {
    case all
    case none
    case and([Domain])
    case or([Domain])
    case not(Domain)
    case leaf(DomainLeaf)

    /// Checks whether any leaf tests `field` at its first path step, which turns off the implicit `active` filter.
    func mentions(_ field: String) -> Bool {
        switch self {
        case .all, .none: false
        case .and(let parts), .or(let parts): parts.contains { $0.mentions(field) }
        case .not(let inner): inner.mentions(field)
        case .leaf(let leaf): leaf.path.first == field
        }
    }

    /// Combines two domains with `and`, flattening nested conjunctions.
    static func combined(_ lhs: Domain, _ rhs: Domain) -> Domain {
        switch (lhs, rhs) {
        case (.all, _): rhs
        case (_, .all): lhs
        case (.and(let left), .and(let right)): .and(left + right)
        case (.and(let left), _): .and(left + [rhs])
        case (_, .and(let right)): .and([lhs] + right)
        default: .and([lhs, rhs])
        }
    }
}

/// One condition of a domain: a field path, an operator and a value.
struct DomainLeaf: Sendable, Equatable {
    /// The field names along a dotted path (`account_id.account_type`).
    let path: [String]
    let comparison: String
    let value: JSONValue

    static let operators: Set<String> = [
        "=", "!=", "<>", "<", "<=", ">", ">=", "in", "not in", "like", "not like", "ilike", "not ilike", "=like",
        "=ilike", "child_of", "parent_of",
    ]
}

extension Domain {
    /// Parses a domain given as JSON; `model` is used to check field names the way Odoo does.
    static func parse(_ json: JSONValue, model: ModelDefinition, in transaction: Transaction) throws -> Domain {
        guard case .array(let items) = json else {
            if json.isNull || json == .bool(false) {
                return .all
            }
            throw OdooFault(.valueError, "Invalid domain: \(PythonRepr.string(json))")
        }
        var stack: [Domain] = []
        for item in items.reversed() {
            switch item {
            case .string("&"), .string("|"):
                guard stack.count >= 2 else { throw invalidDomain(json) }
                let first = stack.removeLast()
                let second = stack.removeLast()
                stack.append(item == .string("&") ? .and([first, second]) : .or([first, second]))
            case .string("!"):
                guard let operand = stack.popLast() else { throw invalidDomain(json) }
                stack.append(.not(operand))
            case .array(let parts):
                stack.append(try parseLeaf(parts, model: model, in: transaction))
            default:
                throw invalidDomain(json)
            }
        }
        if stack.isEmpty {
            return .all
        }
        return stack.count == 1 ? stack[0] : .and(stack.reversed())
    }

    private static func parseLeaf(_ parts: [JSONValue], model: ModelDefinition, in transaction: Transaction) throws -> Domain {
        guard parts.count == 3, let comparison = parts[1].stringValue else {
            throw OdooFault(.valueError, "Invalid leaf \(PythonRepr.tuple(parts))")
        }
        if let constant = parts[0].intValue {
            return constant == 1 ? .all : .none
        }
        guard let fieldPath = parts[0].stringValue else {
            throw OdooFault(.valueError, "Invalid leaf \(PythonRepr.tuple(parts))")
        }
        guard DomainLeaf.operators.contains(comparison.lowercased()) else {
            throw OdooFault(.valueError, "Invalid operator \(PythonRepr.quoted(comparison)) in leaf \(PythonRepr.tuple(parts))")
        }
        let path = fieldPath.split(separator: ".").map(String.init)
        try validate(path: path, model: model, leaf: parts, in: transaction)
        return .leaf(DomainLeaf(path: path, comparison: comparison.lowercased(), value: parts[2]))
    }

    private static func validate(path: [String], model: ModelDefinition, leaf: [JSONValue], in transaction: Transaction) throws {
        var current = model
        for (position, name) in path.enumerated() {
            guard let field = current.field(name) else {
                throw transaction.profile.unknownFieldInDomain(name, model: current.name, leaf: PythonRepr.tuple(leaf))
            }
            guard position < path.count - 1 else {
                return
            }
            guard let relation = field.type.relation, let comodel = transaction.registry.model(relation) else {
                throw transaction.profile.unknownFieldInDomain(path[position + 1], model: current.name, leaf: PythonRepr.tuple(leaf))
            }
            current = comodel
        }
    }

    private static func invalidDomain(_ json: JSONValue) -> OdooFault {
        OdooFault(.valueError, "Invalid domain: \(PythonRepr.string(json))")
    }
}
