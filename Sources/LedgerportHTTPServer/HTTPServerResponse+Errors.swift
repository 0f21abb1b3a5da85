import LedgerportSDK

/// The JSON error responses of the server, built in this one place so that
/// every error has the same shape:
///
/// ```json
/// {"error":{"code":"payload_too_large","message":"request body exceeds 1048576 bytes","status":413}}
/// ```
///
/// `code` is stable and snake_case, for programs. `message` is for people and
/// never contains the request body or a header value.
extension HTTPServerResponse {
    /// Builds a JSON error response with `status`, a stable `code` and a `message`.
    package static func error(status: Int, code: String, message: String, headers: HTTPHeaders = [:]) -> HTTPServerResponse {
        let body: JSONValue = [
            "error": ["code": .string(code), "message": .string(message), "status": .number(JSONNumber(Int64(status)))]
        ]
        return .json(body, status: status, headers: headers)
    }

    /// 400: the request is malformed; `message` names the part and the reason.
    package static func badRequest(_ message: String) -> HTTPServerResponse {
        .error(status: 400, code: "bad_request", message: message)
    }

    /// 404: no route matches the path. The message names the route patterns in `nearest`, those closest to it.
    package static func notFound(path: String, nearest: [String] = []) -> HTTPServerResponse {
        let hint = nearest.isEmpty ? "" : "; the nearest paths served are " + nearest.joined(separator: ", ")
        return .error(status: 404, code: "not_found", message: "no endpoint at path \"\(truncated(path))\"\(hint)")
    }

    /// 405: the path exists but not for this method; the `Allow` field lists the methods that do.
    package static func methodNotAllowed(method: String, allowed: [String]) -> HTTPServerResponse {
        let list = allowed.joined(separator: ", ")
        return .error(
            status: 405, code: "method_not_allowed", message: "method \"\(truncated(method))\" not allowed here; use \(list)",
            headers: ["Allow": list]
        )
    }

    /// The error code of a 413, the response to a body larger than the server accepts.
    static let payloadTooLargeCode = "payload_too_large"

    /// Builds the message of a 413. `limitSetting` names the server setting that raises the limit.
    static func payloadTooLargeMessage(limitBytes: Int, limitSetting: String?) -> String {
        let raise = limitSetting.map { ", or have the server's operator raise \($0)" } ?? ""
        return "request body exceeds \(limitBytes) bytes; send a smaller body\(raise)"
    }

    /// 500: the handler failed; details go to the log, not to the client.
    package static func internalError() -> HTTPServerResponse {
        .error(status: 500, code: "internal_error", message: "the server failed to handle the request; see the server log")
    }

    /// 503: the server is stopping and did not handle the request; the client may retry elsewhere or later.
    package static func serviceUnavailable() -> HTTPServerResponse {
        .error(
            status: 503, code: "service_unavailable", message: "the server is stopping; retry the request later",
            headers: ["Connection": "close", "Retry-After": "1"]
        )
    }

    private static func truncated(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "..."
    }
}
