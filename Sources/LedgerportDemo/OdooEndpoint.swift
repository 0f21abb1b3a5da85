import LedgerportSDK

/// The Odoo the demo writes into: the sandbox it starts, or a real Odoo given on the command line.
package struct OdooEndpoint: Sendable {
    package var url: String
    package var database: String
    package var login: String
    package var apiKey: Secret

    package init(url: String, database: String, login: String, apiKey: Secret) {
        self.url = url
        self.database = database
        self.login = login
        self.apiKey = apiKey
    }
}
