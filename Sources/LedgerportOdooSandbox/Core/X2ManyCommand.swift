import LedgerportSDK

/// One command of an x2many value: Odoo's `(0, 0, vals)`, `(6, 0, ids)` and the rest.
enum X2ManyCommand: Equatable {
    /// `(0, 0, vals)`: create a comodel record and link it.
    case create(JSONValue)
    /// `(1, id, vals)`: write on a linked record.
    case update(Int, JSONValue)
    /// `(2, id)`: delete the record.
    case delete(Int)
    /// `(3, id)`: remove the link (a one2many line whose parent is required is deleted instead).
    case unlink(Int)
    /// `(4, id)`: add a link.
    case link(Int)
    /// `(5,)`: remove every link.
    case clear
    /// `(6, 0, ids)`: replace the links; a plain id list means the same.
    case set([Int])

    /// Parses an x2many value: a command list, a plain list of ids, or `false` for no change.
    static func parse(_ value: JSONValue, field: String) throws -> [X2ManyCommand] {
        guard case .array(let items) = value else {
            if !value.isTruthy {
                return []
            }
            throw OdooFault(.valueError, "Wrong value for \(field): \(PythonRepr.string(value))")
        }
        if items.allSatisfy({ $0.intValue != nil }) {
            return [.set(items.compactMap(\.intValue))]
        }
        return try items.map { try parseCommand($0, field: field) }
    }

    private static func parseCommand(_ item: JSONValue, field: String) throws -> X2ManyCommand {
        guard case .array(let parts) = item, let code = parts.first?.intValue else {
            throw OdooFault(.valueError, "Wrong value for \(field): \(PythonRepr.string(item))")
        }
        let target = parts.count > 1 ? parts[1].intValue ?? 0 : 0
        let payload = parts.count > 2 ? parts[2] : .null
        switch code {
        case 0: return .create(payload)
        case 1: return .update(target, payload)
        case 2: return .delete(target)
        case 3: return .unlink(target)
        case 4: return .link(target)
        case 5: return .clear
        case 6: return .set(payload.idList)
        default: throw OdooFault(.valueError, "Wrong value for \(field): \(PythonRepr.string(item))")
        }
    }
}
