import LedgerportJSONSchema

/// Finds the command a command line names, parses its arguments, runs it and returns the exit status.
///
/// The runner never throws and never traps on bad input: an error thrown out
/// of an async `main` would crash the process with a backtrace, so every
/// error ends here as a message on standard error and an exit status.
/// `--help` or `-h` anywhere after a command prints that command's help on
/// standard output and exits with 0, without running it. A group named
/// without a subcommand (`ledgerport spec`) prints its help on standard error
/// and exits with 64.
package struct CommandRunner: Sendable {
    /// The program name shown in help and messages.
    package static let programName = "ledgerport"

    /// The top group, whose subcommands are the top-level commands.
    package let root: any CommandGroup.Type

    package init(root: any CommandGroup.Type) {
        self.root = root
    }

    /// Runs the command named by `arguments` (without the program name) and returns its exit status.
    package func run(_ arguments: [String], context: CommandContext) async -> ExitCode {
        var path = [CommandRunner.programName]
        var node: any CommandNode.Type = root
        var remaining = arguments[...]

        while let group = node as? any CommandGroup.Type {
            guard let word = remaining.first else {
                context.standardError.write(HelpFormatter.render(group, path: path))
                return report(.usage("missing command for \"\(path.joined(separator: " "))\"", hint: "name one of the commands listed above"), context: context)
            }
            if isHelpRequest(word) {
                context.standardOutput.write(HelpFormatter.render(group, path: path))
                return .ok
            }
            guard let next = group.subcommands.first(where: { $0.help.name == word }) else {
                return report(unknownCommand(word, in: group, path: path), context: context)
            }
            node = next
            path.append(word)
            remaining = remaining.dropFirst()
        }

        guard let command = node as? any RunnableCommand.Type else {
            preconditionFailure("\(node) is neither a CommandGroup nor a RunnableCommand")
        }
        if remaining.prefix(while: { $0 != "--" }).contains(where: isHelpRequest) {
            context.standardOutput.write(HelpFormatter.render(command, path: path))
            return .ok
        }
        return await run(command, words: Array(remaining), path: path, context: context)
    }

    private func run(_ command: any RunnableCommand.Type, words: [String], path: [String], context: CommandContext) async -> ExitCode {
        let commandPath = path.joined(separator: " ")
        do {
            let parsed = try ArgumentParser(definitions: command.arguments, commandPath: commandPath).parse(words)
            let instance = try command.init(arguments: parsed)
            return try await instance.run(in: context)
        } catch let error as CommandError {
            return report(error, context: context)
        } catch {
            return report(.failure("\(commandPath): \(error)"), context: context)
        }
    }

    // MARK: - Helpers

    private func isHelpRequest(_ word: String) -> Bool {
        word == "--help" || word == "-h"
    }

    private func unknownCommand(_ word: String, in group: any CommandGroup.Type, path: [String]) -> CommandError {
        let names = group.subcommands.map { $0.help.name }
        let suggestion = MessageText.didYouMean(word, among: names)
        let groupPath = path.joined(separator: " ")
        return .usage("unknown command \"\(word)\" for \"\(groupPath)\"", hint: "\(suggestion)run \"\(groupPath) --help\" to list the commands")
    }

    /// Prints an error on standard error and returns its exit status.
    private func report(_ error: CommandError, context: CommandContext) -> ExitCode {
        context.standardError.writeLine("error: \(error.message)")
        if let hint = error.hint {
            context.standardError.writeLine("hint: \(hint)")
        }
        return error.exitCode
    }
}
