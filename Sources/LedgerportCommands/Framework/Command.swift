/// A command or a group of commands, as the dispatcher and the help formatter see it.
package protocol CommandNode: Sendable {
    /// The name, summary, discussion and examples shown in help.
    static var help: CommandHelp { get }
}

/// A command that groups subcommands, such as `ledgerport spec`. It runs nothing itself.
package protocol CommandGroup: CommandNode {
    /// The subcommands in the order help lists them.
    static var subcommands: [any CommandNode.Type] { get }
}

/// A command that runs, such as `ledgerport spec validate`.
///
/// The runner parses the command line against ``arguments``, creates the
/// command with ``init(arguments:)`` (which validates the values and throws
/// ``CommandError/usage(_:hint:)`` for bad ones, before anything runs), then
/// calls ``run(in:)``. Validation is kept apart from running so that a wrong
/// command line never does half of its work.
package protocol RunnableCommand: CommandNode, Sendable {
    /// The flags, options and positionals the command accepts; `--help` is added by the runner.
    static var arguments: [ArgumentDefinition] { get }

    /// Creates the command from parsed arguments, rejecting invalid values.
    init(arguments: ParsedArguments) throws(CommandError)

    /// Runs the command and returns its exit status.
    ///
    /// Output for people and scripts goes to `context.standardOutput`,
    /// problems to `context.standardError`. A thrown ``CommandError`` sets the
    /// exit status; any other error is reported as a failure (status 1).
    func run(in context: CommandContext) async throws -> ExitCode
}

/// The help text of one command: name, summary, discussion, examples and exit statuses.
package struct CommandHelp: Sendable {
    /// One example command line and what it does.
    package struct Example: Sendable {
        package let commandLine: String
        package let explanation: String

        package init(_ commandLine: String, _ explanation: String) {
            self.commandLine = commandLine
            self.explanation = explanation
        }
    }

    /// The word that selects the command, such as `validate`.
    package let name: String
    /// One sentence, shown in the parent group's list and at the top of the help.
    package let abstract: String
    /// Paragraphs shown after the arguments, or nil.
    package let discussion: String?
    package let examples: [Example]
    /// The exit statuses the command uses and what each means.
    package let exitStatuses: [(ExitCode, String)]

    package init(
        name: String, abstract: String, discussion: String? = nil, examples: [Example],
        exitStatuses: [(ExitCode, String)] = CommandHelp.standardExitStatuses
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.examples = examples
        self.exitStatuses = exitStatuses
    }

    /// The statuses every command can end with.
    package static let standardExitStatuses: [(ExitCode, String)] = [
        (.ok, "success"),
        (.failure, "the command failed; the message says why"),
        (.usage, "the command line is invalid"),
    ]
}
