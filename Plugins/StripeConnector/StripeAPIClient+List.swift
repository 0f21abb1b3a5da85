import LedgerportSDK

/// One page of a Stripe list endpoint.
struct StripeListPage: Sendable {
    let objects: [StripeObject]
    /// Whether Stripe has more objects after the last one of this page.
    let hasMore: Bool

    /// The id to pass as `starting_after` for the next page, when there is one.
    var nextCursor: String? {
        hasMore ? objects.last?.string("id") : nil
    }
}

extension StripeAPIClient {
    /// Fetches one page of the list at `path`, after the object `startingAfter` when given.
    func listPage(
        _ path: String, query: [(String, String)] = [], limit: Int = 100, startingAfter: String? = nil
    ) async throws(ConnectorError) -> StripeListPage {
        var parameters = query
        parameters.append(("limit", String(min(max(limit, 1), 100))))
        if let startingAfter {
            parameters.append(("starting_after", startingAfter))
        }
        let json = try await get(path, query: parameters)
        let list = StripeObject(json: json, path: "", subject: "Stripe GET \(path)")
        guard json["data"]?.arrayValue != nil else {
            throw list.missing("data", expected: "the array of a Stripe list")
        }
        let page = StripeListPage(objects: list.elements("data"), hasMore: list.bool("has_more") ?? false)
        if page.hasMore, page.nextCursor == nil {
            throw list.missing("data[].id", expected: "an id to continue the list from")
        }
        return page
    }

    /// Fetches every object of the list at `path`, following `has_more`, after `startingAfter` when given.
    func listAll(_ path: String, query: [(String, String)] = [], startingAfter: String? = nil) async throws(ConnectorError) -> [StripeObject] {
        var objects = [StripeObject]()
        var cursor = startingAfter
        repeat {
            let page = try await listPage(path, query: query, startingAfter: cursor)
            objects.append(contentsOf: page.objects)
            cursor = page.nextCursor
        } while cursor != nil
        return objects
    }
}
