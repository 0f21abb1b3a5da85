import Foundation
import LedgerportSDK
import StripeConnector
import Testing

/// `ledgerport webhook verify` and `ledgerport webhook send`, run in-process on recorded Stripe webhooks.
@Suite struct WebhookCommandTests {
    /// The first localstripe recording: body, signature header, receipt time and the fake secret that signed it.
    struct Recording {
        let body: String
        let header: String
        let receivedAt: Int
        let secret: String
    }

    static let eventsFolder = Checkout.root + "/Tests/StripeConnectorTests/Fixtures/localstripe-events"

    static func recording() throws -> Recording {
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: eventsFolder + "/001-product.created.json"))) as! [String: Any]
        let secretFile = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: eventsFolder + "/_signing-secret.json"))) as! [String: Any]
        let headers = file["headers"] as! [String: String]
        return Recording(
            body: file["raw_body"] as! String, header: headers["Stripe-Signature"]!,
            receivedAt: Int((file["received_at_unix"] as! Double).rounded(.down)), secret: secretFile["secret"] as! String
        )
    }

    static func verify(_ recording: Recording, secret: String? = nil, now: Int? = nil, extra: [String] = []) async throws -> CommandOutcome {
        let directory = try TemporaryDirectory()
        let secretPath = try directory.write((secret ?? recording.secret) + "\n", to: "whsec.txt")
        let bodyPath = try directory.write(recording.body, to: "event.json")
        return await runCommand([
            "webhook", "verify", "--connector", "stripe", "--secret-file", secretPath,
            "--header", "Stripe-Signature: \(recording.header)", "--body-file", bodyPath, "--now", String(now ?? recording.receivedAt),
        ] + extra)
    }

    @Test func verify_validSignature_printsEventAndExitsZero() async throws {
        let outcome = try await Self.verify(try Self.recording())
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "valid: evt_mIYww8MsJp6kjs product.created\n")
    }

    @Test func verify_wrongSecret_exitsSixtyFiveWithReason() async throws {
        let outcome = try await Self.verify(try Self.recording(), secret: "whsec_wrong")
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("signature_mismatch"))
        #expect(!outcome.standardError.contains("whsec_wrong"))
    }

    @Test func verify_lateCheck_reportsTolerance() async throws {
        let recording = try Self.recording()
        let outcome = try await Self.verify(recording, now: recording.receivedAt + 3600)
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("timestamp_outside_tolerance"))
    }

    @Test func verify_recordingFileAsBody_pointsToRawBody() async throws {
        let recording = try Self.recording()
        let file = try String(contentsOfFile: Self.eventsFolder + "/001-product.created.json", encoding: .utf8)
        let header = StripeWebhookSigner.signatureHeader(
            body: Array(file.utf8), timestamp: Int64(recording.receivedAt), secrets: [Secret(recording.secret)])

        let outcome = try await Self.verify(Recording(body: file, header: header, receivedAt: recording.receivedAt, secret: recording.secret))

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("the signature could not be used (malformed_payload)"))
        #expect(!outcome.standardError.contains("invalid signature"))
        #expect(outcome.standardError.contains("save its raw_body text to a file"))
    }

    @Test func verify_lateCheckWithoutNow_suggestsNow() async throws {
        let recording = try Self.recording()
        let directory = try TemporaryDirectory()
        let secretPath = try directory.write(recording.secret + "\n", to: "whsec.txt")
        let bodyPath = try directory.write(recording.body, to: "event.json")

        let outcome = await runCommand([
            "webhook", "verify", "--connector", "stripe", "--secret-file", secretPath,
            "--header", "Stripe-Signature: \(recording.header)", "--body-file", bodyPath,
        ])

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("timestamp_outside_tolerance"))
        #expect(outcome.standardError.contains("pass --now with its t= value"))
    }

    @Test func verify_json_printsReason() async throws {
        let outcome = try await Self.verify(try Self.recording(), secret: "whsec_wrong", extra: ["--json"])
        #expect(outcome.status == 65)
        #expect(outcome.standardOutput.contains("\"reason\": \"signature_mismatch\""))
    }

    @Test func verify_connectionSecretsFile_isAccepted() async throws {
        let recording = try Self.recording()
        let directory = try TemporaryDirectory()
        let secretsPath = try directory.write(#"{"api_key": "sk_test_x", "webhook_signing_secret": "\#(recording.secret)"}"#, to: "secrets.json")
        let bodyPath = try directory.write(recording.body, to: "event.json")
        let outcome = await runCommand([
            "webhook", "verify", "--connector", "stripe", "--secret-file", secretsPath,
            "--header", "Stripe-Signature: \(recording.header)", "--body-file", bodyPath, "--now", String(recording.receivedAt),
        ])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("valid: evt_mIYww8MsJp6kjs"))
    }

    @Test func verify_jsonWithoutSigningSecret_namesTheKey() async throws {
        let recording = try Self.recording()
        let directory = try TemporaryDirectory()
        let secretsPath = try directory.write(#"{"api_key": "sk_test_x"}"#, to: "secrets.json")
        let bodyPath = try directory.write(recording.body, to: "event.json")
        let outcome = await runCommand([
            "webhook", "verify", "--connector", "stripe", "--secret-file", secretsPath, "--header", recording.header, "--body-file", bodyPath,
        ])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("webhook_signing_secret"))
        #expect(!outcome.standardError.contains("sk_test_x"))
    }

    @Test func verify_unsupportedConnector_isUsageError() async {
        let outcome = await runCommand(["webhook", "verify", "--connector", "paypal", "--secret-file", "a", "--header", "b", "--body-file", "c"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("paypal"))
    }

    @Test func verify_missingBodyFile_isFailure() async throws {
        let directory = try TemporaryDirectory()
        let secretPath = try directory.write("whsec_x\n", to: "whsec.txt")
        let outcome = await runCommand(["webhook", "verify", "--connector", "stripe", "--secret-file", secretPath, "--header", "t=1,v1=ab", "--body-file", directory.path + "/missing.json"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("missing.json"))
    }

    @Test func send_nonLoopbackURL_isUsageError() async throws {
        let directory = try TemporaryDirectory()
        let secretPath = try directory.write("whsec_x\n", to: "whsec.txt")
        let outcome = await runCommand(["webhook", "send", "--secret-file", secretPath, "--url", "http://192.168.1.10/hook", Self.eventsFolder + "/001-product.created.json"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("loopback") || outcome.standardError.contains("127.0.0.1"))
    }

    @Test func send_closedPort_isFailureNamingURL() async throws {
        let directory = try TemporaryDirectory()
        let secretPath = try directory.write("whsec_x\n", to: "whsec.txt")
        let outcome = await runCommand(["webhook", "send", "--secret-file", secretPath, "--url", "http://127.0.0.1:1/hook", Self.eventsFolder + "/001-product.created.json"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("127.0.0.1:1"))
    }

    @Test func send_unknownOrder_isUsageError() async {
        let outcome = await runCommand(["webhook", "send", "--secret-file", "s", "--url", "http://127.0.0.1:1/", "--order", "random", "e.json"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("random"))
    }
}
