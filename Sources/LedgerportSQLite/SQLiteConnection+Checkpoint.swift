import CSQLite

/// Checkpoints that the writer and its checkpointer run between commits, instead of SQLite's automatic ones inside `COMMIT`.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that crossed the
/// threshold, so every caller of that commit also waits for the copy into
/// the database file and its flush. With ``deferCheckpoints()`` the
/// connection only counts the frames in the WAL after each commit, and a
/// ``SQLiteCheckpointer`` decides where and when to checkpoint.
extension SQLiteConnection {
    /// Replaces SQLite's automatic checkpoints with a count of the WAL's frames after each commit.
    func deferCheckpoints() {
        withHandle { handle in
            let counter = Unmanaged.passUnretained(walFrames).toOpaque()
            sqlite3_wal_hook(handle, { context, _, _, frames in
                if let context {
                    Unmanaged<WALFrameCounter>.fromOpaque(context).takeUnretainedValue().frames = Int(frames)
                }
                return SQLITE_OK
            }, counter)
        }
    }

    /// Runs a passive checkpoint, which copies the frames that no reader still needs and waits for no lock.
    ///
    /// Returns how many of the WAL's frames, counted from its start, are in
    /// the database file now, or nil when the checkpoint could not run (for
    /// example while another one holds the lock). A checkpoint that copied
    /// less than everything leaves the WAL longer, and the next one goes on.
    @discardableResult
    func checkpointPassive() -> Int? {
        withHandle { handle in
            var logFrames: Int32 = 0
            var copiedFrames: Int32 = 0
            let result = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames)
            return result == SQLITE_OK && copiedFrames >= 0 ? Int(copiedFrames) : nil
        }
    }
}

/// The number of frames in the WAL after the connection's last commit, as SQLite's WAL hook reports it.
final class WALFrameCounter {
    var frames = 0
}
