/// A reason the runtime cannot start that the store or the key alone cannot name.
package enum RuntimeStartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The master key opens no secret of this store: it is not the key the store was created with.
    case wrongMasterKey(keySource: String, store: String)

    package var description: String {
        switch self {
        case .wrongMasterKey(let keySource, let store):
            "open secrets of \"\(store)\": the master key from \(keySource) is not the one this store's secrets were sealed with; "
                + "supply the original key, or start with an empty data folder"
        }
    }
}
