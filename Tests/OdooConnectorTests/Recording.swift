import Foundation
import LedgerportSDK

/// One recorded exchange with a real Odoo server, copied from the reference recordings into `Fixtures/`.
struct Recording {
    let name: String
    let path: String
    let requestBody: JSONValue?
    let requestHeaders: [String: String]
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    /// Loads `Fixtures/<name>.json`, such as `odoo17/05_action_post_jsonrpc`.
    init(_ name: String, filePath: String = #filePath) throws {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        let document = try JSONParser.parse(Array(data))
        self.name = name
        path = document["http"]?["path"]?.stringValue ?? ""
        requestBody = document["request_body_raw"]?.stringValue.flatMap { try? JSONParser.parse($0) }
        var requestHeaders = [String: String]()
        for (key, value) in document["http"]?["request_headers"]?.objectValue ?? [:] {
            requestHeaders[key] = value.stringValue
        }
        self.requestHeaders = requestHeaders
        status = document["response_status"]?.intValue ?? 0
        var headers = HTTPHeaders()
        for pair in document["response_headers"]?.arrayValue ?? [] {
            if let name = pair[0]?.stringValue, let value = pair[1]?.stringValue { headers.add(name: name, value: value) }
        }
        self.headers = headers
        // Recordings whose tracebacks were redacted keep only the parsed body, so it is written back as JSON.
        if let raw = document["response_body_raw"]?.stringValue {
            body = Array(raw.utf8)
        } else if let parsed = document["response_body"] {
            body = parsed.stringValue.map { Array($0.utf8) } ?? JSONWriter.bytes(parsed)
        } else {
            body = []
        }
    }

    /// The recorded response.
    var response: HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: body)
    }

    /// The recorded response body parsed as JSON.
    var jsonValue: JSONValue? {
        try? JSONParser.parse(body)
    }
}
