import LedgerportSDK
import Testing
@testable import StripeConnector

@Suite struct StripeConfigurationTests {
    static func error(_ configuration: ConnectorConfiguration) -> ConnectorError? {
        do {
            _ = try StripeTestSupport.connector(configuration: configuration)
            return nil
        } catch let error as ConnectorError {
            return error
        } catch {
            return nil
        }
    }

    @Test func publishableKey_isRejectedWithoutShowingIt() {
        let error = Self.error(StripeTestSupport.configuration(apiKey: "pk_test_visible"))
        #expect(error?.failureClass == .configuration)
        #expect(error?.description.contains("pk_test_visible") == false)
    }

    @Test func plainHTTPToRemoteHost_isRejected() {
        let error = Self.error(StripeTestSupport.configuration(baseURL: "http://api.stripe.com"))
        #expect(error?.message.contains("api_base_url") == true)
    }

    @Test func unsupportedPinnedVersion_isRejectedNamingSupportedOnes() {
        let error = Self.error(StripeTestSupport.configuration(version: "2020-08-27"))
        #expect(error?.code == "stripe_unsupported_api_version")
        #expect(error?.message.contains("\"2017-08-15\", \"2024-06-20\"") == true)
    }

    @Test func zeroTolerance_isRejected() {
        let error = Self.error(StripeTestSupport.configuration(extra: ["webhook_tolerance_seconds": 0]))
        #expect(error?.message.contains("webhook_tolerance_seconds") == true)
    }
}
