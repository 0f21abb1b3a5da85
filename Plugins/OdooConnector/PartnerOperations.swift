import LedgerportSDK

/// Customers in `res.partner`: upsert (company or contact) and archive.
///
/// Upsert values: `name` (required), `email`, `phone`, `is_company`,
/// `street`, `street2`, `city`, `zip`, `state` (name or code), `country_code`
/// (ISO alpha-2), `vat`, `ref`, `lang`, and `parent` (a reference to the
/// contact's company). The company reference travels as an external id in
/// the `load` row, so Odoo resolves it. When the company has not been
/// delivered yet, the load fails with a transient `reference_not_found`.
struct PartnerOperations: Sendable {
    let workspace: OdooWorkspace

    static let textFields = ["name", "email", "phone", "street", "street2", "city", "zip", "vat", "ref", "lang"]

    func upsert(_ operations: [TargetOperation]) async -> [OperationOutcome] {
        var prepared = [LoadUpsert.Row]()
        var failures = [TargetReference: OperationOutcome]()
        for operation in operations {
            do {
                prepared.append(try await prepare(operation))
            } catch {
                failures[operation.reference] = .failure(error)
            }
        }
        let applied = await LoadUpsert(workspace: workspace, model: "res.partner").apply(prepared)
        return operations.map { failures[$0.reference] ?? applied[$0.reference] ?? .failure(.system("odoo_internal", "upsert \($0.reference): no outcome was produced")) }
    }

    private func prepare(_ operation: TargetOperation) async throws(ConnectorError) -> LoadUpsert.Row {
        let values = OperationValues(operation)
        var cells = [String: String](minimumCapacity: Self.textFields.count + 2)
        for field in Self.textFields {
            if let text = try values.string(field) { cells[field] = text }
        }
        if let isCompany = try values.bool("is_company") {
            cells["is_company"] = isCompany ? "1" : "0"
        }
        if let parent = try values.reference("parent", model: "res.partner") {
            cells["parent_id/id"] = workspace.scope.qualified(parent.externalID)
        }

        var writeValues = JSONObject()
        if let code = try values.string("country_code") {
            let countryID = try await workspace.catalog.country(code, label: values.label)
            writeValues["country_id"] = .number(JSONNumber(countryID))
            if let state = try values.string("state") {
                writeValues["state_id"] = .number(JSONNumber(try await workspace.catalog.countryState(state, countryID: countryID, label: values.label)))
            }
        }
        return LoadUpsert.Row(operation: operation, cells: cells, writeValues: writeValues)
    }

    /// Archives partners (`active = false`); an unknown or already archived partner is `unchanged`.
    func archive(_ operations: [TargetOperation]) async -> [OperationOutcome] {
        let label = operations.count == 1 ? "archive \(operations[0].reference)" : "archive \(operations.count) partners"
        do {
            let found = try await workspace.directory.findAll(operations.map(\.reference), label: label)
            let rows = try await workspace.read("res.partner", ids: Array(found.values), fields: ["active"], label: label)
            let active = found.values.filter { rows[$0]?["active"]?.boolValue == true }.sorted()
            if !active.isEmpty {
                _ = try await workspace.call(.action("res.partner", "action_archive", ids: active), label: label)
            }
            return operations.map { operation in
                guard let id = found[operation.reference] else {
                    return .success(OperationResult(reference: operation.reference, effect: .unchanged))
                }
                let effect: OperationResult.Effect = active.contains(id) ? .updated : .unchanged
                return .success(OperationResult(reference: operation.reference, effect: effect, targetRecordID: "res.partner,\(id)", readBack: ["active": false]))
            }
        } catch {
            return operations.map { _ in .failure(error) }
        }
    }
}

/// Products in `product.product`: `name` (required), `default_code`, `list_price` (`$decimal`, company currency), `type` (`service` by default), `description_sale`.
struct ProductOperations: Sendable {
    let workspace: OdooWorkspace

    func upsert(_ operations: [TargetOperation]) async -> [OperationOutcome] {
        var prepared = [LoadUpsert.Row]()
        var failures = [TargetReference: OperationOutcome]()
        for operation in operations {
            do {
                prepared.append(try prepare(operation))
            } catch {
                failures[operation.reference] = .failure(error)
            }
        }
        let applied = await LoadUpsert(workspace: workspace, model: "product.product").apply(prepared)
        return operations.map { failures[$0.reference] ?? applied[$0.reference] ?? .failure(.system("odoo_internal", "upsert \($0.reference): no outcome was produced")) }
    }

    private func prepare(_ operation: TargetOperation) throws(ConnectorError) -> LoadUpsert.Row {
        let values = OperationValues(operation)
        var cells = ["name": try values.requireString("name"), "type": try values.string("type") ?? "service"]
        if let code = try values.string("default_code") { cells["default_code"] = code }
        if let description = try values.string("description_sale") { cells["description_sale"] = description }
        if let price = try values.decimal("list_price") { cells["list_price"] = OdooAmounts.text(price) }
        return LoadUpsert.Row(operation: operation, cells: cells, writeValues: [:])
    }
}
