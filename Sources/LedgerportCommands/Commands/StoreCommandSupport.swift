import Foundation
import LedgerportJSONSchema
import LedgerportSDK
import LedgerportStore

/// Conversions the tenant and connection commands share: errors, times and tenants.
enum StoreCommandSupport {
    /// Converts a store error into the error a command reports: invalid input exits with 65, anything else with 1.
    static func commandError(_ error: StoreError) -> CommandError {
        switch error.code {
        case .invalidInput:
            .invalidData(error.message, hint: error.hint)
        default:
            .failure(error.message, hint: error.hint)
        }
    }

    /// Runs `body`, converting a thrown ``StoreError`` with ``commandError(_:)``.
    static func translatingStoreErrors<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as StoreError {
            throw commandError(error)
        }
    }

    /// Formats `date` as an ISO 8601 UTC timestamp with milliseconds, as the JSON output prints times.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Reads the tenant named by `slug`, or throws the error a command reports, naming the closest slug.
    ///
    /// The data folder's owner may list every tenant, so unlike the admin API this error may name other tenants.
    static func tenant(slug: String, in store: any Store) async throws -> Tenant {
        do {
            return try await store.tenant(slug: slug)
        } catch let error as StoreError where error.code == .notFound {
            let suggestion = MessageText.didYouMean(slug, among: try await store.tenants().map(\.slug))
            throw CommandError.failure("find tenant \"\(slug)\": not found", hint: suggestion + "list tenants with \"ledgerport tenant list\"")
        }
    }
}
