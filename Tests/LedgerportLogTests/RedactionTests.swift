import LedgerportLog
import LedgerportSDK
import Testing

@Suite struct RedactionTests {
    @Test func secretValue_neverAppearsInOutput() {
        let capture = CapturingLogHandler()
        let logger = Logger(label: "test", logLevel: .trace, handler: capture)
        let secret = Secret("whsec_live_do_not_print")

        logger.info("configured connection", metadata: ["webhook": LogValue(secret), "connection.id": "c1"])
        logger.info("secret is \(secret)")
        logger.debug("loaded", metadata: ["stripe.api_key": "sk_live_plaintext", "nested": ["password": "hunter2"]])

        let output = capture.renderedLines
        #expect(!output.contains("whsec_live_do_not_print"))
        #expect(!output.contains("sk_live_plaintext"))
        #expect(!output.contains("hunter2"))
        #expect(output.contains("[REDACTED]"))
        #expect(output.contains("\"connection.id\":\"c1\""))
    }

    @Test func secret_hidesFromDescriptionAndDump() {
        let secret = Secret("top-secret-value")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect("\(secret)" == "[REDACTED]")
        #expect(String(reflecting: secret) == "[REDACTED]")
        #expect(!dumped.contains("top-secret-value"))
    }

    @Test func levelBelowThreshold_isDropped() {
        let capture = CapturingLogHandler()
        let logger = Logger(label: "test", logLevel: .warning, handler: capture)
        logger.info("quiet")
        logger.error("loud")
        #expect(capture.records.map(\.message) == ["loud"])
    }

    @Test func jsonLine_hasStandardFields() {
        let capture = CapturingLogHandler()
        var logger = Logger(label: "runtime", logLevel: .info, handler: capture)
        logger[metadataKey: LogMetadataKey.tenantID] = "acme"
        logger.info("delivery parked", metadata: [LogMetadataKey.correlationID: "corr-1"])
        let line = capture.renderedLines
        #expect(line.hasPrefix("{\"ts\":\""))
        #expect(line.contains("\"level\":\"info\""))
        #expect(line.contains("\"msg\":\"delivery parked\""))
        #expect(line.contains("\"tenant.id\":\"acme\""))
        #expect(line.contains("\"correlation.id\":\"corr-1\""))
    }
}
