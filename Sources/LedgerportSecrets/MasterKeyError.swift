import LedgerportSDK

/// The failure to load the master key, or a key that does not fit the database. Never contains key material.
package enum MasterKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `LEDGERPORT_MASTER_KEY_FILE` nor `LEDGERPORT_MASTER_KEY` is set.
    case missing
    /// Both variables are set, so which key is meant is ambiguous.
    case ambiguous
    /// The key file named by `LEDGERPORT_MASTER_KEY_FILE` cannot be read.
    case unreadableFile(path: String, reason: String)
    /// The key text is neither 64 hexadecimal digits nor base64 of 32 bytes.
    case invalidEncoding(source: String, characterCount: Int)
    /// The database's key check does not open with this key: it is not the key the secrets were sealed with.
    case wrongKey

    /// The class of failure: always configuration, because the operator who supplies the key must act.
    package var failureClass: FailureClass { .configuration }

    package var description: String {
        switch self {
        case .missing:
            "load master key: no key supplied; set LEDGERPORT_MASTER_KEY_FILE to a file containing the key "
                + "(for `ledgerport serve`, master_key_file in its configuration does the same), "
                + "or LEDGERPORT_MASTER_KEY to the key, as 64 hexadecimal digits or base64 of 32 bytes. "
                + "For a data folder that holds secrets, that is the key they were sealed with; "
                + "only a new data folder takes a new key (`openssl rand -hex 32`)"
        case .ambiguous:
            "load master key: both LEDGERPORT_MASTER_KEY_FILE and LEDGERPORT_MASTER_KEY are set; unset one of them"
        case .unreadableFile(let path, let reason):
            "load master key from \"\(path)\": \(reason); check the path given by master_key_file in the configuration or by LEDGERPORT_MASTER_KEY_FILE"
        case .invalidEncoding(let source, let characterCount):
            "load master key from \(source): the key has \(characterCount) characters but must be 64 hexadecimal digits "
                + "or base64 of 32 bytes (44 characters with padding)"
        case .wrongKey:
            "open secrets: the master key is not the one this database's secrets were sealed with (key check failed); "
                + "supply the original key through LEDGERPORT_MASTER_KEY_FILE or LEDGERPORT_MASTER_KEY"
        }
    }
}
