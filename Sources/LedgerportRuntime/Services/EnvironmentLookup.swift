import LedgerportJSONSchema
import LedgerportStore

/// Checks a tenant's environment names. An unknown name gets `not_found` naming the closest environment and every environment the tenant has.
package enum EnvironmentLookup {
    /// Throws `not_found` for `name` unless the tenant has such an environment. `operation` starts the message, so it names the environment.
    package static func requireKnown(_ name: EnvironmentName, operation: String, tenant: TenantID, store: any Store) async throws {
        let known = try await store.environments(tenant: tenant).map(\.name.rawValue).sorted()
        guard !known.contains(name.rawValue) else {
            return
        }
        throw StoreError.unknownTenantID(
            name.rawValue, kind: "environment", operation: operation, known: known, suggestion: suggestion(for: name.rawValue, among: known))
    }

    /// Returns the "did you mean" phrase for the closest environment.
    ///
    /// A short form such as "prod" is too far from "production" by edit distance, so when no name is close,
    /// the only environment that starts with `name` is suggested.
    static func suggestion(for name: String, among known: [String]) -> String {
        let closest = MessageText.didYouMean(name, among: known)
        let extensions = known.filter { $0.hasPrefix(name) }
        guard closest.isEmpty, !name.isEmpty, extensions.count == 1 else {
            return closest
        }
        return "did you mean \(MessageText.quote(extensions[0]))? "
    }
}
