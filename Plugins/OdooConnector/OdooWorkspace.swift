import LedgerportSDK

/// The shared state of the operation families: the session, the directory of external ids, the reference catalog and the connection's settings.
///
/// One workspace serves one connector instance and is safe to share between
/// concurrent deliveries: its stateful parts are actors.
struct OdooWorkspace: Sendable {
    let session: OdooSession
    let directory: RecordDirectory
    let catalog: ReferenceCatalog
    let settings: OdooSettings
    let clock: any WallClock
    let logger: Logger

    var scope: ExternalIDScope { directory.scope }

    /// Runs one call, classifying failures for `label`.
    func call(_ call: OdooCall, label: String) async throws(ConnectorError) -> JSONValue {
        try await session.execute(call, operation: label)
    }

    /// Reads `fields` of records `ids` of `model`, keyed by id.
    func read(_ model: String, ids: [Int64], fields: [String], label: String) async throws(ConnectorError) -> [Int64: JSONObject] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await call(.read(model, ids: ids, fields: fields), label: label).arrayValue ?? []
        var result = [Int64: JSONObject]()
        for row in rows {
            if let id = row["id"]?.int64Value, let object = row.objectValue { result[id] = object }
        }
        return result
    }

    /// Reads one record, throwing `odoo_record_missing` when Odoo has no record with that id.
    func readOne(_ model: String, id: Int64, fields: [String], label: String) async throws(ConnectorError) -> JSONObject {
        guard let row = try await read(model, ids: [id], fields: fields, label: label)[id] else {
            throw .business("odoo_record_missing", "\(label): \(model) record \(id) does not exist or was deleted in Odoo", hint: "restore the record in Odoo or change the source, then replay")
        }
        return row
    }

    /// Looks up the Odoo id of `reference`, throwing a transient `reference_not_found` error so the runtime retries after the record lands.
    func requireRecord(_ reference: TargetReference, label: String) async throws(ConnectorError) -> Int64 {
        guard let id = try await directory.find(reference, label: label) else {
            throw ConnectorError(
                .transient, code: "reference_not_found",
                message: "\(label): \(reference) does not exist in Odoo yet",
                hint: "the delivery is retried on its schedule, and succeeds once the referenced record has been delivered",
                missingReference: reference
            )
        }
        return id
    }

    /// Today's date in UTC as `YYYY-MM-DD`, the date Odoo uses when an invoice has none.
    func today() -> String {
        let seconds = Int64(clock.now().timeIntervalSince1970)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CivilDate(daysSinceEpoch: days).description
    }
}

/// A calendar date computed from days since 1970-01-01, without Foundation's calendars.
struct CivilDate: CustomStringConvertible {
    var year: Int64
    var month: Int64
    var day: Int64

    /// Converts with Howard Hinnant's days-from-civil inverse, valid for the proleptic Gregorian calendar.
    init(daysSinceEpoch days: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var description: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(monthText)-\(dayText)"
    }
}
