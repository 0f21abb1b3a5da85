/// The version of Ledgerport itself, as `ledgerport version` prints it.
package enum LedgerportVersion {
    /// The release version (semantic versioning).
    package static let current = "0.1.0"
    /// The connector spec format this build reads (`spec_format` in spec files).
    package static let specFormat = 1
}
