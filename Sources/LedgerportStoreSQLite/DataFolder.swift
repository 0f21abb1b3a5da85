import Foundation

/// The folder of a runtime's database, which contains event payloads, sealed connection secrets and the audit log.
///
/// A folder created here is readable and enterable by its owner only (mode 700). An existing folder keeps its mode,
/// which ``modeOpenToOthers(atPath:)`` returns when the caller should warn about it.
package enum DataFolder {
    /// Creates the folder at `path` and its missing parents unless it exists. Only the folder itself gets mode 700.
    package static func create(atPath path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    }

    /// Returns the folder's mode when users other than its owner may read or enter it, else nil (also when it does not exist).
    package static func modeOpenToOthers(atPath path: String) -> Int? {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 else {
            return nil
        }
        return mode
    }
}
