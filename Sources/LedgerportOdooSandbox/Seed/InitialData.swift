/// The records a new sandbox database starts with.
package enum InitialData: String, Sendable, CaseIterable {
    /// Ready for use: EUR, JPY, KWD and CHF active, exchange rates for EUR (0.92), JPY (151.5) and KWD (0.307)
    /// dated 2020-01-01, CHF without any rate, a price-included tax and a 0% tax besides the 15% taxes.
    case standard
    /// The records of a new Odoo database with the generic chart of accounts: USD only, no rates, the two 15% taxes.
    /// The conformance tests replay the recordings on this data.
    case pristine
}
