import Foundation
import LedgerportSDK

/// A Stripe object (an event's `data.object`, a list element, an API response) read field by field.
///
/// Every `require...` accessor throws a ``ConnectorError`` that names the
/// event or request being read, the field's path and what to do, so a
/// payload that lacks a field the canonical model needs is a clear error,
/// never a crash.
struct StripeObject: Sendable {
    let json: JSONValue
    /// The dotted path of this object inside its payload, such as `data.object`.
    let path: String
    /// The name of the payload being read, for messages: `Stripe event "evt_1" (invoice.paid)` or `Stripe GET /v1/invoices`.
    let subject: String

    init(json: JSONValue, path: String, subject: String) {
        self.json = json
        self.path = path
        self.subject = subject
    }

    /// Returns the object's `id`, which every Stripe object has.
    func requireID() throws(ConnectorError) -> String {
        try requireString("id")
    }

    /// Returns the string field `key`, or nil when it is absent or null.
    func string(_ key: String) -> String? {
        json[key]?.stringValue
    }

    func requireString(_ key: String) throws(ConnectorError) -> String {
        guard let value = string(key) else { throw missing(key, expected: "a string") }
        return value
    }

    /// Returns the integer field `key`, or nil when it is absent, null or not a whole number.
    func integer(_ key: String) -> Int64? {
        json[key]?.int64Value
    }

    func requireInteger(_ key: String) throws(ConnectorError) -> Int64 {
        guard let value = integer(key) else { throw missing(key, expected: "an integer") }
        return value
    }

    func bool(_ key: String) -> Bool? {
        json[key]?.boolValue
    }

    /// Returns the Unix-seconds field `key` as a date, or nil when it is absent or null.
    func date(_ key: String) -> Date? {
        integer(key).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    func requireDate(_ key: String) throws(ConnectorError) -> Date {
        guard let value = date(key) else { throw missing(key, expected: "a Unix time in seconds") }
        return value
    }

    /// Returns the object field `key`, or nil when it is absent, null or an unexpanded id.
    func object(_ key: String) -> StripeObject? {
        guard let value = json[key], case .object = value else { return nil }
        return StripeObject(json: value, path: field(key), subject: subject)
    }

    func requireObject(_ key: String) throws(ConnectorError) -> StripeObject {
        guard let value = object(key) else { throw missing(key, expected: "an object") }
        return value
    }

    /// Returns the id in field `key`, whether Stripe sent the id itself or the expanded object.
    func reference(_ key: String) -> String? {
        string(key) ?? object(key)?.string("id")
    }

    /// Returns the elements of an array field or of a Stripe list object's `data`; empty when absent.
    func elements(_ key: String) -> [StripeObject] {
        let container = json[key]
        let values = container?.arrayValue ?? container?["data"]?.arrayValue ?? []
        let elementPath = container?.arrayValue == nil ? field(key) + ".data" : field(key)
        return values.enumerated().map { position, value in
            StripeObject(json: value, path: "\(elementPath)[\(position)]", subject: subject)
        }
    }

    /// Returns the `metadata` field's string values, skipping values of other types.
    func metadata() -> [String: String] {
        guard let members = json["metadata"]?.objectValue else { return [:] }
        // A loop here builds the dictionary with code specialized for String values, because the SDK's
        // generic `compactMapValues` looked up type metadata at run time for every event.
        var texts = [String: String](minimumCapacity: members.count)
        for (key, value) in members {
            if let text = value.stringValue { texts[key] = text }
        }
        return texts
    }

    /// Reads the `currency` field, which Stripe sends in lower case, as a currency code.
    func requireCurrency(_ key: String = "currency") throws(ConnectorError) -> CurrencyCode {
        let text = try requireString(key)
        guard let code = CurrencyCode(text) else {
            throw invalid(key, value: text, expected: "a three-letter currency code")
        }
        return code
    }

    /// Reads the amount field `key`, in Stripe's exponent, as canonical money.
    func requireMoney(_ key: String, currency: CurrencyCode) throws(ConnectorError) -> Money {
        try money(of: requireInteger(key), field: key, currency: currency)
    }

    /// Reads the amount field `key` as canonical money, or returns nil when it is absent or null.
    func money(_ key: String, currency: CurrencyCode) throws(ConnectorError) -> Money? {
        guard let amount = integer(key) else { return nil }
        return try money(of: amount, field: key, currency: currency)
    }

    /// Converts a Stripe amount read from field `key` to canonical money.
    func money(of amount: Int64, field key: String, currency: CurrencyCode) throws(ConnectorError) -> Money {
        do {
            return try StripeCurrencyTable.money(stripeAmount: amount, currency: currency)
        } catch {
            throw ConnectorError(
                .business, code: "stripe_amount_not_representable",
                message: "read \(subject): field \"\(path).\(key)\" = \(amount) \(currency) cannot be converted: \(error)",
                hint: "correct the amount in Stripe or add the currency to the Stripe exponent table"
            )
        }
    }

    /// Returns the dotted path of the member `key`, such as `data.object.currency`.
    func field(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Makes the error for a required field that is absent, null or of the wrong type.
    func missing(_ key: String, expected: String) -> ConnectorError {
        let found = json[key].map { $0.isNull ? "null" : "a JSON \($0.typeName)" } ?? "missing"
        return ConnectorError(
            .system, code: "stripe_missing_field",
            message: "read \(subject): field \"\(path).\(key)\" is \(found), expected \(expected)",
            hint: "check that the webhook endpoint's API version is one of \(StripeAPIVersion.supportedList); replay the event once the payload or the connector is fixed"
        )
    }

    /// Makes the error for a field whose value cannot be read.
    func invalid(_ key: String, value: String, expected: String) -> ConnectorError {
        ConnectorError(
            .system, code: "stripe_invalid_field",
            message: "read \(subject): field \"\(path).\(key)\" = \"\(value.prefix(40))\" is not \(expected)",
            hint: "replay the event once the payload or the connector is fixed"
        )
    }
}
