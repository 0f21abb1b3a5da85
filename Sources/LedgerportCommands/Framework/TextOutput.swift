import Foundation

/// A destination for command output: standard output, standard error, or a buffer in tests.
package protocol TextOutput: Sendable {
    /// Writes `text` as it is; callers add the line breaks.
    func write(_ text: String)
}

extension TextOutput {
    /// Writes `text` followed by a line break.
    package func writeLine(_ text: String = "") {
        write(text + "\n")
    }
}

/// Writes to one of the process's standard streams.
package struct StandardStream: TextOutput {
    private let handle: FileHandle

    /// The process's standard output.
    package static let output = StandardStream(handle: .standardOutput)
    /// The process's standard error.
    package static let error = StandardStream(handle: .standardError)

    package func write(_ text: String) {
        // A closed pipe (`ledgerport spec list | head -1`) makes the write fail. The
        // reader has gone, so the output is dropped and there is no one to report to.
        try? handle.write(contentsOf: Data(text.utf8))
    }
}

/// Collects output in memory, for tests.
package final class CapturedOutput: TextOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    package init() {}

    package func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        buffer += text
    }

    /// Everything written so far.
    package var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}
