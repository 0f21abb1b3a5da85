import LedgerportSDK

/// Applying x2many commands.
extension Transaction {
    /// Applies many2many `commands` to `current` and returns the new id list, creating and deleting comodel records as requested.
    func applyManyToMany(_ commands: [X2ManyCommand], current: [Int], comodel: String) throws -> [Int] {
        var linked = current
        for command in commands {
            switch command {
            case .create(let vals):
                linked.append(try create(comodel, [vals])[0])
            case .update(let id, let vals):
                try write(comodel, [id], vals)
            case .delete(let id):
                try unlink(comodel, [id])
                linked.removeAll { $0 == id }
            case .unlink(let id):
                linked.removeAll { $0 == id }
            case .link(let id):
                if !linked.contains(id) {
                    linked.append(id)
                }
            case .clear:
                linked = []
            case .set(let ids):
                linked = ids
            }
        }
        for id in linked where !exists(comodel, id) {
            throw OdooFault.missingRecords(comodel, [id], uid: uid)
        }
        return linked
    }

    /// Applies one2many commands for the record `parent`, writing the inverse many2one on the comodel.
    func applyOneToMany(_ commands: [X2ManyCommand], field: FieldDefinition, parent: Int) throws {
        guard case .one2many(let comodel, let inverse) = field.type else {
            preconditionFailure("\(field.name) is not a one2many")
        }
        let detachDeletes = (try definition(comodel)).field(inverse)?.isRequired ?? false
        for command in commands {
            switch command {
            case .create(let vals):
                guard case .object(var members) = vals else {
                    throw OdooFault(.attributeError, "'\(Transaction.pythonTypeName(vals))' object has no attribute 'get'")
                }
                members[inverse] = .int(parent)
                try create(comodel, [.object(members)])
            case .update(let id, let vals):
                try write(comodel, [id], vals)
            case .delete(let id):
                try unlink(comodel, [id])
            case .unlink(let id):
                try detach([id], comodel: comodel, inverse: inverse, delete: detachDeletes)
            case .link(let id):
                try write(comodel, [id], [inverse: .int(parent)])
            case .clear:
                let current = try inverseIDs(comodel: comodel, inverse: inverse, id: parent, filter: field.x2manyFilter)
                try detach(current, comodel: comodel, inverse: inverse, delete: detachDeletes)
            case .set(let ids):
                let current = try inverseIDs(comodel: comodel, inverse: inverse, id: parent, filter: field.x2manyFilter)
                try detach(current.filter { !ids.contains($0) }, comodel: comodel, inverse: inverse, delete: detachDeletes)
                for id in ids where !current.contains(id) {
                    try write(comodel, [id], [inverse: .int(parent)])
                }
            }
        }
    }

    private func detach(_ ids: [Int], comodel: String, inverse: String, delete: Bool) throws {
        guard !ids.isEmpty else { return }
        if delete {
            try unlink(comodel, ids)
        } else {
            try write(comodel, ids, [inverse: false])
        }
    }
}
