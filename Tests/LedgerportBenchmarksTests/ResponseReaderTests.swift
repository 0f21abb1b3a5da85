@testable import LedgerportBenchmarks
import Testing

/// The load generator's reading of HTTP/1.1 responses as their bytes arrive in pieces.
@Suite struct ResponseReaderTests {
    private let response = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 12\r\n\r\n{\"stored\":1}".utf8)

    @Test func responseInPieces_isWholeOnlyAfterItsBody() {
        var reader = ResponseReader()
        let split = response.count - 3

        append(response[..<split], to: &reader)
        #expect(reader.next() == .incomplete)
        append(response[split...], to: &reader)
        #expect(reader.next() == .response(status: 200))
        #expect(!reader.hasPartialResponse)
    }

    @Test func twoResponsesInOneRead_areConsumedOneAtATime() {
        var reader = ResponseReader()
        let second = Array("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".utf8)

        append((response + second)[...], to: &reader)

        #expect(reader.next() == .response(status: 200))
        #expect(reader.hasPartialResponse)
        #expect(reader.next() == .response(status: 503))
        #expect(reader.next() == .incomplete)
    }

    @Test func bytesThatAreNoStatusLine_areMalformed() {
        var reader = ResponseReader()

        append(Array("hello there, this is not HTTP\r\n\r\n".utf8)[...], to: &reader)

        #expect(reader.next() == .malformed)
    }

    private func append(_ bytes: ArraySlice<UInt8>, to reader: inout ResponseReader) {
        Array(bytes).withUnsafeBytes { reader.append($0) }
    }
}
