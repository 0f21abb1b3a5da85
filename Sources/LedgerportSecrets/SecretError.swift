import LedgerportSDK

/// The failure to seal or open a connection secret. Never contains the secret.
package enum SecretError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sealed value does not open for this row: it was sealed for another row, under another key, or modified.
    case cannotOpen(SecretBinding)
    /// The sealed value has a format version this Ledgerport does not know.
    case unknownFormat(SecretBinding, version: UInt8)
    /// The field has no value active at the requested time.
    case noActiveValue(SecretBinding)
    /// libcrypto failed while sealing.
    case sealingFailed(SecretBinding, reason: String)

    /// The class of failure, which decides who acts next.
    package var failureClass: FailureClass {
        switch self {
        case .cannotOpen, .unknownFormat, .noActiveValue: .configuration
        case .sealingFailed: .system
        }
    }

    package var description: String {
        switch self {
        case .cannotOpen(let binding):
            "open \(binding): the sealed value does not belong to this connection or was modified; set the secret again"
        case .unknownFormat(let binding, let version):
            "open \(binding): sealed value format \(version) is unknown; upgrade Ledgerport or set the secret again"
        case .noActiveValue(let binding):
            "read \(binding): no value is active now; add one with `ledgerport connection create` or a secret rotation"
        case .sealingFailed(let binding, let reason):
            "seal \(binding): \(reason)"
        }
    }
}
