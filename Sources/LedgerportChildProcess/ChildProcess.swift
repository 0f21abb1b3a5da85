internal import CChildProcess
import Foundation

/// A child process started with `posix_spawn`, for tests and the bench.
///
/// Foundation's `Process.run()` on Linux adds one close action per
/// descriptor up to the highest open one. The test suites open and close
/// sockets and files on many threads at once, and one full run crashed
/// inside that walk, so children start here with a single closefrom action
/// instead (glibc 2.34 or later). The child runs in a process group of its
/// own, and it is stopped by its pid.
package final class ChildProcess: @unchecked Sendable {
    /// The child's process id.
    package let processIdentifier: Int32
    private let lock = NSLock()
    private var exitStatus: Int32?

    private init(processIdentifier: Int32) {
        self.processIdentifier = processIdentifier
    }

    /// Starts `executable` with `arguments`, the given environment (the parent's when nil) and working folder.
    ///
    /// Standard input reads /dev/null; output and error go to the given handles, or to /dev/null when nil.
    package static func spawn(
        _ executable: String, arguments: [String], environment: [String: String]? = nil, currentDirectory: String? = nil,
        standardOutput: FileHandle? = nil, standardError: FileHandle? = nil
    ) throws -> ChildProcess {
        let argv = [executable] + arguments
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let result = withCStrings(argv) { argvPointer in
            withCStrings(envp) { envpPointer in
                ledgerport_spawn(
                    &pid, executable, argvPointer, envpPointer, currentDirectory, standardOutput?.fileDescriptor ?? -1,
                    standardError?.fileDescriptor ?? -1)
            }
        }
        guard result == 0 else {
            throw ChildProcessError(executable: executable, errorNumber: result)
        }
        return ChildProcess(processIdentifier: pid)
    }

    /// Whether the child has not exited yet; reaps it once it has.
    package var isRunning: Bool {
        lock.withLock {
            guard exitStatus == nil else { return false }
            var status: Int32 = 0
            let reaped = waitpid(processIdentifier, &status, WNOHANG)
            if reaped == processIdentifier {
                exitStatus = status
                return false
            }
            return reaped == 0
        }
    }

    /// The exit code, or the signal number for a child killed by a signal, once it has exited.
    package var terminationStatus: Int32 {
        let status = lock.withLock { exitStatus } ?? 0
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }

    /// Sends SIGTERM.
    package func terminate() {
        kill(processIdentifier, SIGTERM)
    }

    /// Waits until the child exits, and reaps it.
    ///
    /// The wait runs outside the lock, so ``isRunning`` does not block meanwhile. When ``isRunning`` reaps the child
    /// first, this wait fails with ECHILD and the status that ``isRunning`` recorded is kept.
    package func waitUntilExit() {
        guard lock.withLock({ exitStatus == nil }) else { return }
        var status: Int32 = 0
        var reaped: pid_t
        repeat {
            reaped = waitpid(processIdentifier, &status, 0)
        } while reaped == -1 && errno == EINTR
        lock.withLock {
            if reaped == processIdentifier {
                exitStatus = status
            } else if exitStatus == nil {
                exitStatus = 0
            }
        }
    }

    /// Waits until the child exits on a thread of its own, so no task of the concurrency pool blocks in `waitpid`.
    package func exited() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                self.waitUntilExit()
                continuation.resume()
            }.start()
        }
    }

    /// Calls `body` with a NULL-terminated array of C strings that live until it returns.
    private static func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { copies.forEach { free($0) } }
        return copies.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// A child process that could not be started.
package struct ChildProcessError: Error, CustomStringConvertible {
    package let executable: String
    package let errorNumber: Int32

    package var description: String {
        "start \(executable): \(String(cString: strerror(errorNumber))) (errno \(errorNumber))"
    }
}
