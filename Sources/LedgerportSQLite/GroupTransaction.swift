/// One `BEGIN IMMEDIATE` ... `COMMIT` of the writer, covering the writes of several callers.
///
/// Used on the writer thread only. Each write runs in its own savepoint so
/// that a failing write undoes only its own changes. When SQLite aborts the
/// whole transaction (a full disk, an I/O error), the writes that ran before
/// lost their changes too: they are resumed with that error, and the writes
/// not yet run go to a new transaction.
///
/// Rerunnable writes next to each other share one savepoint instead (a
/// batch). SQLite copies each page a savepoint changes into its journal
/// first, so a savepoint per webhook copied the same index pages again for
/// every event: in `ledgerport-bench ingest` the batch cut the writer's CPU
/// time per event by about a fifth. When a write of the batch fails, the
/// whole batch is rolled back and the writes before it run again, each in
/// its own savepoint, while the failed one keeps its error.
struct GroupTransaction {
    private let connection: SQLiteConnection
    private var covered: [SQLiteJob] = []
    /// Errors that replace a covered job's own result, by position in `covered`.
    private var overrides: [(any Error)?] = []
    private var beginError: (any Error)?
    private var abortError: (any Error)?
    /// The position in `covered` of the open batch's first job, while a batch savepoint is open.
    private var batchStart: Int?

    /// Opens the transaction; a failure to open is reported to every job later handed to it.
    init(connection: SQLiteConnection) {
        self.connection = connection
        do {
            try connection.execute("BEGIN IMMEDIATE")
        } catch {
            beginError = error
        }
    }

    /// Runs jobs in order until all ran or SQLite aborted the transaction; returns the jobs not run.
    mutating func runUntilAborted(_ jobs: ArraySlice<SQLiteJob>) -> ArraySlice<SQLiteJob> {
        if let beginError {
            covered.append(contentsOf: jobs)
            overrides.append(contentsOf: jobs.map { _ in beginError })
            return []
        }

        for index in jobs.indices {
            let job = jobs[index]
            if job.mode == .rerunnable {
                runInBatch(job)
            } else {
                closeBatch()
                covered.append(job)
                overrides.append(runInSavepoint(job))
            }

            guard connection.isInTransaction else {
                batchStart = nil
                abortError = abortError ?? job.failure ?? overrides.last ?? nil
                return jobs[(index + 1)...]
            }
        }
        closeBatch()
        return []
    }

    /// Runs a rerunnable job in the open batch, opening one first when none is open.
    private mutating func runInBatch(_ job: SQLiteJob) {
        if batchStart == nil {
            do {
                try connection.execute("SAVEPOINT ledgerport_batch")
                batchStart = covered.count
            } catch {
                // Without a savepoint a failure of the job could not be undone, so it does not run.
                covered.append(job)
                overrides.append(error)
                return
            }
        }
        covered.append(job)
        overrides.append(nil)
        connection.withExclusiveAccess {
            job.run(on: connection)
        }
        guard job.failure != nil, connection.isInTransaction, let start = batchStart else {
            return
        }

        // The failed job may have left part of its changes. The batch is undone, and the jobs before it run again alone.
        batchStart = nil
        do {
            try connection.execute("ROLLBACK TO ledgerport_batch")
            try connection.execute("RELEASE ledgerport_batch")
        } catch {
            // The changes cannot be sorted out, so the whole transaction goes, and with it every job it covered.
            abortError = error
            connection.rollbackIfOpen()
            return
        }
        for position in start..<(covered.count - 1) {
            overrides[position] = runInSavepoint(covered[position])
            guard connection.isInTransaction else {
                return
            }
        }
    }

    /// Releases the open batch's savepoint, if any, which keeps its jobs' changes in the transaction.
    private mutating func closeBatch() {
        guard let start = batchStart else {
            return
        }
        batchStart = nil
        do {
            try connection.execute("RELEASE ledgerport_batch")
        } catch {
            // As for a job's own savepoint: the batch's results cannot stand, so its changes are undone where possible.
            _ = try? connection.execute("ROLLBACK TO ledgerport_batch")
            _ = try? connection.execute("RELEASE ledgerport_batch")
            for position in start..<covered.count where overrides[position] == nil {
                overrides[position] = error
            }
        }
    }

    /// Commits and returns every covered job with the error that replaces its result, if any: the one that prevented the commit.
    ///
    /// The caller resumes the jobs; none of them has been resumed yet.
    mutating func commit(statistics: SQLiteWriterStatisticsRecorder) -> [SQLiteJobResumer.Resumption] {
        if let failure = beginError ?? abortError {
            return failingAll(with: failure)
        }

        do {
            try connection.execute("COMMIT")
        } catch {
            connection.rollbackIfOpen()
            return failingAll(with: error)
        }

        statistics.recordCommit(writeCount: covered.count)
        return zip(covered, overrides).map { (job: $0, error: $1) }
    }

    /// Runs `job` in a savepoint; returns an error that must replace its result, when the savepoint itself failed.
    private func runInSavepoint(_ job: SQLiteJob) -> (any Error)? {
        do {
            try connection.inSavepoint {
                job.run(on: connection)
                if job.failure != nil {
                    throw WriteFailed()
                }
            }
            return nil
        } catch is WriteFailed {
            // The job's own error is already its result, and its savepoint was rolled back.
            return nil
        } catch {
            // SAVEPOINT or RELEASE failed, so the job's result cannot stand.
            return error
        }
    }

    /// Pairs every covered job with `error`, except that a job whose own write failed keeps its own error.
    private func failingAll(with error: any Error) -> [SQLiteJobResumer.Resumption] {
        zip(covered, overrides).map { job, override in (job: job, error: job.failure ?? override ?? error) }
    }
}

/// Marks that a job's closure threw, so its savepoint rolls back; the job keeps the real error.
private struct WriteFailed: Error {}
