import Foundation
import LedgerportChildProcess
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportOdooSandbox
import LedgerportSDK
import LedgerportTestSupport
import StripeConnector
import Testing

/// Checks that the steps the demo prints for a kept data folder let `ledgerport serve` take new webhooks on it.
@Suite(.serialized) struct KeptDemoFolderTests {
    /// Runs the `ledgerport` executable on the folder's data and key, and returns its exit status and standard output.
    private func ledgerport(_ arguments: [String], folder: String) throws -> (status: Int32, output: String) {
        let output = Pipe()
        let process = try ChildProcess.spawn(
            ServeProcess.executable, arguments: arguments,
            environment: [
                "PATH": "/usr/bin:/bin", "LEDGERPORT_DATA_DIR": folder + "/runtime", "LEDGERPORT_MASTER_KEY_FILE": folder + "/master.key",
                "LEDGERPORT_SPECS_DIR": Checkout.root + "/connector-specs", "LEDGERPORT_ACTOR": "ops@example.com",
            ],
            standardOutput: output.fileHandleForWriting)
        // The child has its own copy of the write end; closing this one lets the read below end.
        try output.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func printedSteps_letServeTakeNewWebhooks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-kept-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try await DemoRun.run(
            DemoOptions(dataDirectory: folder, specsDirectory: Checkout.root + "/connector-specs"), environment: [:], logger: .disabled)

        // Steps 1 to 3 as printed, with a free port in place of 18069.
        let sandbox = try await OdooSandboxServer.start(configuration: SandboxConfiguration(), dataFolder: folder + "/odoo-sandbox", port: 0)
        defer { Task { await sandbox.stop() } }
        let secret = "whsec_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        try JSONWriter.string(["base_url": .string(sandbox.url)]).write(toFile: folder + "/odoo-url.json", atomically: true, encoding: .utf8)
        try JSONWriter.string(["webhook_signing_secret": .string(secret)]).write(toFile: folder + "/stripe.json", atomically: true, encoding: .utf8)
        let configured = try ledgerport(["connection", "configure", "odoo-main", "--tenant", "northwind", "--config", folder + "/odoo-url.json"], folder: folder)
        let rotated = try ledgerport(
            ["connection", "rotate-secrets", "stripe-main", "--tenant", "northwind", "--secrets-file", folder + "/stripe.json"], folder: folder)

        // Step 4: serve, and one new customer signed with the new secret.
        let serve = try await ServeProcess.start(folder: folder, run: 1)
        defer { serve.stop() }
        let body = try StripeBodies.newCustomer(1, prefix: "kept")
        let timestamp = Int64(Date().timeIntervalSince1970.rounded(.down))
        let response = try await CurlHTTPTransport(threadCount: 1).send(HTTPRequest(
            method: "POST", url: "http://127.0.0.1:\(serve.port)/webhooks/northwind/production/stripe-main",
            headers: [
                "Content-Type": "application/json",
                "Stripe-Signature": StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: [Secret(secret)]),
            ],
            body: body))
        var delivered = false
        for _ in 0..<300 where !delivered {
            let listed = try ledgerport(["delivery", "list", "--tenant", "northwind", "--state", "delivered", "--after", "50", "--json"], folder: folder)
            delivered = listed.output.contains("customer:cus_kept1")
            if !delivered { try await Task.sleep(nanoseconds: 50_000_000) }
        }

        #expect(summary.text.contains("ledgerport sandbox odoo --port 18069 --data \(folder)/odoo-sandbox"))
        #expect(summary.text.contains("ledgerport connection rotate-secrets stripe-main --tenant northwind"))
        #expect(configured.status == 0)
        #expect(rotated.status == 0)
        #expect(response.status == 200)
        #expect(delivered)
    }
}
