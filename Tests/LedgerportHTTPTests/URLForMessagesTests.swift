import Testing

@testable import LedgerportHTTPClient

@Suite struct URLForMessagesTests {
    @Test func display_dropsCredentialsAndQuery() {
        #expect(URLForMessages.display("https://bot:pw@odoo.example:8069/jsonrpc?token=x#top") == "https://odoo.example:8069/jsonrpc")
        #expect(URLForMessages.display("http://127.0.0.1:8069") == "http://127.0.0.1:8069")
        #expect(URLForMessages.display("not a url?key=1") == "not a url")
    }
}
