import Foundation

/// A fresh folder under the system temporary folder, removed by ``remove()``.
struct TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Returns the path of `name` inside the folder.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func remove() {
        // A leftover temporary folder is harmless, so a failed removal is ignored.
        try? FileManager.default.removeItem(at: url)
    }
}
