/// A process exit status of `ledgerport`, following the BSD `sysexits` convention for 64 and 65.
package struct ExitCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    package let rawValue: Int32

    package init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The command did what was asked.
    package static let ok = ExitCode(rawValue: 0)
    /// The command failed for a reason other than its input: an unreachable peer, a missing file.
    package static let failure = ExitCode(rawValue: 1)
    /// The command line is invalid: an unknown command or option, a missing argument (`EX_USAGE`).
    package static let usage = ExitCode(rawValue: 64)
    /// The input data is invalid: a spec or mapping that breaks its rules (`EX_DATAERR`).
    package static let dataError = ExitCode(rawValue: 65)

    package var description: String {
        String(rawValue)
    }
}
