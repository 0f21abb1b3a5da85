import Foundation

/// Correlation ids: one per webhook request, carried from ingest to the audit entry of every target write.
enum CorrelationID {
    /// Returns the caller's `X-Correlation-ID` when it is a plain token of at most 64 characters, else a new UUID.
    static func forRequest(header: String?) -> String {
        if let header, (1...64).contains(header.utf8.count),
            header.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") })
        {
            return header
        }
        return UUID().uuidString.lowercased()
    }

    /// Returns the id of the `index`-th event of a request that carried several (HubSpot batches); the request's id for a single event.
    static func forEvent(request: String, index: Int, count: Int) -> String {
        count == 1 ? request : "\(request)-\(index + 1)"
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
