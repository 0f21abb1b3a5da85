import Foundation
import LedgerportSecrets
import Testing

@Suite struct MasterKeyTests {
    private let hexKey = String(repeating: "0123456789abcdef", count: 4)
    private let noFile: (String) throws -> [UInt8] = { _ in throw CocoaError(.fileNoSuchFile) }

    @Test func noVariable_failsWithInstructions() {
        let error = #expect(throws: MasterKeyError.self) { try MasterKey.load(environment: [:], readFile: noFile) }

        #expect(error == .missing)
        #expect(error?.description.contains("LEDGERPORT_MASTER_KEY_FILE") == true)
        #expect(error?.description.contains("openssl rand -hex 32") == true)
    }

    @Test func emptyVariables_countAsMissing() {
        let error = #expect(throws: MasterKeyError.self) {
            try MasterKey.load(environment: ["LEDGERPORT_MASTER_KEY": "", "LEDGERPORT_MASTER_KEY_FILE": ""], readFile: noFile)
        }

        #expect(error == .missing)
    }

    @Test func bothVariables_areAmbiguous() {
        let error = #expect(throws: MasterKeyError.self) {
            try MasterKey.load(environment: ["LEDGERPORT_MASTER_KEY": hexKey, "LEDGERPORT_MASTER_KEY_FILE": "/keys/master"], readFile: noFile)
        }

        #expect(error == .ambiguous)
    }

    @Test func acceptedEncodings_decodeToSameKey() throws {
        let bytes = (0..<32).map { UInt8($0) }
        let base64 = Data(bytes).base64EncodedString()
        let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let texts = [
            bytes.map { String(format: "%02x", $0) }.joined(),
            bytes.map { String(format: "%02X", $0) }.joined(),
            base64,
            String(base64.dropLast()),
            urlSafe,
            "  \(base64)\n",
        ]
        let reference = try SecretSealerProbe.sealAndOpen(with: MasterKey(bytes: bytes))

        for text in texts {
            let key = try MasterKey.decode(text, source: "test")
            #expect(try SecretSealerProbe.opens(reference, with: key), "encoding \"\(text)\" decoded to another key")
        }
    }

    @Test func keyFile_isReadAndTrimmed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("master.key")
        try Data((hexKey + "\n").utf8).write(to: URL(fileURLWithPath: path))

        let key = try MasterKey.load(environment: ["LEDGERPORT_MASTER_KEY_FILE": path])

        #expect(key.description == "[REDACTED]")
    }

    @Test func unreadableFile_namesPath() {
        let error = #expect(throws: MasterKeyError.self) {
            try MasterKey.load(environment: ["LEDGERPORT_MASTER_KEY_FILE": "/nonexistent/master.key"])
        }

        guard case .unreadableFile(let path, _) = error else {
            Issue.record("expected unreadableFile, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/master.key")
    }

    @Test func wrongLengthOrAlphabet_isInvalidWithoutEchoingKey() {
        for text in ["abcd", String(repeating: "z", count: 64), Data(repeating: 1, count: 16).base64EncodedString()] {
            let error = #expect(throws: MasterKeyError.self) {
                try MasterKey.load(environment: ["LEDGERPORT_MASTER_KEY": text], readFile: noFile)
            }
            #expect(error == .invalidEncoding(source: "LEDGERPORT_MASTER_KEY", characterCount: text.count))
            #expect(error?.description.contains(text) == false)
        }
    }
}

/// Checks key equality through sealing, since a master key exposes no bytes and no equality.
enum SecretSealerProbe {
    private static let binding = SecretBinding(tenantID: "tenant", connectionID: "connection", field: "field")

    static func sealAndOpen(with key: MasterKey) throws -> [UInt8] {
        try SecretSealer(key: key).seal(.init("probe"), for: binding)
    }

    static func opens(_ sealed: [UInt8], with key: MasterKey) throws -> Bool {
        (try? SecretSealer(key: key).open(sealed, for: binding).revealText()) == "probe"
    }
}
