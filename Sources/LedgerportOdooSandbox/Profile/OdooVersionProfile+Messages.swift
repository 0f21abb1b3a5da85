/// Error texts that the two series word differently, copied from the recordings.
extension OdooVersionProfile {
    /// Makes the ValueError for an unknown field in `create` values.
    func unknownFieldInCreate(_ field: String, model: String) -> OdooFault {
        switch version {
        case .v17: OdooFault(.valueError, "Invalid field '\(field)' on model '\(model)'")
        case .v19: OdooFault(.valueError, "Invalid field '\(field)' in '\(model)'")
        }
    }

    /// Makes the error for an unknown field in `write` values: a ValueError on 17.0, a bare KeyError on 19.0.
    func unknownFieldInWrite(_ field: String, model: String) -> OdooFault {
        switch version {
        case .v17: OdooFault(.valueError, "Invalid field '\(field)' on model '\(model)'")
        case .v19: OdooFault(.keyError, field)
        }
    }

    /// Makes the ValueError for an unknown field in the `fields` of `read` or `search_read`.
    func unknownFieldInRead(_ field: String, model: String) -> OdooFault {
        switch version {
        case .v17: OdooFault(.valueError, "Invalid field '\(field)' on model '\(model)'")
        case .v19: OdooFault(.valueError, "Invalid field '\(field)' on '\(model)'")
        }
    }

    /// Makes the ValueError for an unknown field in a domain term; `leaf` is the term in Python syntax.
    func unknownFieldInDomain(_ field: String, model: String, leaf: String) -> OdooFault {
        switch version {
        case .v17: OdooFault(.valueError, "Invalid field \(model).\(field) in leaf \(leaf)")
        case .v19: OdooFault(.valueError, "Invalid field \(model).\(field) in condition \(leaf)")
        }
    }

    /// Makes the AccessError for calling a method whose name starts with an underscore.
    func privateMethod(_ method: String, model: String) -> OdooFault {
        switch version {
        case .v17: OdooFault(.accessError, "Private methods (such as \(method)) cannot be called remotely.")
        case .v19: OdooFault(.accessError, "Private methods (such as '\(model).\(method)') cannot be called remotely.")
        }
    }

    /// The UserError for posting a move without lines.
    var postWithoutLines: OdooFault {
        switch version {
        case .v17: OdooFault(.userError, "You need to add a line before posting.")
        case .v19: OdooFault(.userError, "Even magicians can't post nothing!")
        }
    }

    /// Makes the ValidationError for a missing value in a required column.
    func mandatoryField(modelLabel: String, model: String, fieldLabel: String, field: String) -> OdooFault {
        switch version {
        case .v17:
            return OdooFault(
                .validationError,
                "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n"
                    + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
                    + "Model: \(modelLabel) (\(model))\nField: \(fieldLabel) (\(field))\n"
            )
        case .v19:
            return OdooFault(
                .validationError,
                "The operation cannot be completed: Missing required value for the field '\(fieldLabel)' (\(field)).\n"
                    + "Model: '\(modelLabel)' (\(model))\n- create/update: a mandatory field is not set\n"
                    + "- delete: another model requires the record being deleted, you can archive it instead\n"
            )
        }
    }

    /// Makes the ValidationError for a many2one value that points to no record (a foreign key violation).
    func foreignKeyViolation(modelLabel: String, model: String, fieldLabel: String, field: String) -> OdooFault {
        let table = model.replacingOccurrences(of: ".", with: "_")
        switch version {
        case .v17:
            return OdooFault(
                .validationError,
                "The operation cannot be completed: another model requires the record being deleted. "
                    + "If possible, archive it instead.\n\nModel: \(modelLabel) (\(model))\n"
                    + "Constraint: \(table)_\(field)_fkey\n"
            )
        case .v19:
            return OdooFault(
                .validationError,
                "The operation cannot be completed: Another model is using the record you are trying to delete.\n\n"
                    + "The troublemaker is: '\(modelLabel)' (\(model))\n"
                    + "Thanks to the following constraint: '\(fieldLabel)' (\(field))\n"
                    + "How about archiving the record instead?"
            )
        }
    }

    /// Makes the AccessError listing the groups that would allow an operation.
    func accessDenied(operation: AccessOperation, modelLabel: String, model: String, groups: [String]) -> OdooFault {
        let verb = operation == .read ? "access" : operation.rawValue
        let groupLines = groups.map { "\t- \($0)" }.joined(separator: "\n")
        return OdooFault(
            .accessError,
            "You are not allowed to \(verb) '\(modelLabel)' (\(model)) records.\n\n"
                + "This operation is allowed for the following groups:\n\(groupLines)\n\n"
                + "Contact your administrator to request access if necessary."
        )
    }
}
