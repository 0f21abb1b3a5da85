import LedgerportSDK
import Testing
@testable import OdooConnector

/// The error table, fed with the responses that real Odoo 17.0 and 19.0 servers gave.
struct OdooErrorTableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var failureClass: FailureClass
        var code: String
        var testDescription: String { fixture }
    }

    static let jsonRPCCases: [Case] = [
        Case(fixture: "odoo17/02_execute_kw_bad_password_jsonrpc", failureClass: .configuration, code: "odoo_access_denied"),
        Case(fixture: "odoo17/10_access_error_create_invoice", failureClass: .configuration, code: "odoo_access_error"),
        Case(fixture: "odoo17/09_search_read_ir_model_data_as_billing_user", failureClass: .configuration, code: "odoo_access_error"),
        Case(fixture: "odoo17/10_validation_error_post_without_lines", failureClass: .business, code: "odoo_user_error"),
        Case(fixture: "odoo17/04_create_batch_one_bad_row", failureClass: .business, code: "odoo_validation_error"),
        Case(fixture: "odoo17/04_invoice_post_net_negative", failureClass: .business, code: "odoo_user_error"),
        Case(fixture: "odoo17/10_record_does_not_exist_method", failureClass: .business, code: "odoo_record_missing"),
        Case(fixture: "odoo17/13_serialization_failure_after_retries", failureClass: .transient, code: "odoo_serialization_failure"),
        Case(fixture: "odoo17/13_concurrent_write_same_partner_error", failureClass: .transient, code: "odoo_connection_pool_full"),
        Case(fixture: "odoo17/10_unknown_model", failureClass: .configuration, code: "odoo_model_missing"),
        Case(fixture: "odoo17/02_common_authenticate_unknown_db_jsonrpc", failureClass: .configuration, code: "odoo_database_missing"),
        Case(fixture: "odoo17/10_invalid_json_body", failureClass: .system, code: "odoo_request_rejected"),
    ]

    static let json2Cases: [Case] = [
        Case(fixture: "odoo19/10_auth_bad_key", failureClass: .configuration, code: "odoo_access_denied"),
        Case(fixture: "odoo19/15_access_error_create_invoice", failureClass: .configuration, code: "odoo_access_error"),
        Case(fixture: "odoo19/11_unknown_model", failureClass: .configuration, code: "odoo_endpoint_not_found"),
        Case(fixture: "odoo19/13_user_error_post_without_lines", failureClass: .business, code: "odoo_user_error"),
        Case(fixture: "odoo19/14_action_post_good_and_bad_together", failureClass: .business, code: "odoo_user_error"),
        Case(fixture: "odoo19/13_missing_record_method", failureClass: .business, code: "odoo_record_missing"),
        Case(fixture: "odoo19/12_unknown_field_create", failureClass: .configuration, code: "odoo_field_missing"),
        Case(fixture: "odoo19/22_db_multi_no_header", failureClass: .configuration, code: "odoo_database_missing"),
        Case(fixture: "odoo19/22_db_multi_header_other_db_key_not_valid", failureClass: .transient, code: "odoo_server_unavailable"),
    ]

    @Test(arguments: jsonRPCCases)
    func jsonRPCEnvelope_classifiedByName(_ entry: Case) throws {
        let response = try Recording(entry.fixture).response
        let error = try #require(throws: OdooRemoteError.self) { try JSONRPCClient.result(of: response) }
        let classified = OdooErrorTable.classify(error, operation: "test")

        #expect(classified.failureClass == entry.failureClass)
        #expect(classified.code == entry.code)
    }

    @Test(arguments: json2Cases)
    func json2Status_classifiedThroughSameTable(_ entry: Case) throws {
        let response = try Recording(entry.fixture).response
        let error = try #require(throws: OdooRemoteError.self) { try JSON2Client.result(of: response) }
        let classified = OdooErrorTable.classify(error, operation: "test")

        #expect(classified.failureClass == entry.failureClass)
        #expect(classified.code == entry.code)
    }

    @Test func businessError_keepsOdooMessage() throws {
        let response = try Recording("odoo17/10_validation_error_post_without_lines").response
        let error = try #require(throws: OdooRemoteError.self) { try JSONRPCClient.result(of: response) }
        let classified = OdooErrorTable.classify(error, operation: "post account.move/stripe_invoice_in_1")

        #expect(classified.targetMessage == "You need to add a line before posting.")
        #expect(classified.message == "post account.move/stripe_invoice_in_1: Odoo raised UserError: You need to add a line before posting.")
    }

    @Test func responseWithoutResultKey_isSuccess() throws {
        let response = try Recording("odoo17/04_action_archive_returns_none_jsonrpc").response
        #expect(try JSONRPCClient.result(of: response) == .null)
        let json2 = try Recording("odoo19/03_action_archive_returns_none").response
        #expect(try JSON2Client.result(of: json2) == .null)
    }

    @Test func status429_isTransientWithRetryAfter() throws {
        let response = HTTPResponse(status: 429, headers: ["Retry-After": "17"], body: Array("slow down".utf8))
        let error = try #require(throws: OdooRemoteError.self) { try JSON2Client.result(of: response) }
        let classified = OdooErrorTable.classify(error, operation: "test")

        #expect(classified.failureClass == .transient)
        #expect(classified.code == "odoo_rate_limited")
        #expect(classified.retryAfterSeconds == 17)
    }

    @Test(arguments: [
        (OdooRemoteError.TransportFailure.refused, FailureClass.transient),
        (.timedOut, .transient),
        (.failed, .transient),
        (.hostNotFound, .configuration),
    ])
    func transportFailure_classified(_ failure: OdooRemoteError.TransportFailure, _ expected: FailureClass) {
        let error = OdooRemoteError(origin: .transport(failure), httpStatus: nil, message: "request to http://127.0.0.1:1/jsonrpc failed")
        #expect(OdooErrorTable.classify(error, operation: "test").failureClass == expected)
    }

    @Test func http503WithoutBody_isTransient() {
        let error = OdooHTTPExchange.statusError(HTTPResponse(status: 503))
        #expect(OdooErrorTable.classify(error, operation: "test").failureClass == .transient)
    }

    @Test func concurrentExternalIDCreation_isTransient() {
        let error = OdooRemoteError(
            origin: .exception(name: "odoo.exceptions.ValidationError"), httpStatus: 200,
            message: "duplicate key value violates unique constraint \"ir_model_data_module_name_uniq_index\""
        )
        #expect(OdooErrorTable.classify(error, operation: "test").code == "odoo_concurrent_create")
    }

    @Test func loadMessages_classifiedLikeErrors() throws {
        let recorded = try #require(try Recording("odoo17/09_load_error").jsonValue?["result"])
        let load = try LoadResult(recorded, label: "upsert res.partner/x")
        let error = try #require(throws: ConnectorError.self) { try load.requireIDs(count: 1, label: "upsert res.partner/x") }

        #expect(error.failureClass == .business)
        #expect(error.targetMessage == "No matching record found for name 'Atlantis' in field 'Country'")
        #expect(LoadResult.classify("No matching record found for external id 'ledgerport_acme.x' in field 'Partner'", label: "x").code == "reference_not_found")
        #expect(LoadResult.classify("You are not allowed to create 'Contact' (res.partner) records.", label: "x").failureClass == .configuration)
    }
}
