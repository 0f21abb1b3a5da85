import LedgerportSDK

extension AdminTestHarness {
    /// Reads `GET /metrics`, with `token` as the bearer token when given.
    func getMetrics(token: String?) async throws -> HTTPResponse {
        let headers: HTTPHeaders = token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        return try await runtime.transport.send(
            HTTPRequest(method: "GET", url: "http://127.0.0.1:\(runtime.port ?? 0)/metrics", headers: headers))
    }
}
