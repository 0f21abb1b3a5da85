import LedgerportSQLite

/// The store's schema, as numbered, append-only migrations.
///
/// Add a change as a new file and a new element at the end. Never edit a
/// migration that has shipped: databases record each one's checksum and
/// refuse to open when it changes.
enum StoreMigrations {
    static let all: [SQLiteMigration] = [
        Migration0001CreateCoreTables.migration,
        Migration0002AddFlowsAndAPITokens.migration,
        Migration0003IndexFinishedDeliveriesByFlow.migration,
        Migration0004OrderDeliveriesBySourceVersion.migration,
        Migration0005AddReplayedDeadLetterStatus.migration,
        Migration0006StoreEventOrderingVersion.migration,
        Migration0007SpellOutPartialIndexStates.migration,
        Migration0008SpellOutAttemptChecks.migration,
        Migration0009SpellOutDeliveryChecks.migration,
        Migration0010AddOperationalAlerts.migration,
        Migration0011CountConnectionChanges.migration,
        Migration0012CountScheduleRunAttempts.migration,
        Migration0013IndexUnfinishedScheduleRuns.migration,
        Migration0014RecordAlertOrigin.migration,
    ]
}
