import LedgerportLog
import LedgerportSDK

/// The start settings of a sandbox: its database, the Odoo version it imitates, and its admin credentials.
package struct SandboxConfiguration: Sendable {
    /// The name of the database created on first start.
    package var databaseName = "sandbox"
    /// The Odoo series to imitate; JSON-2 exists only on 19.0.
    package var version: OdooVersion = .v17
    /// The records a new database starts with.
    package var initialData: InitialData = .standard
    /// The password of the `admin` user of a new database.
    package var adminPassword = Secret("admin")
    /// An API key for `admin` to install on start; without one, a new key is made and reported on every start.
    package var adminAPIKey: Secret?
    /// Whether to install or make the admin API key at all; replays of recordings start without keys.
    package var installsAdminAPIKey = true
    /// The source of "now": create and write stamps, today's date for invoices, confirmation times.
    package var clock: any WallClock = SystemClock()
    /// The logger of the sandbox and its HTTP server.
    package var logger: Logger = .disabled

    /// The defaults: database `sandbox`, Odoo 17.0, standard data, password `admin`, a new API key per start.
    package init() {}
}
