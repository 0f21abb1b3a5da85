import LedgerportSDK

/// The JSON body of a webhook's 200 response, `{"correlation_id", "duplicates", "received", "stored"}`.
///
/// It is written directly, in the key order ``JSONWriter`` uses, because every
/// acknowledged request builds one on the thread that responds after each commit.
enum IngestResponseBody {
    /// Returns the body's bytes, equal to ``JSONWriter/bytes(_:style:)`` of the same object.
    static func bytes(received: Int, stored: Int, duplicates: Int, correlationID: String) -> [UInt8] {
        var body = [UInt8]()
        body.reserveCapacity(96 + correlationID.utf8.count)
        body.append(contentsOf: #"{"correlation_id":"#.utf8)
        JSONWriter.append(.string(correlationID), to: &body)
        body.append(contentsOf: #","duplicates":\#(duplicates),"received":\#(received),"stored":\#(stored)}"#.utf8)
        return body
    }
}
