/// A connector's rate limits and the server's time limits per request.
package struct RateLimitsSpec: Sendable, Hashable, Decodable {
    /// One request budget: at most ``requests`` per ``perSeconds`` seconds within a scope.
    package struct Limit: Sendable, Hashable, Decodable {
        /// The scope the limit applies to, such as `live_mode` or `connection`.
        package var scope: String
        package var requests: Int
        package var perSeconds: Int
        package var description: String

        enum CodingKeys: String, CodingKey {
            case scope, requests
            case perSeconds = "per_seconds"
            case description
        }
    }

    /// The time limits a server applies to one request.
    package struct ServerTimeLimits: Sendable, Hashable, Decodable {
        package var cpuSeconds: Int
        package var wallSeconds: Int
        package var description: String

        enum CodingKeys: String, CodingKey {
            case cpuSeconds = "cpu_seconds"
            case wallSeconds = "wall_seconds"
            case description
        }
    }

    package var description: String
    package var limits: [Limit]
    /// The default maximum of requests in flight per connection.
    package var maxConcurrentRequests: Int?
    package var serverTimeLimits: ServerTimeLimits?

    enum CodingKeys: String, CodingKey {
        case description, limits
        case maxConcurrentRequests = "max_concurrent_requests"
        case serverTimeLimits = "server_time_limits"
    }
}

/// The capabilities of a connector. A spec declares every one, true or false.
package struct CapabilitiesSpec: Sendable, Hashable, Decodable {
    /// Receives signed webhooks.
    package var webhooks: Bool
    /// Lists past objects page by page with a resumable cursor.
    package var backfill: Bool
    /// Writes several records in one call.
    package var batchWrites: Bool
    /// Reads a record back by external id.
    package var readBack: Bool
    /// Reads amounts back after a write and reports differences.
    package var amountExpectations: Bool
    /// Creates and finds records by Ledgerport's external ids.
    package var externalIDs: Bool
    /// Accepts several active secrets during a rotation overlap.
    package var secretRotation: Bool

    enum CodingKeys: String, CodingKey {
        case webhooks, backfill
        case batchWrites = "batch_writes"
        case readBack = "read_back"
        case amountExpectations = "amount_expectations"
        case externalIDs = "external_ids"
        case secretRotation = "secret_rotation"
    }

    /// The names of the capabilities that are true, in the spec's spelling.
    package var enabledNames: [String] {
        let all: [(String, Bool)] = [
            ("webhooks", webhooks), ("backfill", backfill), ("batch_writes", batchWrites), ("read_back", readBack),
            ("amount_expectations", amountExpectations), ("external_ids", externalIDs), ("secret_rotation", secretRotation),
        ]
        return all.filter(\.1).map(\.0)
    }
}
