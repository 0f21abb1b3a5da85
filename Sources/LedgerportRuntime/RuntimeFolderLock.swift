import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One runtime's exclusive hold on its data folder, kept while ``Runtime/run(onListening:)`` runs.
///
/// A runtime starts by returning every delivery left in flight to pending,
/// because after a crash no other process works on them. A second runtime
/// on the same folder would take the first one's deliveries away from it
/// and send them again. So `run` takes an exclusive `flock` on
/// `runtime.lock` in the data folder first, and a second runtime stops with
/// an error that names the process holding it. The kernel drops the lock
/// when the process ends in any way, `kill -9` included, so a restart after
/// a crash never finds a stale lock. Commands such as `ledgerport dead-letter
/// replay` do not take the lock: they change the store beside a running
/// runtime, as the admin API does.
///
/// The descriptor is opened with `O_CLOEXEC`, so a child process (the demo's
/// or the bench's Odoo sandbox) does not inherit the lock.
final class RuntimeFolderLock: @unchecked Sendable {
    /// The lock file's name inside the data folder.
    static let fileName = "runtime.lock"

    private let descriptor: Int32
    private let lock = NSLock()
    private var isReleased = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock of `folder`, writing this process's id into the lock file.
    ///
    /// - Throws: ``RuntimeStartError/dataFolderInUse(folder:holder:)`` when another
    ///   runtime has it, or ``RuntimeStartError/lockFileUnavailable(path:reason:)``
    ///   when the file cannot be opened.
    static func acquire(folder: String) throws -> RuntimeFolderLock {
        let path = (folder as NSString).appendingPathComponent(fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw RuntimeStartError.lockFileUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = readHolder(descriptor)
            close(descriptor)
            if reason == EWOULDBLOCK {
                throw RuntimeStartError.dataFolderInUse(folder: folder, holder: holder)
            }
            throw RuntimeStartError.lockFileUnavailable(path: path, reason: String(cString: strerror(reason)))
        }
        // The process id is for the message a second runtime prints; the lock itself is the flock.
        let text = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return RuntimeFolderLock(descriptor: descriptor)
    }

    /// Gives the folder up; later calls do nothing.
    func release() {
        lock.withLock {
            guard !isReleased else {
                return
            }
            isReleased = true
            _ = ftruncate(descriptor, 0)
            close(descriptor)
        }
    }

    deinit {
        release()
    }

    /// Reads the process id the lock's owner wrote, or nil when the file contains none.
    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            return nil
        }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
