/// Collects the bytes of HTTP/1.1 responses with a `Content-Length` body, as they arrive on a keep-alive connection.
///
/// The reader does no input or output: its owner appends what it read from
/// the socket and then calls ``next()`` for the next whole response.
struct ResponseReader {
    /// The state of the collected bytes.
    enum Next: Equatable {
        /// Not a whole response yet.
        case incomplete
        /// A whole response with this status; its bytes have been consumed.
        case response(status: Int)
        /// Bytes that are not an HTTP/1.1 response.
        case malformed
    }

    private var buffer: [UInt8] = []

    /// Creates a reader with an empty buffer.
    init() {
        buffer.reserveCapacity(16384)
    }

    /// Whether bytes of a response that has not been consumed are waiting.
    var hasPartialResponse: Bool {
        !buffer.isEmpty
    }

    /// Appends bytes read from the connection.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Consumes the first whole response and returns its status, or returns ``Next/incomplete`` until it has fully arrived.
    mutating func next() -> Next {
        guard let headEnd = Self.endOfHead(in: buffer) else {
            return .incomplete
        }
        guard let status = Self.status(in: buffer) else {
            return .malformed
        }
        let length = Self.contentLength(in: buffer[..<headEnd]) ?? 0
        guard buffer.count >= headEnd + length else {
            return .incomplete
        }
        buffer.removeFirst(headEnd + length)
        return .response(status: status)
    }

    /// Returns the index just past the blank line that ends the head, or nil when it has not arrived yet.
    static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else {
            return nil
        }
        for index in 3..<bytes.count where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// Returns the status code of a status line such as `HTTP/1.1 200 OK`.
    static func status(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 12, bytes[8] == 32 else {
            return nil
        }
        var status = 0
        for byte in bytes[9..<12] {
            guard byte >= 48 && byte <= 57 else {
                return nil
            }
            status = status * 10 + Int(byte - 48)
        }
        return status
    }

    /// Returns the value of the `Content-Length` field of a response head, matched without regard to case.
    static func contentLength(in head: ArraySlice<UInt8>) -> Int? {
        let name = Array("content-length:".utf8)
        var index = head.startIndex
        while index + name.count <= head.endIndex {
            let atLineStart = index == head.startIndex || head[index - 1] == 10
            if atLineStart && zip(head[index..<(index + name.count)], name).allSatisfy({ $0 | 0x20 == $1 }) {
                return digits(in: head[(index + name.count)...])
            }
            index += 1
        }
        return nil
    }

    /// Returns the number at the start of `bytes`, after any spaces.
    private static func digits(in bytes: ArraySlice<UInt8>) -> Int? {
        var value: Int?
        for byte in bytes.drop(while: { $0 == 32 }) {
            guard byte >= 48 && byte <= 57 else {
                break
            }
            value = (value ?? 0) * 10 + Int(byte - 48)
        }
        return value
    }
}
