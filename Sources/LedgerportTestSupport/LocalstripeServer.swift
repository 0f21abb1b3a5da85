import Foundation
internal import LedgerportChildProcess
import LedgerportHTTPClient
import LedgerportSDK

/// A localstripe server started for one test (test support: the test targets share it): on a free loopback port, with a state file of its own.
///
/// It runs `scripts/localstripe.sh start` as a child process and is stopped
/// by its pid. The virtual environment must exist (`scripts/localstripe.sh
/// install`, which `scripts/test.sh` runs); when it does not, ``start()``
/// throws a message saying so instead of skipping the test.
package final class LocalstripeServer: @unchecked Sendable {
    package let port: Int
    package let baseURL: String
    private let process: ChildProcess
    private let stateDirectory: URL

    /// The libcurl transport every localstripe test shares.
    package static let http = CurlHTTPTransport(threadCount: 2)

    package static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package struct NotAvailable: Error, CustomStringConvertible {
        package let description: String
    }

    private init(port: Int, process: ChildProcess, stateDirectory: URL) {
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.process = process
        self.stateDirectory = stateDirectory
    }

    /// Starts localstripe and waits until it returns 200 to an authenticated request.
    package static func start() async throws -> LocalstripeServer {
        let python = repositoryRoot.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw NotAvailable(description: "localstripe is not installed: run scripts/localstripe.sh install (scripts/test.sh does it) and run the tests again")
        }
        let port = try freeLoopbackPort()
        let stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("localstripe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)

        let process = try ChildProcess.spawn(
            repositoryRoot.appendingPathComponent("scripts/localstripe.sh").path,
            arguments: ["start", String(port), stateDirectory.appendingPathComponent("state.pickle").path])

        let server = LocalstripeServer(port: port, process: process, stateDirectory: stateDirectory)
        try await server.waitUntilReady()
        return server
    }

    /// Stops the server by its pid (SIGTERM, then SIGKILL after five seconds) and removes its state.
    package func stop() {
        let pid = process.processIdentifier
        if process.isRunning {
            kill(pid, SIGTERM)
        }
        for _ in 0..<50 where process.isRunning {
            usleep(100_000)
        }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: stateDirectory)  // A leftover temp folder is harmless.
    }

    private func waitUntilReady() async throws {
        let transport = LocalstripeServer.http
        let request = HTTPRequest(method: "GET", url: "\(baseURL)/v1/customers", headers: ["Authorization": "Bearer sk_test_ready"], connectTimeoutSeconds: 1, totalTimeoutSeconds: 2)
        for _ in 0..<150 {
            guard process.isRunning else {
                throw NotAvailable(description: "localstripe exited with status \(process.terminationStatus) before it answered on port \(port)")
            }
            if let response = try? await transport.send(request), response.status == 200 {
                return
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        stop()
        throw NotAvailable(description: "localstripe did not answer on \(baseURL) within 15 s")
    }

    private static func freeLoopbackPort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw NotAvailable(description: "socket() failed: errno \(errno)") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw NotAvailable(description: "bind() to 127.0.0.1:0 failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
