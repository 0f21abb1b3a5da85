import LedgerportSDK

/// The parsed `Stripe-Signature` header: `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`.
///
/// Stripe sends one `v1` entry per active signing secret of the endpoint, so
/// a header carries several while a secret is rolled. Entries of other
/// schemes (such as the test-mode `v0`) are ignored, as Stripe documents.
struct StripeSignatureHeader: Sendable, Equatable {
    /// The signing time in Unix seconds.
    let timestamp: Int64
    /// Every `v1` signature, decoded from hexadecimal to 32 bytes each.
    let signatures: [[UInt8]]

    /// The HTTP header field that carries the signature.
    static let fieldName = "Stripe-Signature"

    /// Parses the header's value, throwing ``WebhookRejection/Reason/malformedSignature`` with the reason.
    init(parsing value: String) throws(WebhookRejection) {
        var timestamp: Int64?
        var signatures = [[UInt8]]()
        for item in value.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                throw Self.malformed("item \"\(item.prefix(20))\" is not of the form key=value")
            }
            let key = parts[0].trimmingSpaces()
            let text = parts[1].trimmingSpaces()
            switch key {
            case "t":
                guard timestamp == nil else { throw Self.malformed("it has more than one t= item") }
                guard let seconds = Int64(text), seconds >= 0 else {
                    throw Self.malformed("t=\"\(text.prefix(20))\" is not a Unix time in seconds")
                }
                timestamp = seconds
            case "v1":
                guard text.utf8.count == 64, let bytes = MessageAuthentication.bytes(fromHex: text) else {
                    throw Self.malformed("v1 is not 64 hexadecimal digits")
                }
                signatures.append(bytes)
            default:
                continue
            }
        }
        guard let timestamp else { throw Self.malformed("it has no t= item") }
        guard !signatures.isEmpty else { throw Self.malformed("it has no v1= signature") }
        self.timestamp = timestamp
        self.signatures = signatures
    }

    private static func malformed(_ cause: String) -> WebhookRejection {
        WebhookRejection(
            .malformedSignature,
            "header \(fieldName) is malformed: \(cause); expected t=<unix seconds>,v1=<64 hex digits>"
        )
    }
}

extension Substring {
    /// Returns the text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
