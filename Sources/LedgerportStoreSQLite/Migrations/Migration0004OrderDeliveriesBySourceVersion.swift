import LedgerportSQLite

/// Orders the deliveries of one ordering key by the source's version of each event, then by arrival.
///
/// Webhooks arrive out of order, so a delivery that arrives late but
/// happened first (an invoice after its payment) must be able to run before
/// the deliveries of its key that happened later. Existing rows get version
/// 0, which keeps their arrival order.
enum Migration0004OrderDeliveriesBySourceVersion {
    static let migration = SQLiteMigration(number: 4, name: "order_deliveries_by_source_version", sql: sql)

    private static let sql = """
        ALTER TABLE deliveries ADD COLUMN ordering_version INTEGER NOT NULL DEFAULT 0;
        DROP INDEX deliveries_open_by_ordering_key;
        CREATE INDEX deliveries_open_by_ordering_key ON deliveries (tenant_id, ordering_key, ordering_version, id)
            WHERE state IN ('pending', 'in_flight');
        """
}
