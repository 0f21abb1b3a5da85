import LedgerportSDK
import LedgerportStore

/// Parsing of JSON stored in `*_json` columns.
enum StoredJSON {
    /// Parses JSON text read from `column`.
    ///
    /// - Throws: ``StoreError`` `storage_failure`: the store wrote valid JSON,
    ///   so invalid text means the row was changed outside Ledgerport.
    static func parse(_ text: String, column: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw StoreError(
                .storageFailure, "read \(column): the stored JSON is invalid (\(error))",
                hint: "the row was changed outside Ledgerport; restore it from a backup")
        }
    }
}
