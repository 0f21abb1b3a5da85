import Foundation
import LedgerportCrypto
import LedgerportRuntime
import LedgerportSecrets
import Testing

@Suite struct MasterKeyStartTests {
    private func configuration(folder: String, keyFile: String) -> ServeConfiguration {
        var configuration = ServeConfiguration()
        configuration.dataDirectory = folder + "/runtime"
        configuration.masterKeyFile = keyFile
        return configuration
    }

    private func writeKey(_ path: String) throws {
        try (Hex.encode(SecureRandom.bytes(count: 32)) + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func otherKey_failsNamingTheKeyFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeKey(folder + "/first.key")
        try writeKey(folder + "/second.key")
        let environment = ["LEDGERPORT_SPECS_DIR": Checkout.root + "/connector-specs"]

        let first = try await Runtime.open(configuration: configuration(folder: folder, keyFile: folder + "/first.key"), environment: environment, logger: .disabled)
        await first.store.close()
        do {
            let second = try await Runtime.open(configuration: configuration(folder: folder, keyFile: folder + "/second.key"), environment: environment, logger: .disabled)
            await second.store.close()
            Issue.record("the runtime opened its store with another master key")
        } catch let error as RuntimeStartError {
            #expect(error.description.contains("second.key"))
            #expect(error.description.contains("master_key_file"))
        }
    }

    @Test func missingKeyFile_saysTheFileDoesNotExist() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-key-\(UUID().uuidString)").path
        do {
            _ = try await Runtime.open(configuration: configuration(folder: folder, keyFile: folder + "/nope.key"), environment: [:], logger: .disabled)
            Issue.record("the runtime opened without a key file")
        } catch let error as MasterKeyError {
            #expect(error.description.contains("nope.key"))
            #expect(error.description.contains("does not exist"))
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
