/// A connector that turns a system's webhooks and API listings into canonical events.
///
/// After configuration (see ``Connector``), the runtime calls:
/// - ``verifyWebhook(_:)`` on the HTTP thread for every inbound request to the
///   connection's webhook URL, **before** anything is stored. It must be fast
///   (microseconds), synchronous and free of I/O: it checks the signature and
///   extracts each event's id and type without decoding the whole payload.
///   A request it rejects is answered with an error status and never stored.
/// - ``translate(_:)`` later, from a delivery worker, once per stored event.
///   It decodes the native payload into zero or more canonical events and may
///   call the source's API (through the context's transport) to fetch what
///   the payload omits, such as the remaining pages of invoice lines. It is
///   retried on ``FailureClass/transient`` errors, so it must be idempotent.
/// - ``backfill(_:)`` from a scheduled flow, once per page, to list past
///   objects as canonical events. The cursor it returns is stored and passed
///   back, so a backfill resumes after a restart.
public protocol SourceConnector: Connector {
    func verifyWebhook(_ request: WebhookRequest) throws(WebhookRejection) -> WebhookReceipt

    func translate(_ event: NativeEvent) async throws(ConnectorError) -> [CanonicalEvent]

    func backfill(_ request: BackfillRequest) async throws(ConnectorError) -> BackfillPage
}

extension SourceConnector {
    public static var kind: ConnectorKind { .source }
}
