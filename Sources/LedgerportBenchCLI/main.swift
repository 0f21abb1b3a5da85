import Foundation
import LedgerportBenchmarks

// `ledgerport-bench SCENARIO [--seconds N] [--json] [options]`: see BenchMain.usage, or run it without arguments.
exit(await BenchMain.run(Array(CommandLine.arguments.dropFirst())))
