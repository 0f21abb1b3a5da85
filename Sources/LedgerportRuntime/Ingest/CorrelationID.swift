import Foundation
import LedgerportCrypto

/// Correlation ids: one per webhook request, carried from ingest to the audit entry of every target write.
enum CorrelationID {
    /// Returns the caller's `X-Correlation-ID` when it is a plain token of at most 64 characters, else a new UUID.
    static func forRequest(header: String?) -> String {
        if let header, (1...64).contains(header.utf8.count),
            header.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") })
        {
            return header
        }
        return randomUUID()
    }

    /// A random (version 4) UUID in lowercase, such as `0f8e7c1a-5b2d-4c3e-9a4f-1e2d3c4b5a69`.
    ///
    /// Foundation's `UUID()` opens and reads `/dev/urandom` on every call on
    /// Linux, which cost about 3 µs per webhook. The system generator made
    /// two `getrandom` calls per id. OpenSSL's generator (`RAND_bytes`) works
    /// in memory and reseeds from the kernel on its own schedule; a
    /// ``RandomBytePool`` draws from it 4 KiB at a time, 256 ids per call.
    static func randomUUID() -> String {
        // The random bytes stay on the stack and the text is written into the string's storage: one allocation per id.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { bytes in
            randomBytes.fill(UnsafeMutableRawBufferPointer(bytes))
            bytes[6] = (bytes[6] & 0x0F) | 0x40
            bytes[8] = (bytes[8] & 0x3F) | 0x80
            return String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hexDigits[Int(bytes[index] >> 4)]
                    text[position + 1] = hexDigits[Int(bytes[index] & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }

    private static let randomBytes = RandomBytePool()

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

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
