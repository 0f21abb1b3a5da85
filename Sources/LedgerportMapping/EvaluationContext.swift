import Foundation
import LedgerportSDK

/// The facts a mapping may read besides the event: the tenant, its time zone and its lookup entries.
///
/// Evaluation reads nothing else: no clock, no environment, no files. The
/// same event, mapping version and context always give the same operations.
package struct EvaluationContext: Sendable {
    /// The tenant the event belongs to, visible to mappings as `context.tenant_id`.
    package var tenantID: String
    /// The tenant's time zone, in which `date` places instants.
    package var timeZone: TimeZone
    /// Tenant-specific lookup entries, by table name; an entry here replaces the mapping's entry for the same key.
    package var lookupOverrides: [String: [String: JSONValue]]

    /// Creates a context for a tenant in a time zone.
    package init(tenantID: String, timeZone: TimeZone, lookupOverrides: [String: [String: JSONValue]] = [:]) {
        self.tenantID = tenantID
        self.timeZone = timeZone
        self.lookupOverrides = lookupOverrides
    }

    /// Creates a context from an IANA time zone identifier such as `Europe/Berlin`.
    package init(tenantID: String, timeZoneIdentifier: String, lookupOverrides: [String: [String: JSONValue]] = [:]) throws(MappingEvaluationError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw MappingEvaluationError(
                .invalidContext, mapping: "-", pointer: .root,
                message: "time zone \"\(timeZoneIdentifier)\" of tenant \"\(tenantID)\" is not an IANA time zone",
                hint: "set the tenant's time zone to an identifier such as \"Europe/Berlin\" or \"UTC\""
            )
        }
        self.init(tenantID: tenantID, timeZone: zone, lookupOverrides: lookupOverrides)
    }

    /// The JSON that `context.*` paths read.
    var json: JSONValue {
        ["tenant_id": .string(tenantID), "time_zone": .string(timeZone.identifier)]
    }
}
