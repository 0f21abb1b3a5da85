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

    package init(
        standardOutput: any TextOutput, standardError: any TextOutput, environment: [String: String],
        currentDirectory: String, executablePath: String?
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executablePath = executablePath
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
