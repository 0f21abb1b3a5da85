import Foundation
import LedgerportDemo
import LedgerportSDK

/// Stripe webhook bodies for system tests, taken from the demo's month of events or derived from them.
enum StripeBodies {
    static let month = try! DemoEvents.load()

    /// The body of the demo event in `file`, such as `010-invoice.created.json`.
    static func file(_ name: String) -> [UInt8] {
        guard let event = month.events.first(where: { $0.file == name }) else {
            preconditionFailure("no demo event file \(name)")
        }
        return event.body
    }

    /// A `customer.created` event for a new customer `index`, with its own event id, customer id and email.
    static func newCustomer(_ index: Int, prefix: String) throws -> [UInt8] {
        let template = try JSONParser.parse(file("008-customer.created.json"))
        guard case .object(var event) = template, case .object(var data) = event["data"] ?? .null,
            case .object(var customer) = data["object"] ?? .null
        else {
            throw HarnessError("the customer.created template is not an event object")
        }
        customer["id"] = .string("cus_\(prefix)\(index)")
        customer["email"] = .string("\(prefix)\(index)@system-test.example")
        customer["name"] = .string("System Test Customer \(prefix) \(index)")
        data["object"] = .object(customer)
        event["data"] = .object(data)
        event["id"] = .string("evt_\(prefix)\(index)")
        return JSONWriter.bytes(.object(event), style: .pretty)
    }
}
