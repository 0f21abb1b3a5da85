import Foundation

/// A tenant's id: a lowercase UUID assigned by the store when the tenant is created.
package struct TenantID: TextIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    /// Returns a new random id.
    package static func generate() -> TenantID {
        TenantID(rawValue: UUID().uuidString.lowercased())
    }
}

/// The name of a tenant's environment, such as `test` or `production`: a slug unique per tenant.
package struct EnvironmentName: TextIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    /// The environment where connections and mappings are tried out.
    package static let test = EnvironmentName(rawValue: "test")
    /// The environment that writes to the real ledger; changes reach it only through approval.
    package static let production = EnvironmentName(rawValue: "production")
}

/// A connection's id: a slug chosen by the tenant (such as `stripe-live`), unique per tenant.
package struct ConnectionID: TextIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
}

/// A mapping's id: a slug chosen by the tenant (such as `stripe-invoices-to-odoo`), unique per tenant.
package struct MappingID: TextIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
}

/// A flow's id: a slug naming source connection, mapping and target connection for one business object.
package struct FlowID: TextIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
}

/// A change request's id: a lowercase UUID assigned by the store.
package struct ChangeRequestID: TextIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    /// Returns a new random id.
    package static func generate() -> ChangeRequestID {
        ChangeRequestID(rawValue: UUID().uuidString.lowercased())
    }
}

/// A stored event's id, assigned by the store in insertion order.
package struct EventID: IntegerIdentifier {
    package let rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A delivery's id, assigned by the store in creation order.
package struct DeliveryID: IntegerIdentifier {
    package let rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A delivery attempt's id, assigned by the store.
package struct DeliveryAttemptID: IntegerIdentifier {
    package let rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A dead letter's id, assigned by the store.
package struct DeadLetterID: IntegerIdentifier {
    package let rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A sealed secret value's id, assigned by the store.
package struct SecretValueID: IntegerIdentifier {
    package let rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A certificate's id, assigned by the store.
package struct CertificateID: IntegerIdentifier {
    package let rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

/// An API token's id: a lowercase UUID assigned by the store; the token's secret part is never stored.
package struct APITokenID: TextIdentifier {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    /// Returns a new random id.
    package static func generate() -> APITokenID {
        APITokenID(rawValue: UUID().uuidString.lowercased())
    }
}
