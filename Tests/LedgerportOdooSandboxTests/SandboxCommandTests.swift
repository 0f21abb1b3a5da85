import Foundation
import LedgerportHTTPClient
import LedgerportSDK
import LedgerportChildProcess
import Testing

/// `ledgerport sandbox odoo` run as a user runs it: as a child process, stopped with SIGTERM.
@Suite struct SandboxCommandTests {
    /// The `ledgerport` executable beside the test bundle; the test target depends on it so that it is built.
    static let executable: String = {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("ledgerport").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("ledgerport").path
    }()

    /// Starts the sandbox command and waits for its first line of output, the JSON details.
    private func start(_ arguments: [String], output: String) async throws -> (ChildProcess, JSONValue) {
        try #require(FileManager.default.createFile(atPath: output, contents: nil))
        let process = try ChildProcess.spawn(
            Self.executable, arguments: ["sandbox", "odoo"] + arguments, environment: ["PATH": "/usr/bin:/bin"],
            standardOutput: try FileHandle(forWritingTo: URL(fileURLWithPath: output)))
        // The process prints its details once it listens; polling the file is a wait, not a timing assertion.
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: output, encoding: .utf8), let line = text.split(separator: "\n").first {
                return (process, try JSONParser.parse(String(line)))
            }
            if !process.isRunning { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        process.terminate()
        throw CommandStartError.noOutput
    }

    private func stop(_ process: ChildProcess) async -> Int32 {
        process.terminate()
        await process.exited()
        return process.terminationStatus
    }

    @Test func command_servesUntilTerminatedAndKeepsData() async throws {
        let folder = try TemporaryFolder()
        let transport = CurlHTTPTransport(threadCount: 1)
        let (first, details) = try await start(["--port", "0", "--data", folder.path, "--json"], output: folder.path + "/first.out")
        let url = try #require(details["url"]?.stringValue)
        let key = try #require(details["api_key"]?.stringValue)
        let create: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": ["service": "object", "method": "execute_kw", "args": ["sandbox", 2, .string(key), "res.partner", "create", [["name": "CLI Co"]]]],
        ]
        let created = try await transport.send(HTTPRequest(method: "POST", url: url + "/jsonrpc", headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(create)))
        let firstStatus = await stop(first)

        let (second, secondDetails) = try await start(["--port", "0", "--data", folder.path, "--json"], output: folder.path + "/second.out")
        let count: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": 2,
            "params": [
                "service": "object", "method": "execute_kw",
                "args": ["sandbox", 2, "admin", "res.partner", "search_count", [[["name", "=", "CLI Co"]]]],
            ],
        ]
        let counted = try await transport.send(HTTPRequest(
            method: "POST", url: secondDetails["url"]!.stringValue! + "/jsonrpc", headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(count)
        ))
        let secondStatus = await stop(second)

        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(details["database"] == "sandbox")
        #expect(details["login"] == "admin")
        #expect(key.count == 40)
        #expect(try JSONParser.parse(created.body)["result"]?.intValue != nil)
        #expect(try JSONParser.parse(counted.body)["result"] == 1)
        #expect(firstStatus == 0)
        #expect(secondStatus == 0)
    }

    @Test func invalidVersion_isUsageError() async throws {
        let process = try ChildProcess.spawn(Self.executable, arguments: ["sandbox", "odoo", "--odoo-version", "18.0"])

        await process.exited()

        #expect(process.terminationStatus == 64)
    }
}

enum CommandStartError: Error {
    case noOutput
}
