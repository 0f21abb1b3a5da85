import Foundation
import LedgerportDemoData
import LedgerportSDK

/// The month of Stripe webhooks the demo plays, and the order it plays them in.
///
/// Stripe delivers webhooks late, more than once and out of order, so the
/// demo does too: a few events are sent before the events they follow, and
/// some are sent again, right away or at the end of the month. The plan is a
/// fixed function of the event files, so every run sends the same sequence.
package struct DemoEvents {
    /// One event file: its name and body bytes.
    package struct Event: Sendable {
        package let file: String
        package let body: [UInt8]
        package let id: String
        package let type: String
    }

    package let events: [Event]

    /// Reads every event file of the bundled month, in file order.
    package static func load() throws -> DemoEvents {
        guard let folder = DemoResources.stripeMonthFolder else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the bundled demo events are missing; rebuild the package"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        let events = try names.map { name in
            let body = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let json = try JSONParser.parse(body)
            return Event(file: name, body: body, id: json["id"]?.stringValue ?? name, type: json["type"]?.stringValue ?? "?")
        }
        return DemoEvents(events: events)
    }

    /// Returns the sending order: out-of-order pairs swapped, every seventh event sent twice in a row,
    /// and every eleventh sent again after the whole month, as Stripe's retries would.
    package func sendingPlan() -> [Event] {
        var ordered = events
        // Send a paid invoice before its creation and its payment, and a renewal's payment before the renewal.
        for (late, early) in [("invoice.created", "invoice.payment_succeeded"), ("customer.created", "customer.updated")] {
            if let first = ordered.firstIndex(where: { $0.type == late }),
                let second = ordered[first...].firstIndex(where: { $0.type == early })
            {
                ordered.swapAt(first, second)
            }
        }
        var plan = [Event]()
        for (index, event) in ordered.enumerated() {
            plan.append(event)
            if index % 7 == 3 {
                plan.append(event)
            }
        }
        plan += ordered.enumerated().filter { $0.offset % 11 == 5 }.map(\.element)
        return plan
    }
}
