import LedgerportSDK
import LedgerportStore

/// Decoding of stored text into enums, versions and decimals, failing loudly on values the store never writes.
enum StoredValue {
    /// Decodes a stored enum value such as a state.
    ///
    /// - Throws: ``StoreError`` `storage_failure` for a value no version of the store writes.
    static func decode<Value: RawRepresentable<String>>(_ text: String, as type: Value.Type, column: String) throws -> Value {
        guard let value = Value(rawValue: text) else {
            throw invalid(text, column: column)
        }
        return value
    }

    /// Decodes a stored semantic version.
    static func version(_ text: String, column: String) throws -> SemanticVersion {
        guard let version = SemanticVersion(text) else {
            throw invalid(text, column: column)
        }
        return version
    }

    /// Decodes a stored exact decimal such as `0.99`.
    static func decimal(_ text: String, column: String) throws -> ExactDecimal {
        guard let decimal = ExactDecimal(parsing: text) else {
            throw invalid(text, column: column)
        }
        return decimal
    }

    private static func invalid(_ text: String, column: String) -> StoreError {
        StoreError(
            .storageFailure, "read \(column): unexpected stored value \"\(text)\"",
            hint: "the row was changed outside Ledgerport, or by a newer version")
    }
}
