import CSQLite

/// Checkpoints that the writer runs between commits, instead of SQLite's automatic ones inside `COMMIT`.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that crossed the
/// threshold, so every caller of that commit also waits for the copy into
/// the database file and its flush. With ``deferCheckpoints()`` the
/// connection only counts the frames in the WAL after each commit, and the
/// writer calls ``checkpointIfNeeded(thresholdPages:)`` once it has handed
/// the committed writes over: the same checkpoints, run after the callers
/// received their results.
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

    /// Runs a passive checkpoint when the WAL has at least `thresholdPages` frames; 0 never checkpoints.
    ///
    /// Passive means it copies the frames that no reader still needs and
    /// waits for no lock, as SQLite's automatic checkpoint does. The result is
    /// not checked: the next commit that finds the WAL over the threshold
    /// tries again, and the WAL only grows meanwhile.
    func checkpointIfNeeded(thresholdPages: Int) {
        guard thresholdPages > 0, walFrames.frames >= thresholdPages else {
            return
        }
        withHandle { handle in
            _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        walFrames.frames = 0
    }
}

/// The number of frames in the WAL after the connection's last commit, as SQLite's WAL hook reports it.
final class WALFrameCounter {
    var frames = 0
}
