import Foundation

/// The environment a command runs in: its output streams, environment variables and working directory.
///
/// Commands read the environment and the working directory from here, never
/// from `ProcessInfo`, so that tests run them with any values.
package struct CommandContext: Sendable {
    package var standardOutput: any TextOutput
    package var standardError: any TextOutput
    package var environment: [String: String]
    package var currentDirectory: String
    /// The path of the running executable, when known; it locates files installed beside it.
    package var executablePath: String?
    /// Reads standard input to its end; commands call it for `-` in place of a file, such as a secrets file.
    package var readStandardInput: @Sendable () throws -> [UInt8]

    package init(
        standardOutput: any TextOutput, standardError: any TextOutput, environment: [String: String],
        currentDirectory: String, executablePath: String?,
        readStandardInput: @escaping @Sendable () throws -> [UInt8] = CommandContext.readProcessStandardInput
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executablePath = executablePath
        self.readStandardInput = readStandardInput
    }

    /// Reads this process's standard input to its end.
    ///
    /// NOTE: this blocks the calling thread until input ends; a command reads it once, before any other work.
    package static func readProcessStandardInput() throws -> [UInt8] {
        [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
    }

    /// Returns the context of this process: its standard streams, environment, working directory and executable.
    package static func currentProcess() -> CommandContext {
        CommandContext(
            standardOutput: StandardStream.output, standardError: StandardStream.error,
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first
        )
    }
}
