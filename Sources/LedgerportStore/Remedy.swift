/// The step that fixes a failure, kept as data so that the CLI can name a command and the admin API a route.
///
/// ``StoreError/hint`` contains ``commandHint(tenantSlug:)``. The admin API names the same step
/// by its route instead, because a token holder usually cannot run the CLI on the data folder.
package enum Remedy: Sendable, Hashable {
    /// Find the right id in one of the tenant's collections.
    case list(Listing)
    /// Resume the paused flow.
    case resumeFlow(FlowID)
    /// Apply the approved change request, or withdraw it.
    case applyOrWithdraw(ChangeRequestID)
    /// Name a published version of the mapping, numbered 1 to `newestVersion` (0 when none is), or publish a new one.
    case publishVersion(MappingID, newestVersion: Int)

    /// A tenant's collection that a `not_found` error searched.
    package enum Listing: String, Sendable, Hashable {
        case connections
        case flows
        case changeRequests = "change-requests"
        case deliveries
        case deadLetters = "dead-letters"

        /// The CLI command that lists the collection, such as `change-request list`.
        package var command: String {
            switch self {
            case .connections: "connection list"
            case .flows: "flow list"
            case .changeRequests: "change-request list"
            case .deliveries: "delivery list"
            case .deadLetters: "dead-letter list"
            }
        }

        /// The collection's name in a sentence, such as "change requests".
        package var noun: String {
            switch self {
            case .connections, .flows, .deliveries: rawValue
            case .changeRequests: "change requests"
            case .deadLetters: "dead letters"
            }
        }
    }

    /// Words the step as the CLI command with every option it needs, such as "list flows with `ledgerport flow list --tenant acme`".
    ///
    /// `tenantSlug` is nil when the error does not know the tenant's slug, and the command then shows `<slug>` in its place.
    package func commandHint(tenantSlug: String?) -> String {
        let tenant = "--tenant \(tenantSlug ?? "<slug>")"
        switch self {
        case .list(let listing):
            return "list \(listing.noun) with `ledgerport \(listing.command) \(tenant)`"
        case .resumeFlow(let flow):
            return "resume it first with \"ledgerport flow resume \(flow) \(tenant)\""
        case .applyOrWithdraw(let id):
            return "apply it with \"ledgerport change-request apply \(id) \(tenant) --as <email>\", "
                + "or have its proposer withdraw it with \"ledgerport change-request withdraw \(id) \(tenant) --as <email>\""
        case .publishVersion(let mapping, let newestVersion):
            return Self.publishedVersions(newestVersion) + "publish a new version with `ledgerport mapping publish FILE \(tenant) --id \(mapping)`"
        }
    }

    /// Returns the phrase naming the published versions that precedes the step to publish one, such as "its published versions are 1 to 3; name one of them, or ".
    ///
    /// Versions are numbered 1, 2, 3 and so on without gaps, so the newest names them all.
    package static func publishedVersions(_ newestVersion: Int) -> String {
        switch newestVersion {
        case ...0: "the mapping has no published version; "
        case 1: "its only published version is 1; name it, or "
        default: "its published versions are 1 to \(newestVersion); name one of them, or "
        }
    }
}
