import Foundation

/// The demo's data folder: the one given with `--data`, kept, or a temporary one removed at the end.
struct DemoFolder {
    let path: String
    let isTemporary: Bool

    init(keeping path: String?) throws {
        if let path {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            guard (try FileManager.default.contentsOfDirectory(atPath: path)).isEmpty else {
                throw DemoError("data folder \"\(path)\" is not empty; pass a new or empty folder, so that an earlier run does not mix with this one")
            }
            self.path = path
            isTemporary = false
        } else {
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-demo-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            self.path = temporary
            isTemporary = true
        }
    }

    func removeIfTemporary() {
        if isTemporary {
            // A leftover temporary folder only costs disk space; the run's result is already computed.
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
