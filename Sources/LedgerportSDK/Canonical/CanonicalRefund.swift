import Foundation

/// One refund of money to a customer.
///
/// ``amount`` is this refund alone, never a cumulative total: Stripe's
/// `charge.refunded` carries the charge's cumulative `amount_refunded`, and
/// sources must turn that into one refund per new refund record.
public struct CanonicalRefund: CanonicalObject {
    public static let objectType = CanonicalObjectType.refund
    public static let schemaVersion = 1

    public enum Status: String, Codable, Sendable, Hashable {
        case pending
        case succeeded
        case failed
        case canceled
    }

    public var id: String
    public var paymentID: String?
    public var chargeID: String?
    public var invoiceID: String?
    public var customerID: String?
    public var amount: Money
    public var status: Status
    public var reason: String?
    public var createdAt: Date
    public var metadata: [String: String]

    public init(
        id: String, paymentID: String? = nil, chargeID: String? = nil, invoiceID: String? = nil,
        customerID: String? = nil, amount: Money, status: Status, reason: String? = nil, createdAt: Date,
        metadata: [String: String] = [:]
    ) {
        self.id = id
        self.paymentID = paymentID
        self.chargeID = chargeID
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.amount = amount
        self.status = status
        self.reason = reason
        self.createdAt = createdAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id
        case paymentID = "payment_id"
        case chargeID = "charge_id"
        case invoiceID = "invoice_id"
        case customerID = "customer_id"
        case amount, status, reason
        case createdAt = "created_at"
        case metadata
    }
}
