import LedgerportSDK

/// Typed access to an operation's values, throwing business errors that name the operation and the value.
///
/// Mappings produce the values, so a missing or mistyped value is a problem
/// of the data or the mapping: the delivery is parked with this message and
/// nothing is written.
struct OperationValues: Sendable {
    let values: [String: TargetValue]
    private let operation: TargetOperation?
    private let fixedLabel: String

    /// The operation's name in messages, such as `upsert account.move/stripe_invoice_in_1`.
    ///
    /// Built on request, because most operations are valid and formatting every name took about 1% of a delivery (a profile).
    var label: String {
        operation.map { "\($0.action) \($0.reference)" } ?? fixedLabel
    }

    init(_ operation: TargetOperation) {
        values = operation.values
        self.operation = operation
        fixedLabel = ""
    }

    init(values: [String: TargetValue], label: String) {
        self.values = values
        operation = nil
        fixedLabel = label
    }

    func has(_ key: String) -> Bool {
        guard let value = values[key] else { return false }
        return value != .null
    }

    func string(_ key: String) throws(ConnectorError) -> String? {
        guard let value = values[key], value != .null else { return nil }
        guard case .json(.string(let text)) = value else { throw invalid(key, expected: "a string") }
        return text
    }

    func requireString(_ key: String) throws(ConnectorError) -> String {
        guard let text = try string(key), !text.isEmpty else { throw missing(key) }
        return text
    }

    func bool(_ key: String) throws(ConnectorError) -> Bool? {
        guard let value = values[key], value != .null else { return nil }
        guard case .json(.bool(let flag)) = value else { throw invalid(key, expected: "true or false") }
        return flag
    }

    /// A `$decimal`, or a plain JSON number, which is exact too.
    func decimal(_ key: String) throws(ConnectorError) -> ExactDecimal? {
        guard let value = values[key], value != .null else { return nil }
        switch value {
        case .decimal(let decimal): return decimal
        case .json(.number(let number)) where number.decimal != nil: return number.decimal
        default: throw invalid(key, expected: "a {\"$decimal\": \"...\"} value")
        }
    }

    func requireDecimal(_ key: String) throws(ConnectorError) -> ExactDecimal {
        guard let value = try decimal(key) else { throw missing(key) }
        return value
    }

    func money(_ key: String) throws(ConnectorError) -> Money? {
        guard let value = values[key], value != .null else { return nil }
        guard case .money(let amount) = value else { throw invalid(key, expected: "a {\"$money\": {...}} value") }
        return amount
    }

    func requireMoney(_ key: String) throws(ConnectorError) -> Money {
        guard let value = try money(key) else { throw missing(key) }
        return value
    }

    /// A `$date` (or a plain `YYYY-MM-DD` string) checked for shape.
    func date(_ key: String) throws(ConnectorError) -> String? {
        guard let value = values[key], value != .null else { return nil }
        let text: String
        switch value {
        case .date(let date): text = date
        case .json(.string(let date)): text = date
        default: throw invalid(key, expected: "a {\"$date\": \"YYYY-MM-DD\"} value")
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { throw invalid(key, expected: "a date written YYYY-MM-DD, not \"\(text)\"") }
        return text
    }

    func reference(_ key: String, model: String) throws(ConnectorError) -> TargetReference? {
        guard let value = values[key], value != .null else { return nil }
        guard case .reference(let reference) = value else { throw invalid(key, expected: "a {\"$ref\": {...}} to \(model)") }
        guard reference.model == model else { throw invalid(key, expected: "a reference to \(model), not to \(reference.model)") }
        guard ExternalIDScope.isValid(reference.externalID) else {
            throw invalid(key, expected: "an external id of lowercase letters, digits and underscores, not \"\(reference.externalID)\"")
        }
        return reference
    }

    func requireReference(_ key: String, model: String) throws(ConnectorError) -> TargetReference {
        guard let value = try reference(key, model: model) else { throw missing(key) }
        return value
    }

    /// A reference to a record of any model (the record an activity is on).
    func requireAnyReference(_ key: String) throws(ConnectorError) -> TargetReference {
        guard let value = values[key], value != .null else { throw missing(key) }
        guard case .reference(let reference) = value else { throw invalid(key, expected: "a {\"$ref\": {...}} value") }
        return reference
    }

    /// A list of records such as invoice lines, each read through its own ``OperationValues``.
    func records(_ key: String) throws(ConnectorError) -> [OperationValues]? {
        guard let value = values[key], value != .null else { return nil }
        guard case .list(let items) = value else { throw invalid(key, expected: "a list of records") }
        var result = [OperationValues]()
        for (index, item) in items.enumerated() {
            guard case .record(let fields) = item else { throw invalid("\(key)[\(index)]", expected: "a record") }
            result.append(OperationValues(values: fields, label: "\(label) \(key)[\(index)]"))
        }
        return result
    }

    /// A list of strings, such as tax names.
    func strings(_ key: String) throws(ConnectorError) -> [String] {
        guard let value = values[key], value != .null else { return [] }
        guard case .list(let items) = value else {
            if case .json(.array(let elements)) = value, elements.allSatisfy({ $0.stringValue != nil }) {
                return elements.compactMap(\.stringValue)
            }
            throw invalid(key, expected: "a list of strings")
        }
        var result = [String]()
        for item in items {
            guard case .json(.string(let text)) = item else { throw invalid(key, expected: "a list of strings") }
            result.append(text)
        }
        return result
    }

    func missing(_ key: String) -> ConnectorError {
        .business("invalid_operation", "\(label): value \"\(key)\" is missing", hint: "fix the mapping so that it sets \"\(key)\"")
    }

    func invalid(_ key: String, expected: String) -> ConnectorError {
        .business("invalid_operation", "\(label): value \"\(key)\" must be \(expected)", hint: "fix the mapping's rule for \"\(key)\"")
    }
}
