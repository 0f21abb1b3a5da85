/// The options of `ledgerport demo`.
package struct DemoOptions: Sendable {
    /// Keeps the store, the master key and the sandbox's database in this folder instead of a temporary one.
    package var dataDirectory: String?
    /// Writes into this Odoo instead of starting the sandbox.
    package var odoo: OdooEndpoint?
    /// The folder of connector specs, when not found next to the executable.
    package var specsDirectory: String?
    /// Whether to post the month into a given Odoo even when it contains an earlier run's records, which then exist twice.
    package var allowsRepeat = false
    /// The maximum wait for every delivery to finish, in seconds.
    package var timeoutSeconds: Double = 180

    package init(dataDirectory: String? = nil, odoo: OdooEndpoint? = nil, specsDirectory: String? = nil) {
        self.dataDirectory = dataDirectory
        self.odoo = odoo
        self.specsDirectory = specsDirectory
    }
}
