import LedgerportHTTPServer
import LedgerportJSONSchema
import LedgerportSDK
import LedgerportStore

/// Change requests: list, show with decisions, propose, decide and apply, through ``ChangeRequestWorkflow``.
extension AdminAPI {
    func registerChangeRequestRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants/{tenant}/change-requests", scope: .tenant, permission: .read, accepts: .query("state")) { request in
            let state = try request.enumQuery("state", as: ChangeRequestState.self)
            let requests = try await store.changeRequests(tenant: request.scopedTenant.id, state: state)
            return (200, ["change_requests": .array(requests.map(AdminJSON.changeRequest))])
        }
        add(&routes, "POST", "/tenants/{tenant}/change-requests", scope: .tenant, permission: .proposeChangeRequests, accepts: Self.proposalShape) { request in
            (201, try await propose(request))
        }
        add(&routes, "GET", "/tenants/{tenant}/change-requests/{change_request}", scope: .tenant, permission: .read, accepts: .nothing) { request in
            (200, try await detail(ChangeRequestID(rawValue: request.pathParameter("change_request")), tenant: request.scopedTenant.id))
        }
        add(&routes, "POST", "/tenants/{tenant}/change-requests/{change_request}/decisions", scope: .tenant, permission: .decideChangeRequests,
            accepts: .body(["decision": .string, "comment": .string])) { request in
            let id = ChangeRequestID(rawValue: request.pathParameter("change_request"))
            let body = request.body
            let decision = try Self.decision(body["decision"]?.stringValue, request: id)
            let comment = body["comment"]?.stringValue ?? ""
            _ = try await workflow.decide(decision, comment: comment, reviewer: request.actor, request: id, tenant: request.scopedTenant.id)
            return (200, try await detail(id, tenant: request.scopedTenant.id))
        }
        add(&routes, "POST", "/tenants/{tenant}/change-requests/{change_request}/withdraw", scope: .tenant, permission: .withdrawChangeRequests,
            accepts: .nothing) { request in
            let id = ChangeRequestID(rawValue: request.pathParameter("change_request"))
            _ = try await workflow.withdraw(id, tenant: request.scopedTenant.id, actor: request.actor)
            return (200, try await detail(id, tenant: request.scopedTenant.id))
        }
        add(&routes, "POST", "/tenants/{tenant}/change-requests/{change_request}/apply", scope: .tenant, permission: .applyChangeRequests, accepts: .nothing) { request in
            let id = ChangeRequestID(rawValue: request.pathParameter("change_request"))
            let activation = try await workflow.apply(id, tenant: request.scopedTenant.id, actor: request.actor)
            // New deliveries pin the newly active version from now on.
            try await router.reload()
            var body = try await detail(id, tenant: request.scopedTenant.id)
            if case .object(var object) = body {
                object["activation"] = AdminJSON.activation(activation)
                body = .object(object)
            }
            return (200, body)
        }
    }

    private static let proposalShape = AdminRequestShape.body(["mapping_id": .string, "version": .integer, "environment": .string, "summary": .string])

    /// Opens a request to activate a stored mapping version: `{"mapping_id", "version", "environment", "summary"}`.
    private func propose(_ request: AdminRequest) async throws -> JSONValue {
        let body = request.body
        guard let mapping = body["mapping_id"]?.stringValue, let version = body["version"]?.intValue,
            let summary = body["summary"]?.stringValue
        else {
            throw AdminError.badRequest(
                "invalid_input",
                "propose change request: send {\"mapping_id\": \"stripe-invoices\", \"version\": 2, \"environment\": \"production\", \"summary\": \"...\"}; mapping_id, version and summary are required"
            )
        }
        let environment = EnvironmentName(rawValue: body["environment"]?.stringValue ?? EnvironmentName.test.rawValue)
        let reference = MappingVersionReference(mappingID: MappingID(rawValue: mapping), version: version)
        let created = try await workflow.proposeActivation(
            of: reference, environment: environment, summary: summary, tenant: request.scopedTenant.id, proposer: request.actor)
        return AdminJSON.changeRequest(created)
    }

    /// Reads the `decision` member: `approve` or `reject`, quoting any other value with the closest one.
    private static func decision(_ text: String?, request id: ChangeRequestID) throws(AdminError) -> ApprovalDecision {
        guard let text else {
            throw .badRequest("invalid_input", "decide on change request \(id): member \"decision\" is missing; send {\"decision\": \"approve\"} or \"reject\"")
        }
        guard let decision = ApprovalDecision(rawValue: text) else {
            let allowed = ApprovalDecision.allCases.map(\.rawValue)
            throw .badRequest(
                "invalid_input",
                "decide on change request \(id): decision \(MessageText.quote(text)) is not \"approve\" or \"reject\"; "
                    + "\(MessageText.didYouMean(text, among: allowed))send one of those")
        }
        return decision
    }

    private func detail(_ id: ChangeRequestID, tenant: TenantID) async throws -> JSONValue {
        let request = try await store.changeRequest(id, tenant: tenant)
        let approvals = try await store.approvals(changeRequest: id, tenant: tenant)
        return ["change_request": AdminJSON.changeRequest(request), "approvals": .array(approvals.map(AdminJSON.approval))]
    }
}
