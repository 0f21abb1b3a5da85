import Foundation
import LedgerportStoreSQLite
import Testing

/// Tests that a new data folder is its owner's alone, and that an existing one keeps its mode and is reported when open to others.
@Suite struct DataFolderTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-data-folder-\(UUID().uuidString)").path
    }

    private func mode(_ path: String) throws -> Int {
        try #require((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int)
    }

    @Test func newFolder_isOwnerOnly() throws {
        let root = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/tenants/runtime"

        try DataFolder.create(atPath: folder)

        #expect(try mode(folder) == 0o700)
        #expect(DataFolder.modeOpenToOthers(atPath: folder) == nil)
    }

    @Test func existingFolder_keepsItsMode() throws {
        let folder = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])

        try DataFolder.create(atPath: folder)

        #expect(try mode(folder) == 0o755)
        #expect(DataFolder.modeOpenToOthers(atPath: folder) == 0o755)
    }

    @Test func missingFolder_isNotReported() {
        #expect(DataFolder.modeOpenToOthers(atPath: temporaryPath()) == nil)
    }
}
