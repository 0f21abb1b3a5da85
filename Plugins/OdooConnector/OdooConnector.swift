import LedgerportSDK

/// The Odoo target: writes customers, products, invoices, payments, credit notes, sales orders and dunning triggers into Odoo 16 and later, exactly once.
///
/// One instance serves one connection (see ``OdooSettings`` for its
/// configuration) and may be shared by concurrent deliveries. It talks
/// JSON-RPC to Odoo 16 to 18 and JSON-2 to Odoo 19 and later (see
/// ``OdooSession``), finds every record it wrote again by the external id
/// `ledgerport_<tenant>.<external_id>` (see ``RecordDirectory``), classifies
/// every failure with ``OdooErrorTable``, and compares Odoo's amounts with
/// the source's after every write (see ``AmountCheck``). It needs no
/// administrator rights: an Odoo user with the Invoicing/Billing and Contact
/// Creation groups (plus Sales for orders) is enough.
package struct OdooConnector: TargetConnector {
    package static let id = "odoo"
    package static let version = SemanticVersion(major: 1, minor: 0, patch: 0)

    let workspace: OdooWorkspace
    private let planner: BatchPlanner

    package init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {
        let settings = try OdooSettings(configuration)
        let session = OdooSession(settings: settings, transport: context.http, logger: context.logger)
        workspace = OdooWorkspace(
            session: session,
            directory: RecordDirectory(session: session, scope: ExternalIDScope(tenantID: context.tenantID)),
            catalog: ReferenceCatalog(session: session),
            settings: settings, clock: context.clock, logger: context.logger
        )
        planner = BatchPlanner(batchSize: settings.batchSize)
    }

    package func checkConnection() async throws(ConnectorError) -> String {
        let link = try await workspace.session.link()
        let company = try await workspace.catalog.company(label: "check Odoo connection")
        return "\(link.profile) over \(link.protocolName), database \(workspace.settings.database), company currency \(company.currencyCode)"
    }

    package func plan(_ operations: [TargetOperation]) throws(ConnectorError) -> [OperationBatch] {
        try planner.plan(operations)
    }

    package func apply(_ batch: OperationBatch) async -> [OperationOutcome] {
        guard let first = batch.operations.first else { return [] }
        if batch.operations.count > 1 {
            return await applyMany(batch.operations, key: BatchPlanner.key(first))
        }
        let outcome: OperationOutcome
        do {
            outcome = .success(try await applyOne(first))
        } catch {
            outcome = .failure(error)
        }
        await forgetMissing(first, outcome: outcome)
        log(first, outcome)
        return [outcome]
    }

    package func readState(of reference: TargetReference, fields: [String]) async throws(ConnectorError) -> TargetRecordState? {
        try await StateReader(workspace: workspace).read(reference, fields: fields)
    }

    private func applyMany(_ operations: [TargetOperation], key: String) async -> [OperationOutcome] {
        let outcomes: [OperationOutcome]
        switch key {
        case "res.partner upsert": outcomes = await PartnerOperations(workspace: workspace).upsert(operations)
        case "res.partner archive": outcomes = await PartnerOperations(workspace: workspace).archive(operations)
        case "product.product upsert": outcomes = await ProductOperations(workspace: workspace).upsert(operations)
        case "account.move post": outcomes = await MoveLifecycle(workspace: workspace).post(operations)
        default:
            var results = [OperationOutcome]()
            for operation in operations {
                results.append(contentsOf: await apply(OperationBatch(operations: [operation])))
            }
            return results
        }
        for (operation, outcome) in zip(operations, outcomes) {
            await forgetMissing(operation, outcome: outcome)
            log(operation, outcome)
        }
        return outcomes
    }

    private func applyOne(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        try BatchPlanner.validate(operation)
        switch (operation.model, operation.action) {
        case ("res.partner", .upsert): return try await PartnerOperations(workspace: workspace).upsert([operation])[0].get()
        case ("res.partner", .archive): return try await PartnerOperations(workspace: workspace).archive([operation])[0].get()
        case ("product.product", .upsert): return try await ProductOperations(workspace: workspace).upsert([operation])[0].get()
        case ("account.move", .upsert): return try await InvoiceUpsert(workspace: workspace).apply(operation)
        case ("account.move", .post): return try await MoveLifecycle(workspace: workspace).post([operation])[0].get()
        case ("account.move", .cancel): return try await MoveLifecycle(workspace: workspace).cancel(operation)
        case ("account.move", .resetToDraft): return try await MoveLifecycle(workspace: workspace).resetToDraft(operation)
        case ("account.move", .reverse): return try await CreditNoteReversal(workspace: workspace).apply(operation)
        case ("account.payment", .registerPayment): return try await PaymentRegistration(workspace: workspace).apply(operation)
        case ("sale.order", .upsert): return try await SaleOrderOperations(workspace: workspace).upsert(operation)
        case ("sale.order", .confirmOrder): return try await SaleOrderOperations(workspace: workspace).confirm(operation)
        case ("sale.order", .cancel): return try await SaleOrderOperations(workspace: workspace).cancel(operation)
        case ("mail.activity", .addActivity): return try await FollowUpOperations(workspace: workspace).addActivity(operation)
        case (_, .addTag): return try await FollowUpOperations(workspace: workspace).addTag(operation)
        default:
            preconditionFailure("BatchPlanner.validate admits only supported operations, not \(operation.action) on \(operation.model)")
        }
    }

    /// Drops a cached id after Odoo reported the record gone, so the next attempt looks it up again.
    private func forgetMissing(_ operation: TargetOperation, outcome: OperationOutcome) async {
        if case .failure(let error) = outcome, error.code == "odoo_record_missing" {
            await workspace.directory.forget(operation.reference)
        }
    }

    private func log(_ operation: TargetOperation, _ outcome: OperationOutcome) {
        // The metadata is built inside the autoclosures, so nothing is built when debug lines are off.
        switch outcome {
        case .success(let result):
            workspace.logger.debug(
                "applied \(operation.action) \(result.effect.rawValue)",
                metadata: Self.metadata(operation, [LogMetadataKey.targetRecordID: result.targetRecordID.map(LogValue.string)]))
        case .failure(let error):
            workspace.logger.debug(
                "operation failed",
                metadata: Self.metadata(operation, [
                    LogMetadataKey.failureClass: .string(error.failureClass.rawValue), LogMetadataKey.error: .string(error.code),
                ]))
        }
    }

    /// Builds the metadata of an operation's log line: its model and the given values that are present.
    private static func metadata(_ operation: TargetOperation, _ values: [String: LogValue?]) -> LogMetadata {
        var metadata: LogMetadata = [LogMetadataKey.targetModel: .string(operation.model)]
        for (key, value) in values {
            if let value {
                metadata[key] = value
            }
        }
        return metadata
    }
}
