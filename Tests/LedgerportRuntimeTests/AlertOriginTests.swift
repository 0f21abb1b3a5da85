import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportRuntime

/// An alert clears only at a success of the kind that raised it: a call for a call, a translated event for a translation.
@Suite struct AlertOriginTests {
    private let unexpectedResponse = ConnectorError.system("stripe_unexpected_response", "list Stripe customers: the response has no \"data\"")
    private let unreadablePayload = ConnectorError.system("stripe_field_missing", "translate event evt_1: customer has no \"id\"")
    private let start = Date(timeIntervalSince1970: 0)

    private func raise(_ error: ConnectorError, origin: AlertBook.Origin, in book: AlertBook) {
        book.recordFailure(tenantID: "t1", tenantSlug: "acme", connectionID: "stripe-main", error: error, origin: origin, at: start)
    }

    private func kinds(_ book: AlertBook) -> [String] {
        book.activeAlerts(tenantSlug: "acme").map { "\($0.kind.rawValue)/\($0.origin.rawValue)" }
    }

    @Test func callAlert_staysAfterTranslatedEvent() {
        let book = AlertBook()
        raise(unexpectedResponse, origin: .call, in: book)

        book.recordTranslated(tenantSlug: "acme", connectionID: "stripe-main")
        #expect(kinds(book) == ["system_failing/call"])

        book.recordSuccess(tenantSlug: "acme", connectionID: "stripe-main")
        #expect(kinds(book).isEmpty)
    }

    @Test func translationAlert_staysAfterSuccessfulCall() {
        let book = AlertBook()
        raise(unreadablePayload, origin: .translation, in: book)

        book.recordSuccess(tenantSlug: "acme", connectionID: "stripe-main")
        #expect(kinds(book) == ["system_failing/translation"])

        book.recordTranslated(tenantSlug: "acme", connectionID: "stripe-main")
        #expect(kinds(book).isEmpty)
    }

    @Test func failureOfOtherOrigin_replacesTheAlert() {
        let book = AlertBook()
        raise(unreadablePayload, origin: .translation, in: book)
        raise(unexpectedResponse, origin: .call, in: book)

        #expect(kinds(book) == ["system_failing/call"])
        #expect(book.activeAlerts(tenantSlug: "acme").first?.occurrences == 1)
        #expect(book.activeAlerts(tenantSlug: "acme").first?.code == "stripe_unexpected_response")
    }
}
