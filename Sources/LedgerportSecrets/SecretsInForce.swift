import Foundation
import LedgerportSDK

/// The values of one secret field in force at an instant.
package struct SecretsInForce: Sendable {
    /// The active values, newest first; empty when none is active.
    package var secrets: [Secret]
    /// The first time after the instant when a value of the field starts or expires, or nil when none will.
    package var nextChange: Date?
}
