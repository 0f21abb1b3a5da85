import Foundation
import LedgerportChildProcess

/// A `ledgerport serve` child process on a data folder, started and stopped by its process id.
final class ServeProcess: @unchecked Sendable {
    /// The built `ledgerport` executable beside the test binary.
    static let executable: String = {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("ledgerport").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("ledgerport").path
    }()

    let process: ChildProcess
    let port: Int
    private let outputPath: String
    /// The file the process writes its log lines to (standard error).
    let errorPath: String

    private init(process: ChildProcess, port: Int, outputPath: String, errorPath: String) {
        self.process = process
        self.port = port
        self.outputPath = outputPath
        self.errorPath = errorPath
    }

    /// Starts `ledgerport serve --json` on `folder/runtime` with the key in `folder/master.key`; returns once it listens.
    ///
    /// With `throughPath`, a shell in `folder` starts it by its bare name from `PATH`, as an operator who installed
    /// it would, and no `LEDGERPORT_SPECS_DIR` is set, so serve must find the specs from its own location.
    static func start(folder: String, run: Int, logLevel: String = "warning", throughPath: Bool = false) async throws -> ServeProcess {
        let outputPath = folder + "/serve-\(run).out"
        let errorPath = folder + "/serve-\(run).err"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil), FileManager.default.createFile(atPath: errorPath, contents: nil) else {
            throw HarnessError("cannot create the output files of ledgerport serve in \(folder)")
        }

        var environment = [
            "PATH": "/usr/bin:/bin", "LEDGERPORT_DATA_DIR": folder + "/runtime", "LEDGERPORT_MASTER_KEY_FILE": folder + "/master.key",
            "LEDGERPORT_PORT": "0", "LEDGERPORT_SPECS_DIR": Checkout.root + "/connector-specs", "LEDGERPORT_LOG_LEVEL": logLevel,
        ]
        var launch = (executable: executable, arguments: ["serve", "--json"], directory: String?.none)
        if throughPath {
            launch = ("/bin/sh", ["-c", "exec ledgerport serve --json"], folder)
            environment["PATH"] = (executable as NSString).deletingLastPathComponent + ":/usr/bin:/bin"
            environment["LEDGERPORT_SPECS_DIR"] = nil
        }
        let process = try ChildProcess.spawn(
            launch.executable, arguments: launch.arguments, environment: environment, currentDirectory: launch.directory,
            standardOutput: try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath)),
            standardError: try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath)))

        for _ in 0..<500 {
            if let text = try? String(contentsOfFile: outputPath, encoding: .utf8), let line = text.split(separator: "\n").first,
                let port = (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["port"] as? Int
            {
                return ServeProcess(process: process, port: port, outputPath: outputPath, errorPath: errorPath)
            }
            guard process.isRunning else { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        process.terminate()
        throw HarnessError("ledgerport serve did not start listening: \(errors.suffix(2_000))")
    }

    /// Kills the process at once with SIGKILL, as a crash or an out-of-memory kill would, and waits for it.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the process with SIGTERM and waits for it.
    func stop() {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGTERM)
        }
        process.waitUntilExit()
    }
}
