@testable import LedgerportHTTPServer
import Testing

/// Which paths a ``RoutePattern`` matches, and what it captures.
@Suite struct RoutePatternTests {
    static let webhook = RoutePattern("/webhooks/{tenant}/{environment}/{connection}")

    @Test func match_capturesEveryParameter() {
        #expect(Self.webhook.match("/webhooks/acme/live/stripe") == ["tenant": "acme", "environment": "live", "connection": "stripe"])
    }

    @Test func match_decodesParametersAfterSplitting() {
        #expect(Self.webhook.match("/webhooks/ac%2Fme/live/str%20ipe") == ["tenant": "ac/me", "environment": "live", "connection": "str ipe"])
    }

    @Test(arguments: [
        "/webhooks/acme/live", "/webhooks/acme/live/stripe/extra", "/webhooks/acme/live/stripe/", "/webhooks//live/stripe",
        "/webhooks/acme/live/", "/webhook/acme/live/stripe", "/Webhooks/acme/live/stripe", "webhooks/acme/live/stripe", "", "/",
    ])
    func match_rejectsOtherShapes(path: String) {
        #expect(Self.webhook.match(path) == nil)
    }

    @Test func match_literalPatterns() {
        #expect(RoutePattern("/health").match("/health") == [:])
        #expect(RoutePattern("/health").match("/health/") == nil)
        #expect(RoutePattern("/health").match("/healthz") == nil)
        #expect(RoutePattern("/").match("/") == [:])
        #expect(RoutePattern("/").match("/health") == nil)
        #expect(RoutePattern("/admin/v1/dead-letters/{id}/replay").match("/admin/v1/dead-letters/42/replay") == ["id": "42"])
        #expect(RoutePattern("/admin/v1/dead-letters/{id}/replay").match("/admin/v1/dead-letters/42/discard") == nil)
    }

    @Test func match_comparesLiteralsAsBytes() {
        // "é" written as one scalar and as "e" plus a combining accent are equal as characters, not as bytes.
        #expect(RoutePattern("/caf\u{E9}").match("/cafe\u{301}") == nil)
        #expect(RoutePattern("/caf\u{E9}").match("/caf\u{E9}") == [:])
    }
}
