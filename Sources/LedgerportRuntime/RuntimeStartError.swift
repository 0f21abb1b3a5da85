/// A reason the runtime cannot start that the store or the key alone cannot name.
package enum RuntimeStartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The master key opens no secret of this store: it is not the key the store was created with.
    case wrongMasterKey(keySource: String, store: String)
    /// Another runtime, whose process id is `holder` when known, holds the data folder's lock.
    case dataFolderInUse(folder: String, holder: Int32?)
    /// The data folder's lock file cannot be opened or locked, for a reason other than another runtime holding it.
    case lockFileUnavailable(path: String, reason: String)

    package var description: String {
        switch self {
        case .wrongMasterKey(let keySource, let store):
            "open secrets of \"\(store)\": the master key from \(keySource) is not the one this store's secrets were sealed with; "
                + "supply the original key, or start with an empty data folder"
        case .dataFolderInUse(let folder, let holder):
            "use data folder \"\(folder)\": another Ledgerport runtime\(holder.map { " (process \($0))" } ?? "") is running on it, "
                + "and two runtimes on one folder would take each other's deliveries; stop that one first, or give this one another data folder"
        case .lockFileUnavailable(let path, let reason):
            "lock \"\(path)\": \(reason); check that the data folder exists and that this user may write in it"
        }
    }
}
