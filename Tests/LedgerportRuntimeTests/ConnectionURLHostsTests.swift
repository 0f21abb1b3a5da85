import LedgerportRuntime
import Testing

@Suite struct ConnectionURLHostsTests {
    @Test func exactEntry_matchesIgnoringCase() {
        let hosts = ConnectionURLHosts(["Odoo.Example.com", "10.0.0.5"])

        #expect(hosts.allows("odoo.example.com"))
        #expect(hosts.allows("10.0.0.5"))
        #expect(!hosts.allows("erp.example.com"))
    }

    @Test func wildcardEntry_matchesSubdomainsOnly() {
        let hosts = ConnectionURLHosts(["*.example.com"])

        #expect(hosts.allows("odoo.example.com"))
        #expect(hosts.allows("a.b.example.com"))
        #expect(!hosts.allows("example.com"))
        #expect(!hosts.allows("badexample.com"))
    }

    @Test func emptyList_allowsNothing() {
        #expect(!ConnectionURLHosts([]).allows("127.0.0.1"))
    }

    @Test func entryProblems_nameTheEntry() {
        #expect(ConnectionURLHosts.problem(with: "odoo.example.com") == nil)
        #expect(ConnectionURLHosts.problem(with: "*.example.com") == nil)
        #expect(ConnectionURLHosts.problem(with: "::1") == nil)
        #expect(ConnectionURLHosts.problem(with: "https://odoo.example.com")?.contains("\"https://odoo.example.com\"") == true)
        #expect(ConnectionURLHosts.problem(with: "odoo.example.com:8069") != nil)
        #expect(ConnectionURLHosts.problem(with: "") != nil)
        #expect(ConnectionURLHosts.problem(with: "*.") != nil)
        #expect(ConnectionURLHosts.problem(with: "odoo.*.com") != nil)
    }

    @Test func hostOfURL_dropsPortAndBrackets() {
        #expect(ConnectionURLHosts.host(of: "https://odoo.example.com:8069/web") == "odoo.example.com")
        #expect(ConnectionURLHosts.host(of: "http://[::1]:8069") == "::1")
        #expect(ConnectionURLHosts.host(of: "not a url") == nil)
    }
}
