import Foundation

/// Temporary folders that are removed when the test process exits.
///
/// Tests stop their harness with `defer { Task { await harness.stop() } }`,
/// and the process can exit before such a task runs, which left one folder
/// behind per test. The exit handler removes whatever is still listed.
enum FolderCleanup {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: Set<String> = []
    nonisolated(unsafe) private static var isRegistered = false

    /// Lists `folder` for removal at exit.
    static func removeAtExit(_ folder: String) {
        lock.withLock {
            folders.insert(folder)
            if !isRegistered {
                isRegistered = true
                atexit {
                    FolderCleanup.removeListed()
                }
            }
        }
    }

    /// Removes `folder` now and takes it off the list.
    static func remove(_ folder: String) {
        lock.withLock {
            _ = folders.remove(folder)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func removeListed() {
        let listed = lock.withLock { folders }
        for folder in listed {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
