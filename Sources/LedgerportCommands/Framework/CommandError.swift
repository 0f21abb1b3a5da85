/// An error a command reports to the person at the terminal, with the exit status it causes.
///
/// The runner prints ``message`` after `error:` and ``hint`` after `hint:` on
/// standard error, then exits with ``exitCode``. Messages follow the form
/// `<operation> <object>: <cause>`; they never contain a secret.
package struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    package var exitCode: ExitCode
    package var message: String
    /// The next step for the user, when one is known.
    package var hint: String?

    package init(exitCode: ExitCode, message: String, hint: String? = nil) {
        self.exitCode = exitCode
        self.message = message
        self.hint = hint
    }

    /// Creates the error for an invalid command line (exit status 64).
    package static func usage(_ message: String, hint: String? = nil) -> CommandError {
        CommandError(exitCode: .usage, message: message, hint: hint)
    }

    /// Creates the error for invalid input data (exit status 65).
    package static func invalidData(_ message: String, hint: String? = nil) -> CommandError {
        CommandError(exitCode: .dataError, message: message, hint: hint)
    }

    /// Creates the error for any other failure (exit status 1).
    package static func failure(_ message: String, hint: String? = nil) -> CommandError {
        CommandError(exitCode: .failure, message: message, hint: hint)
    }

    package var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}
