import Foundation
import LedgerportChildProcess
import LedgerportDemo
import LedgerportLog
import LedgerportOdooSandbox
import LedgerportSDK

/// The Odoo sandbox that deliveries go to: `ledgerport sandbox odoo` in a child process, or a server in this process.
///
/// A child process keeps the sandbox's CPU time out of the runtime's, so
/// the CPU time per delivered record is the runtime's alone; its own CPU
/// time is read from `/proc/<pid>/stat`. The in-process form needs no
/// `ledgerport` executable but mixes both in one CPU reading.
final class OdooSandboxProcess: @unchecked Sendable {
    /// Where the sandbox runs.
    enum Placement: String, Sendable {
        case child
        case inProcess = "in-process"
    }

    /// The URL, database and credentials the Odoo connection uses.
    let endpoint: OdooEndpoint
    private let process: ChildProcess?
    private let server: OdooSandboxServer?

    private init(endpoint: OdooEndpoint, process: ChildProcess?, server: OdooSandboxServer?) {
        self.endpoint = endpoint
        self.process = process
        self.server = server
    }

    /// Starts a sandbox with its records in memory on a free port of 127.0.0.1.
    ///
    /// - Parameter executable: the `ledgerport` executable, for a child process.
    static func start(_ placement: Placement, executable: String) async throws -> OdooSandboxProcess {
        switch placement {
        case .child:
            return try await startChild(executable: executable)
        case .inProcess:
            let server = try await OdooSandboxServer.start(configuration: SandboxConfiguration(), dataFolder: nil, port: 0)
            guard let key = server.sandbox.startupAPIKey else {
                await server.stop()
                throw BenchError("start the Odoo sandbox: it made no API key")
            }
            let endpoint = OdooEndpoint(url: server.url, database: server.sandbox.configuration.databaseName, login: "admin", apiKey: key)
            return OdooSandboxProcess(endpoint: endpoint, process: nil, server: server)
        }
    }

    /// The CPU time the child has used so far in seconds, or nil for an in-process sandbox.
    var childCPUSeconds: Double? {
        guard let process, process.isRunning else {
            return nil
        }
        return Self.cpuSeconds(ofProcess: process.processIdentifier)
    }

    /// Stops the sandbox: SIGTERM to the child and a wait for it, or a stop of the in-process server.
    func stop() async {
        if let server {
            await server.stop()
        }
        guard let process, process.isRunning else {
            return
        }
        process.terminate()
        await process.exited()
    }

    private static func startChild(executable: String) async throws -> OdooSandboxProcess {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError(
                "start the Odoo sandbox: \"\(executable)\" is not an executable",
                hint: "build it with `swift build -c release --product ledgerport`, pass --ledgerport PATH, or use --sandbox in-process"
            )
        }
        let output = Pipe()
        let process = try ChildProcess.spawn(
            executable, arguments: ["sandbox", "odoo", "--port", "0", "--json"], environment: ["PATH": "/usr/bin:/bin"],
            standardOutput: output.fileHandleForWriting)
        // The child has its own copy of the write end; closing this one lets a read end when the child exits.
        try output.fileHandleForWriting.close()

        let line = await readFirstLine(of: output.fileHandleForReading)
        guard let line, let details = try? JSONParser.parse(line), let url = details["url"]?.stringValue,
            let database = details["database"]?.stringValue, let key = details["api_key"]?.stringValue
        else {
            process.terminate()
            throw BenchError("start the Odoo sandbox: `\(executable) sandbox odoo --json` printed no details", hint: "run that command by hand to see its error")
        }
        let endpoint = OdooEndpoint(url: url, database: database, login: details["login"]?.stringValue ?? "admin", apiKey: Secret(key))
        return OdooSandboxProcess(endpoint: endpoint, process: process, server: nil)
    }

    /// Reads up to the first newline on a dedicated thread, since the read blocks; nil when the pipe closes first.
    private static func readFirstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var bytes = [UInt8]()
                while !bytes.contains(10) {
                    let data = handle.availableData
                    guard !data.isEmpty else {
                        break
                    }
                    bytes.append(contentsOf: data)
                }
                guard let newline = bytes.firstIndex(of: 10) else {
                    continuation.resume(returning: nil)
                    return
                }
                continuation.resume(returning: String(decoding: bytes[..<newline], as: UTF8.self))
            }
            thread.name = "bench-sandbox-output"
            thread.start()
        }
    }

    /// The user and system CPU time of process `pid` in seconds, from fields 14 and 15 of `/proc/<pid>/stat`.
    static func cpuSeconds(ofProcess pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let closing = text.lastIndex(of: ")")
        else {
            return nil
        }
        // The command name in parentheses may contain spaces, so fields are counted after it; field 3 comes first.
        let fields = text[text.index(after: closing)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            return nil
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
