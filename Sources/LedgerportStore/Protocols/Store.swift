/// Ledgerport's persistent state: tenants, connections, events, deliveries, governance and audit.
///
/// Contract for every implementation (the conformance suite checks it):
///
/// - **Tenant scoping.** Every tenant-owned row carries its tenant id, and
///   every method on such rows takes the tenant and filters by it. A row of
///   another tenant is reported as `not_found`, exactly like a missing row,
///   so tenant A can neither read nor change tenant B's rows, nor learn that
///   they exist. Platform methods (listing tenants, certificates, the
///   platform audit chain) state so in their documentation.
/// - **Durability.** A method that writes returns only after its changes
///   are committed durably. Concurrent writes may share one commit.
/// - **Atomicity.** Each method is one transaction: it changes everything it
///   documents, including its audit entry, or nothing.
/// - **Errors.** Every failure is a ``StoreError``.
/// - **Threading.** Methods may be called from any task; implementations
///   keep blocking I/O off the Swift concurrency pool.
/// - **Time.** Creation and update times come from the implementation's
///   injected clock; times passed in (a received-at, a retry time) are
///   stored as given, to the millisecond.
package protocol Store: TenantStore, ConnectionStore, EventStore, DeliveryStore, DeadLetterStore, MappingStore,
    ChangeRequestStore, CertificateStore, AuditStore, MasterKeyCheckStore, FlowStore, APITokenStore, AlertStore
{
    /// Counts of commits and of the writes they covered, for metrics on group commit.
    func commitStatistics() async -> StoreCommitStatistics

    /// Finishes queued work and closes the store; later calls throw ``StoreError``.
    func close() async
}

/// How many commits a store made, how many write calls they covered, and how its log was checkpointed.
package struct StoreCommitStatistics: Sendable, Hashable {
    package var commits: Int
    package var writes: Int
    /// The maximum number of write calls that one commit covered.
    package var largestGroup: Int
    /// Checkpoints run beside the commits, on a thread of their own (0 where the store has none).
    package var backgroundCheckpoints: Int
    /// Checkpoints the writer ran between two commits because the log reached its limit.
    package var writerCheckpoints: Int
    /// The maximum length of the write-ahead log after a commit, in pages.
    package var largestLogPages: Int

    package init(
        commits: Int, writes: Int, largestGroup: Int, backgroundCheckpoints: Int = 0, writerCheckpoints: Int = 0, largestLogPages: Int = 0
    ) {
        self.commits = commits
        self.writes = writes
        self.largestGroup = largestGroup
        self.backgroundCheckpoints = backgroundCheckpoints
        self.writerCheckpoints = writerCheckpoints
        self.largestLogPages = largestLogPages
    }

    /// Returns the counts made since `earlier`; the largest group and log size stay those of the whole run.
    package func since(_ earlier: StoreCommitStatistics) -> StoreCommitStatistics {
        StoreCommitStatistics(
            commits: commits - earlier.commits, writes: writes - earlier.writes, largestGroup: largestGroup,
            backgroundCheckpoints: backgroundCheckpoints - earlier.backgroundCheckpoints,
            writerCheckpoints: writerCheckpoints - earlier.writerCheckpoints, largestLogPages: largestLogPages)
    }
}
