import LedgerportRuntime
import LedgerportStore

/// The table of a delivery's attempts that `delivery show` and `dead-letter show` print.
enum AttemptTable {
    /// Returns the header and one row per attempt: number, start, outcome, mapping version and error.
    static func rows(_ attempts: [DeliveryAttempt]) -> [[String]] {
        var rows = [["ATTEMPT", "STARTED AT", "OUTCOME", "MAPPING", "ERROR"]]
        rows += attempts.map {
            [String($0.number), AdminJSON.timestampText($0.startedAt), $0.outcome.rawValue,
             $0.mapping.map { "\($0.mappingID)@\($0.version)" } ?? "-", $0.error.map { "\($0.code): \($0.message)" } ?? ""]
        }
        return rows
    }
}
