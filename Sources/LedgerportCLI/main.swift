// The `ledgerport` executable: it runs the command named on the command line and exits with its status.
import Foundation
import LedgerportCommands

// Writing to a closed pipe (`ledgerport spec list | head -1`) then fails with an error the
// output stream ignores, instead of the default SIGPIPE ending the process mid-write.
signal(SIGPIPE, SIG_IGN)

let runner = CommandRunner(root: LedgerportCommand.self)
let status = await runner.run(Array(CommandLine.arguments.dropFirst()), context: .currentProcess())
exit(status.rawValue)
