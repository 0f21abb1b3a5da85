import LedgerportSDK

/// The result of `load(fields, data)`: the ids of the records in row order, or `false` and messages.
///
/// `load` reports problems as messages instead of raising: a failed load
/// returns `"ids": false` and has written nothing, because Odoo rolls the
/// whole call back. Messages name the record index (`record`) they concern.
struct LoadResult: Sendable {
    /// One message of a load.
    struct Message: Sendable {
        var type: String
        var text: String
        /// The index of the record (not the row) the message is about.
        var record: Int?
    }

    var ids: [Int64]?
    var messages: [Message]

    init(_ result: JSONValue, label: String) throws(ConnectorError) {
        guard let object = result.objectValue else {
            throw .system("odoo_unexpected_response", "\(label): load returned \(result.typeName), not an object")
        }
        ids = object["ids"]?.arrayValue?.compactMap(\.int64Value)
        messages = (object["messages"]?.arrayValue ?? []).map { message in
            Message(
                type: message["type"]?.stringValue ?? "error",
                text: message["message"]?.stringValue ?? "no message",
                record: message["record"]?.intValue
            )
        }
    }

    /// The first error message, if any.
    var firstError: Message? {
        messages.first { $0.type == "error" }
    }

    /// Returns the ids of a successful load, or throws its first error as a classified failure.
    func requireIDs(count: Int, label: String) throws(ConnectorError) -> [Int64] {
        if let ids, firstError == nil {
            guard ids.count == count else {
                throw .system("odoo_unexpected_response", "\(label): load returned \(ids.count) ids for \(count) records")
            }
            return ids
        }
        throw Self.classify(firstError?.text ?? "load returned no ids and no message", label: label)
    }

    /// Classifies a load message with the same rules as raised errors: access problems, missing references, conflicts.
    static func classify(_ text: String, label: String) -> ConnectorError {
        let line = OdooErrorTable.firstLine(text)
        if text.contains("No matching record found for external id") {
            return ConnectorError(
                .transient, code: "reference_not_found", message: "\(label): a referenced record does not exist in Odoo yet: \(line)",
                hint: "the delivery is retried on its schedule, and succeeds once the referenced record has been delivered", targetMessage: text
            )
        }
        if text.contains("You are not allowed to") {
            return ConnectorError(.configuration, code: "odoo_access_error", message: "\(label): \(line)", hint: "give the integration user the Odoo groups named in the message", targetMessage: text)
        }
        if text.contains("ir_model_data_module_name_uniq_index") || text.contains("could not serialize access") {
            return ConnectorError(.transient, code: "odoo_concurrent_create", message: "\(label): another request wrote the same record at the same time", targetMessage: text)
        }
        return .business("odoo_import_error", "\(label): Odoo rejected the record: \(line)", targetMessage: text, hint: "correct the value Odoo names and replay")
    }
}
