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
    ///
    /// It reads the value as UTF-8 bytes rather than characters because it runs on every webhook:
    /// splitting by characters took 7% of the HTTP threads' time in `ledgerport-bench ingest`.
    /// The values stay substrings of the header, so only the decoded signatures are allocated.
    init(parsing value: String) throws(WebhookRejection) {
        var timestamp: Int64?
        var signatures = [[UInt8]]()
        for item in value.utf8.split(separator: UInt8(ascii: ",")) {
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else {
                throw Self.malformed("item \"\(Self.text(item).prefix(20))\" is not of the form key=value")
            }
            let key = Self.trimmed(item[..<equals])
            let text = Substring(Self.trimmed(item[item.index(after: equals)...]))
            guard !key.isEmpty, !text.isEmpty else {
                throw Self.malformed("item \"\(Self.text(item).prefix(20))\" is not of the form key=value")
            }
            if key.elementsEqual("t".utf8) {
                guard timestamp == nil else { throw Self.malformed("it has more than one t= item") }
                guard let seconds = Int64(text), seconds >= 0 else {
                    throw Self.malformed("t=\"\(text.prefix(20))\" is not a Unix time in seconds")
                }
                timestamp = seconds
            } else if key.elementsEqual("v1".utf8) {
                guard text.utf8.count == 64, let bytes = MessageAuthentication.bytes(fromHex: text) else {
                    throw Self.malformed("v1 is not 64 hexadecimal digits")
                }
                signatures.append(bytes)
            }
        }
        guard let timestamp else { throw Self.malformed("it has no t= item") }
        guard !signatures.isEmpty else { throw Self.malformed("it has no v1= signature") }
        self.timestamp = timestamp
        self.signatures = signatures
    }

    /// Returns the bytes without leading and trailing spaces and tabs.
    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }

    private static func text(_ bytes: Substring.UTF8View.SubSequence) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func malformed(_ cause: String) -> WebhookRejection {
        WebhookRejection(
            .malformedSignature,
            "header \(fieldName) is malformed: \(cause); expected t=<unix seconds>,v1=<64 hex digits>"
        )
    }
}
