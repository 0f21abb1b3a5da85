import LedgerportSDK

/// Collects the header lines that libcurl passes to its header callback,
/// keeping only the last header block.
///
/// libcurl reports every block it receives: an interim `100 Continue`, each
/// redirect it follows, then the final response. Every status line starts a
/// new block, so the headers returned are those of the final response, in the
/// order the server sent them. Obsolete folded lines (starting with a space or
/// a tab) are joined to the previous field. Trailer fields that follow a
/// chunked body are not collected.
struct CurlResponseHeaderCollector {
    private(set) var headers = HTTPHeaders()
    private var blockEnded = false

    /// Consumes one raw header line, including its line terminator.
    mutating func consume(line: UnsafeBufferPointer<UInt8>) {
        var bytes = Substring(decoding: line, as: UTF8.self)
        while let last = bytes.last, last == "\r" || last == "\n" || last == "\r\n" {
            bytes = bytes.dropLast()
        }

        if bytes.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            blockEnded = false
        } else if bytes.isEmpty {
            blockEnded = true
        } else if !blockEnded {
            addField(bytes)
        }
    }

    private mutating func addField(_ line: Substring) {
        if let first = line.first, first == " " || first == "\t" {
            appendContinuation(line)
            return
        }
        guard let colon = line.firstIndex(of: ":") else {
            return
        }
        let name = line[..<colon].trimmingHTTPWhitespace()
        let value = line[line.index(after: colon)...].trimmingHTTPWhitespace()
        headers.add(name: String(name), value: String(value))
    }

    private mutating func appendContinuation(_ line: Substring) {
        guard let last = headers.fields.last else {
            return
        }
        var fields = headers.fields
        fields[fields.count - 1] = (name: last.name, value: last.value + " " + line.trimmingHTTPWhitespace())
        headers = HTTPHeaders(fields)
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs (HTTP's optional whitespace).
    func trimmingHTTPWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" {
            result = result.dropFirst()
        }
        while let last = result.last, last == " " || last == "\t" {
            result = result.dropLast()
        }
        return result
    }
}
