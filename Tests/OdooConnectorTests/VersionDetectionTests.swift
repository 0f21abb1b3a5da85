import LedgerportSDK
import Testing
@testable import OdooConnector

/// The session requests the server version once and picks the protocol from it.
struct VersionDetectionTests {
    static let odoo19: JSONValue = ["server_version": "19.0", "server_version_info": [19, 0, 0, "final", 0, ""], "server_serie": "19.0", "protocol_version": 1]

    @Test func odoo17_usesJSONRPCWithCachedUID() async throws {
        let odoo = ScriptedOdoo()
        odoo.version = try #require(try Recording("odoo17/01_common_version_jsonrpc").jsonValue?["result"])
        odoo.uid = 7
        odoo.on("res.partner", "search_count") { _ in ScriptedOdoo.result(3) }
        let session = OdooSession(settings: try OdooSettings(TestConnection.configuration()), transport: odoo, logger: .disabled)

        _ = try await session.execute(OdooCall(model: "res.partner", method: "search_count", arguments: [.init(name: "domain", value: [])]), operation: "count")
        _ = try await session.execute(OdooCall(model: "res.partner", method: "search_count", arguments: [.init(name: "domain", value: [])]), operation: "count")
        let link = try await session.link()

        #expect(link.profile.major == 17)
        #expect(link.protocolName == "JSON-RPC")
        let methods = odoo.requests.compactMap { try? JSONParser.parse($0.body)["params"]?["method"]?.stringValue }
        #expect(methods == ["version", "authenticate", "execute_kw", "execute_kw"])
        #expect(odoo.calls.allSatisfy { $0.request.body.count > 0 })
        #expect(try JSONParser.parse(odoo.requests[2].body)["params"]?["args"]?[1] == 7)
    }

    @Test func odoo19WithAPIKey_usesJSON2WithoutAuthenticate() async throws {
        let odoo = ScriptedOdoo()
        odoo.version = try #require(try Recording("odoo19/00_common_version_jsonrpc").jsonValue?["result"])
        let session = OdooSession(settings: try OdooSettings(TestConnection.configuration()), transport: odoo, logger: .disabled)

        let link = try await session.link()

        #expect(link.profile.major == 19)
        #expect(link.protocolName == "JSON-2")
        #expect(link.profile.paymentMemoField == "memo")
        #expect(odoo.requests.count == 1)
    }

    @Test func odoo19WithPassword_staysOnJSONRPC() async throws {
        let odoo = ScriptedOdoo()
        odoo.version = Self.odoo19
        let settings = try OdooSettings(TestConnection.configuration(password: true))
        let link = try await OdooSession(settings: settings, transport: odoo, logger: .disabled).link()

        #expect(link.protocolName == "JSON-RPC")
    }

    @Test func configuredProtocol_winsOverVersion() async throws {
        let odoo = ScriptedOdoo()
        odoo.version = Self.odoo19
        let settings = try OdooSettings(TestConnection.configuration(extra: ["transport": "json_rpc"]))
        let link = try await OdooSession(settings: settings, transport: odoo, logger: .disabled).link()

        #expect(link.protocolName == "JSON-RPC")
        #expect(link.profile.major == 19)
    }

    @Test func rejectedLogin_isConfigurationError() async throws {
        let odoo = ScriptedOdoo()
        let failing = FailingAuthentication(inner: odoo)
        let session = OdooSession(settings: try OdooSettings(TestConnection.configuration(password: true)), transport: failing, logger: .disabled)

        let error = await #expect(throws: ConnectorError.self) { try await session.link() }
        #expect(error?.failureClass == .configuration)
        #expect(error?.code == "odoo_access_denied")
        #expect(error?.description.contains("billing-pass-123") == false)
    }

    @Test func missingJSONRPC_fallsBackToWebVersion() async throws {
        let transport = WebVersionOnly()
        let settings = try OdooSettings(TestConnection.configuration(extra: ["transport": "json_2"]))
        let link = try await OdooSession(settings: settings, transport: transport, logger: .disabled).link()

        #expect(link.profile.major == 19)
        #expect(link.protocolName == "JSON-2")
    }

    @Test func versionProfile_holdsRecordedDifferences() {
        let v17 = OdooVersionProfile(major: 17, series: "17.0")
        let v19 = OdooVersionProfile(major: 19, series: "19.0")

        #expect(v17.paymentMemoField == "ref")
        #expect(v19.paymentMemoField == "memo")
        #expect(v17.jsonRPCErrorCode == 200)
        #expect(v19.jsonRPCErrorCode == 0)
        #expect(v17.documentNumber("/") == nil)
        #expect(v19.documentNumber(false) == nil)
        #expect(v19.documentNumber("INV/2026/00001") == "INV/2026/00001")
        #expect(v19.postedPaymentStates.contains("paid"))
    }
}

/// Returns `false` from `common.authenticate`, as Odoo does for a wrong password.
struct FailingAuthentication: HTTPTransport {
    let inner: ScriptedOdoo

    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        if (try? JSONParser.parse(request.body)["params"]?["method"]?.stringValue) == "authenticate" {
            return (try? Recording("odoo17/02_common_authenticate_bad_password_jsonrpc").response) ?? HTTPResponse(status: 599)
        }
        return try await inner.send(request)
    }
}

/// A server that has no `/jsonrpc` (HTTP 404) but serves `GET /web/version` as 19.0 does.
struct WebVersionOnly: HTTPTransport {
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        if request.url.hasSuffix("/web/version") {
            return (try? Recording("odoo19/00_web_version_get").response) ?? HTTPResponse(status: 599)
        }
        return HTTPResponse(status: 404, body: Array("<!doctype html><title>404 Not Found</title>".utf8))
    }
}
