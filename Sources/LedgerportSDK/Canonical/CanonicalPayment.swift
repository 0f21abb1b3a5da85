import Foundation

/// A payment attempt by a customer, successful or not.
///
/// A succeeded payment with an ``invoiceID`` settles that invoice in full or
/// in part; a failed one raises a dunning trigger.
public struct CanonicalPayment: CanonicalObject {
    public static let objectType = CanonicalObjectType.payment
    public static let schemaVersion = 1

    public enum Status: String, Codable, Sendable, Hashable {
        case pending
        case succeeded
        case failed
        case canceled
    }

    public var id: String
    public var invoiceID: String?
    public var customerID: String?
    public var amount: Money
    public var status: Status
    /// The payment method family, such as `card` or `sepa_debit`.
    public var method: String?
    /// The underlying charge id, which refunds refer to.
    public var chargeID: String?
    public var failureCode: String?
    public var failureMessage: String?
    public var createdAt: Date
    public var paidAt: Date?
    public var updatedAt: Date?
    public var metadata: [String: String]

    public init(
        id: String, invoiceID: String? = nil, customerID: String? = nil, amount: Money, status: Status,
        method: String? = nil, chargeID: String? = nil, failureCode: String? = nil, failureMessage: String? = nil,
        createdAt: Date, paidAt: Date? = nil, updatedAt: Date? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.amount = amount
        self.status = status
        self.method = method
        self.chargeID = chargeID
        self.failureCode = failureCode
        self.failureMessage = failureMessage
        self.createdAt = createdAt
        self.paidAt = paidAt
        self.updatedAt = updatedAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id
        case invoiceID = "invoice_id"
        case customerID = "customer_id"
        case amount, status, method
        case chargeID = "charge_id"
        case failureCode = "failure_code"
        case failureMessage = "failure_message"
        case createdAt = "created_at"
        case paidAt = "paid_at"
        case updatedAt = "updated_at"
        case metadata
    }
}
