import Foundation
import LedgerportSDK

/// One exchange recorded on a real Odoo server, loaded from the test fixtures.
struct Recording {
    let name: String
    let method: String
    let path: String
    let requestHeaders: [(String, String)]
    /// The request body bytes exactly as recorded.
    let requestBody: [UInt8]
    /// The request body parsed, when it is JSON.
    let requestJSON: JSONValue?
    let status: Int
    let responseHeaders: [(String, String)]
    /// The response body parsed, when it is JSON; `responseText` otherwise.
    let responseJSON: JSONValue?
    let responseText: String

    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// Loads `folder/name` (without `.json`) from the fixtures.
    static func load(_ name: String) throws -> Recording {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name + ".json"))
        let document = try JSONParser.parse(Array(data))
        let http = document["http"] ?? [:]
        let rawRequest = document["request_body_raw"]?.stringValue
        let requestBytes = rawRequest.map { Array($0.utf8) } ?? []
        let responseHeaders = (document["response_headers"]?.arrayValue ?? []).compactMap { pair -> (String, String)? in
            guard let name = pair[0]?.stringValue, let value = pair[1]?.stringValue else { return nil }
            return (name, value)
        }
        let contentType = responseHeaders.first { $0.0.lowercased() == "content-type" }?.1 ?? ""
        let rawResponse = document["response_body_raw"]?.stringValue
        var responseJSON: JSONValue?
        if contentType.contains("json") {
            responseJSON = try rawResponse.map { try JSONParser.parse($0) } ?? document["response_body"]
        }
        return Recording(
            name: name, method: http["method"]?.stringValue ?? "POST", path: http["path"]?.stringValue ?? "/",
            requestHeaders: (http["request_headers"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.compactMap { key, value in
                value.stringValue.map { (key, $0) }
            },
            requestBody: requestBytes, requestJSON: requestBytes.isEmpty ? nil : try? JSONParser.parse(requestBytes),
            status: document["response_status"]?.intValue ?? 0, responseHeaders: responseHeaders, responseJSON: responseJSON,
            responseText: rawResponse ?? ""
        )
    }

    func responseHeader(_ name: String) -> String? {
        responseHeaders.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
