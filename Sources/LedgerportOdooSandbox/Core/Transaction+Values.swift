import LedgerportSDK

extension JSONValue {
    /// The ids a raw relational value links to: one for a many2one, several for an x2many.
    var linkedIDs: [Int] {
        switch self {
        case .number: intValue.map { [$0] } ?? []
        case .array: idList
        default: []
        }
    }
}

/// Reading field values, in the raw form the engine uses and in the form `read` returns.
extension Transaction {
    /// Returns the raw value of a field: a bare id for a many2one, an id array for an x2many, `null` when empty.
    func rawValue(_ model: ModelDefinition, _ id: Int, _ field: FieldDefinition) throws -> JSONValue {
        if let compute = field.compute {
            return try compute(self, RecordReference(model.name, id))
        }
        if case .one2many(let comodel, let inverse) = field.type {
            return .ids(try inverseIDs(comodel: comodel, inverse: inverse, id: id, filter: field.x2manyFilter))
        }
        return row(model.name, id)?[field.name] ?? .null
    }

    /// Returns the raw value of the field `name`, or `null` for an unknown field or record.
    func value(_ model: String, _ id: Int, _ name: String) -> JSONValue {
        guard let definition = registry.model(model), let field = definition.field(name) else {
            return .null
        }
        return (try? rawValue(definition, id, field)) ?? .null
    }

    /// Returns the value of a field as `read` returns it: `[id, name]` pairs, id lists, and `false` for empty columns.
    func readValue(_ model: ModelDefinition, _ id: Int, _ field: FieldDefinition) throws -> JSONValue {
        let raw = field.name == "id" ? JSONValue.int(id) : try rawValue(model, id, field)
        switch field.type {
        case .many2one(let comodel):
            guard let linked = raw.intValue, exists(comodel, linked) else {
                return false
            }
            return [.int(linked), .string(displayName(comodel, linked))]
        case .one2many, .many2many:
            return raw.isNull ? [] : raw
        case .boolean:
            return .bool(raw.isTruthy)
        case .integer:
            return raw.isNull ? 0 : raw
        case .float, .monetary:
            return raw.isNull ? .decimal(.zero) : raw
        default:
            return raw.isNull ? false : raw
        }
    }

    /// Returns the display name of a record, or an empty string for a missing one.
    func displayName(_ model: String, _ id: Int) -> String {
        guard let definition = registry.model(model), let values = row(model, id) else {
            return ""
        }
        return definition.behavior.displayName(of: id, values, in: self)
    }

    /// Returns the ids of `comodel` whose `inverse` many2one points to `id`, in the comodel's default order.
    func inverseIDs(comodel: String, inverse: String, id: Int, filter: (@Sendable (RecordValues) -> Bool)?) throws -> [Int] {
        let candidates: [Int]
        if let indexed = linkedIDs(comodel, field: inverse, to: id) {
            candidates = Array(indexed)
        } else {
            candidates = allIDs(comodel).filter { row(comodel, $0)?[inverse]?.intValue == id }
        }
        let matching = candidates.filter { filter?(row(comodel, $0) ?? [:]) ?? true }
        return try sorted(comodel, matching)
    }

    /// Collects all records below `roots` along `parent_id`, the roots included.
    func descendants(_ model: String, of roots: [Int]) -> Set<Int> {
        var found = Set(roots)
        var frontier = roots
        let rows = state.tables[model]?.rows ?? [:]
        while !frontier.isEmpty {
            let parents = Set(frontier)
            frontier = rows.compactMap { id, values in
                guard let parent = values["parent_id"]?.intValue, parents.contains(parent), !found.contains(id) else {
                    return nil
                }
                return id
            }
            found.formUnion(frontier)
        }
        return found
    }

    /// Collects all records above `roots` along `parent_id`, the roots included.
    func ancestors(_ model: String, of roots: [Int]) -> Set<Int> {
        var found = Set(roots)
        for root in roots {
            var current = row(model, root)?["parent_id"]?.intValue
            while let parent = current, !found.contains(parent) {
                found.insert(parent)
                current = row(model, parent)?["parent_id"]?.intValue
            }
        }
        return found
    }
}
