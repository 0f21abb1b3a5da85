/// The Odoo release series the sandbox imitates.
///
/// The two series were recorded on real servers: 17.0 Community over JSON-RPC
/// and 19.0 over JSON-2. Everything that differs between them (version strings,
/// error codes, field names, message texts) lives in ``OdooVersionProfile``.
package enum OdooVersion: String, Sendable, CaseIterable, Equatable {
    case v17 = "17.0"
    case v19 = "19.0"

    /// Parses `17`, `17.0`, `19` or `19.0`; returns nil for any other text.
    package init?(parsing text: String) {
        switch text {
        case "17", "17.0": self = .v17
        case "19", "19.0": self = .v19
        default: return nil
        }
    }
}
