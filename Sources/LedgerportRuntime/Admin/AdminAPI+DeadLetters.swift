import LedgerportHTTPServer
import LedgerportSDK
import LedgerportStore

/// The exception workbench: list, inspect, replay (with a dry run) and discard dead letters.
extension AdminAPI {
    /// The maximum number of dead letters one bulk replay request selects.
    static let maximumReplayBatch = 500

    func registerDeadLetterRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants/{tenant}/dead-letters", scope: .tenant, permission: .read,
            accepts: .query("reason", "status", "flow", "since", "after", "limit")) { request in
            let limit = try request.limit()
            let filter = try Self.filter(from: request)
            let letters = try await deadLetters.list(
                tenant: request.scopedTenant.id, filter: filter, after: try request.after().map(DeadLetterID.init(rawValue:)), limit: limit
            )
            return (200, Self.page("dead_letters", letters.map(AdminJSON.deadLetter), lastID: letters.last?.id.rawValue, limit: limit))
        }
        add(&routes, "POST", "/tenants/{tenant}/dead-letters/replay", scope: .tenant, permission: .replayDeadLetters, accepts: Self.bulkReplayShape) { request in
            try await replayMany(request)
        }
        add(&routes, "GET", "/tenants/{tenant}/dead-letters/{dead_letter}", scope: .tenant, permission: .read, accepts: .nothing) { request in
            let id = DeadLetterID(rawValue: try request.integerPathParameter("dead_letter"))
            return (200, AdminJSON.deadLetterDetail(try await deadLetters.detail(id, tenant: request.scopedTenant.id)))
        }
        add(&routes, "POST", "/tenants/{tenant}/dead-letters/{dead_letter}/replay", scope: .tenant, permission: .replayDeadLetters,
            accepts: .body(ReplayOptions.members)) { request in
            let id = DeadLetterID(rawValue: try request.integerPathParameter("dead_letter"))
            let options = try ReplayOptions(request.body)
            if options.dryRun {
                return (200, try AdminJSON.replayDryRun(try await deadLetters.dryRun(id, mappingVersion: options.mappingVersion, tenant: request.scopedTenant.id)))
            }
            let delivery = try await deadLetters.replay(id, mappingVersion: options.mappingVersion, tenant: request.scopedTenant.id, actor: request.actor)
            return (200, ["dead_letter_id": .number(JSONNumber(id.rawValue)), "replayed": true, "delivery": AdminJSON.delivery(delivery)])
        }
        add(&routes, "POST", "/tenants/{tenant}/dead-letters/{dead_letter}/discard", scope: .tenant, permission: .discardDeadLetters,
            accepts: .body(["reason": .string])) { request in
            let id = DeadLetterID(rawValue: try request.integerPathParameter("dead_letter"))
            guard let reason = request.body["reason"]?.stringValue else {
                throw AdminError.badRequest("invalid_input", "discard dead letter \(id): member \"reason\" is missing; send {\"reason\": \"why it is dropped\"}")
            }
            let letter = try await deadLetters.discard(id, reason: reason, tenant: request.scopedTenant.id, actor: request.actor)
            return (200, AdminJSON.deadLetter(letter))
        }
    }

    /// The body of a bulk replay: `ids`, or `filter` with an optional `limit`, plus the options of one replay.
    private static let bulkReplayShape = AdminRequestShape.body(
        ReplayOptions.members.merging([
            "ids": .integerList, "filter": .object(["reason": .string, "flow": .string, "since": .string]), "limit": .integer,
        ]) { first, _ in first }
    )

    /// Replays (or dry-runs) the dead letters named by `ids`, or the parked ones a `filter` selects.
    private func replayMany(_ request: AdminRequest) async throws -> (Int, JSONValue) {
        let body = request.body
        let options = try ReplayOptions(body)
        let tenant = request.scopedTenant.id
        let ids = try await selectedIDs(body, tenant: tenant)

        if options.dryRun {
            var runs = [JSONValue]()
            for id in ids {
                do {
                    runs.append(try AdminJSON.replayDryRun(try await deadLetters.dryRun(id, mappingVersion: options.mappingVersion, tenant: tenant)))
                } catch {
                    runs.append(["dead_letter_id": .number(JSONNumber(id.rawValue)), "error": Self.errorObject(error, tenantSlug: request.scopedTenant.slug)])
                }
            }
            return (200, ["dry_runs": .array(runs), "applied": false])
        }
        let outcomes = await deadLetters.replay(ids, mappingVersion: options.mappingVersion, tenant: tenant, actor: request.actor)
        let replayed = outcomes.filter { if case .replayed = $0.result { true } else { false } }.count
        let results = outcomes.map { AdminJSON.replayOutcome($0, describe: { error in Self.describe(error, tenantSlug: request.scopedTenant.slug) }) }
        return (200, ["results": .array(results), "replayed": .number(JSONNumber(replayed)), "failed": .number(JSONNumber(outcomes.count - replayed))])
    }

    /// Selects the ids of a bulk request from `ids`, or from `filter` with an optional `limit`, never both.
    private func selectedIDs(_ body: JSONObject, tenant: TenantID) async throws -> [DeadLetterID] {
        switch (body["ids"], body["filter"]) {
        case (let ids?, nil):
            guard let list = ids.arrayValue, !list.isEmpty, list.count <= Self.maximumReplayBatch,
                let values = Optional(list.compactMap(\.int64Value)), values.count == list.count
            else {
                throw AdminError.badRequest("invalid_input", "replay dead letters: \"ids\" must be a list of 1 to \(Self.maximumReplayBatch) integer ids")
            }
            return values.map(DeadLetterID.init(rawValue:))
        case (nil, let filter?):
            guard let members = filter.objectValue else {
                throw AdminError.badRequest("invalid_input", "replay dead letters: \"filter\" must be an object such as {\"reason\": \"configuration\"}")
            }
            let limit = body["limit"]?.intValue ?? Self.maximumReplayBatch
            guard (1...Self.maximumReplayBatch).contains(limit) else {
                throw AdminError.badRequest("invalid_input", "replay dead letters: \"limit\" must be an integer from 1 to \(Self.maximumReplayBatch)")
            }
            return try await deadLetters.parkedIDs(matching: try Self.filter(from: members), limit: limit, tenant: tenant)
        default:
            throw AdminError.badRequest("invalid_input", "replay dead letters: send either \"ids\" (a list of ids) or \"filter\" (an object), not both and not neither")
        }
    }

    private static func filter(from request: AdminRequest) throws(AdminError) -> DeadLetterFilter {
        DeadLetterFilter(
            status: try request.enumQuery("status", as: DeadLetterStatus.self), reason: try request.enumQuery("reason", as: DeadLetterReason.self),
            flowID: request.query("flow").map(FlowID.init(rawValue:)), parkedSince: try request.timestampQuery("since")
        )
    }

    private static func filter(from members: JSONObject) throws(AdminError) -> DeadLetterFilter {
        var filter = DeadLetterFilter()
        if let reason = members["reason"]?.stringValue {
            guard let value = DeadLetterReason(rawValue: reason) else {
                throw .badRequest("invalid_input", "filter reason \"\(reason)\" is not one of \(DeadLetterReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.reason = value
        }
        filter.flowID = members["flow"]?.stringValue.map(FlowID.init(rawValue:))
        if let since = members["since"]?.stringValue {
            guard let date = AdminRequest.parseTimestamp(since) else {
                throw .badRequest("invalid_input", "filter since \"\(since)\" is not an ISO 8601 time; write it as 2026-03-01T00:00:00Z")
            }
            filter.parkedSince = date
        }
        return filter
    }

    static func describe(_ error: any Error, tenantSlug: String) -> (code: String, message: String) {
        guard let adminError = AdminError.classify(error, tenantSlug: tenantSlug) else {
            return ("internal_error", "the replay failed; see the server log")
        }
        return (adminError.code, adminError.message)
    }

    private static func errorObject(_ error: any Error, tenantSlug: String) -> JSONValue {
        let (code, message) = describe(error, tenantSlug: tenantSlug)
        return ["code": .string(code), "message": .string(message)]
    }
}

/// The body members of a replay request: `mapping_version` (a version number of the flow's mapping) and `dry_run`.
private struct ReplayOptions {
    /// The members and their types, for the routes' ``AdminRequestShape``.
    static let members: [String: AdminRequestShape.ValueType] = ["mapping_version": .integer, "dry_run": .boolean]

    let mappingVersion: Int?
    let dryRun: Bool

    init(_ body: JSONObject) throws(AdminError) {
        if let value = body["mapping_version"], !value.isNull {
            guard let version = value.intValue, version > 0 else {
                throw .badRequest("invalid_input", "mapping_version \(value) must be a positive integer: a stored version of the flow's mapping")
            }
            mappingVersion = version
        } else {
            mappingVersion = nil
        }
        if let value = body["dry_run"], !value.isNull {
            guard let flag = value.boolValue else {
                throw .badRequest("invalid_input", "dry_run \(value) must be true or false")
            }
            dryRun = flag
        } else {
            dryRun = false
        }
    }
}
