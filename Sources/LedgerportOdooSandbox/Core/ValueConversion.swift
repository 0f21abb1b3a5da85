import LedgerportSDK

/// Converting incoming values to the stored form of their field, with Odoo's checks.
extension Transaction {
    /// Converts `value` to the stored form of a scalar or many2one `field` of `model`.
    ///
    /// Floats with a decimal precision are rounded half-up to its digits here,
    /// read from its `decimal.precision` record at each write, which is why
    /// `12.345` written into a "Product Price" field reads back as `12.35` until
    /// that record's digits are raised to 3. Selections must name one of their options.
    /// Returns the digits of the `decimal.precision` record named `name`, or nil when there is none.
    func precisionDigits(named name: String) -> Int? {
        for id in allIDs("decimal.precision") {
            if let row = row("decimal.precision", id), row["name"]?.stringValue == name {
                return row["digits"]?.intValue
            }
        }
        return nil
    }

    func convert(_ value: JSONValue, for field: FieldDefinition, of model: ModelDefinition) throws -> JSONValue {
        if !value.isTruthy, field.type != .boolean, !field.type.isNumeric {
            return .null
        }
        switch field.type {
        case .char, .text, .html:
            return .string(value.stringValue ?? PythonRepr.string(value))
        case .boolean:
            return .bool(value.isTruthy)
        case .integer:
            guard let number = value.isNull ? .zero : value.decimalValue, let whole = try? number.rescaled(to: 0, rounding: .down).exactInt64 else {
                throw invalidValue(value, field: field, model: model)
            }
            return .number(JSONNumber(whole))
        case .float(let fixedDigits):
            guard let number = value.isNull ? .zero : value.decimalValue else {
                throw invalidValue(value, field: field, model: model)
            }
            let digits = field.precisionName.flatMap(precisionDigits(named:)) ?? fixedDigits
            return .decimal(try digits.map { try number.roundedHalfUp(to: $0) } ?? number)
        case .monetary:
            guard let number = value.isNull ? .zero : value.decimalValue else {
                throw invalidValue(value, field: field, model: model)
            }
            return .decimal(number)
        case .date:
            return .string(try dateText(value, field: field, model: model))
        case .datetime:
            return .string(try datetimeText(value, field: field, model: model))
        case .selection(let options):
            guard let text = value.stringValue, options.contains(where: { $0.value == text }) else {
                throw OdooFault(.valueError, "Wrong value for \(model.name).\(field.name): \(PythonRepr.string(value))")
            }
            return .string(text)
        case .many2one:
            guard let id = value.recordID else {
                throw invalidValue(value, field: field, model: model)
            }
            return .int(id)
        case .serialized:
            return value
        case .one2many, .many2many:
            preconditionFailure("x2many values are applied as commands, not converted")
        }
    }

    private func dateText(_ value: JSONValue, field: FieldDefinition, model: ModelDefinition) throws -> String {
        guard let text = value.stringValue, OdooDateFormat.parseDate(text) != nil else {
            throw OdooFault(.valueError, "time data \(PythonRepr.string(value)) does not match format '%Y-%m-%d'")
        }
        return String(text.prefix(10))
    }

    private func datetimeText(_ value: JSONValue, field: FieldDefinition, model: ModelDefinition) throws -> String {
        guard let text = value.stringValue, OdooDateFormat.parseDate(text) != nil else {
            throw OdooFault(.valueError, "time data \(PythonRepr.string(value)) does not match format '%Y-%m-%d %H:%M:%S'")
        }
        return text.count == 10 ? text + " 00:00:00" : String(text.prefix(19))
    }

    private func invalidValue(_ value: JSONValue, field: FieldDefinition, model: ModelDefinition) -> OdooFault {
        OdooFault(.valueError, "Wrong value for \(model.name).\(field.name): \(PythonRepr.string(value))")
    }

    /// Raises the ValidationError for the first many2one in `values` that points to a missing record.
    func checkForeignKeys(_ values: RecordValues, of model: ModelDefinition) throws {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let field = model.field(name), case .many2one(let comodel) = field.type, let id = value.intValue else {
                continue
            }
            if !exists(comodel, id) {
                throw profile.foreignKeyViolation(modelLabel: model.label, model: model.name, fieldLabel: field.label, field: name)
            }
        }
    }

    /// Returns the Python type name of a JSON value, for the AttributeError Odoo raises on a non-dict `vals`.
    static func pythonTypeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "NoneType"
        case .bool: "bool"
        case .number(let number): number.isInteger ? "int" : "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }
}

extension ExactDecimal {
    /// Rounds half-up (Odoo's `float_round`) to `digits` decimals, never adding digits.
    func roundedHalfUp(to digits: Int) throws -> ExactDecimal {
        guard scale > digits else {
            return self
        }
        return try rescaled(to: digits, rounding: .halfUp)
    }
}
