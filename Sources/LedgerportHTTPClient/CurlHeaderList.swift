import CCurl
import LedgerportSDK

/// The request header fields as a libcurl `curl_slist`, freed when this value is released.
///
/// An empty `Expect:` is always added unless the request sets `Expect`
/// itself, so libcurl never waits for a `100 Continue` before sending a body.
/// A field with an empty value is written as `Name;`, libcurl's syntax for
/// sending a header without a value (`Name:` would remove the header instead).
final class CurlHeaderList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ headers: HTTPHeaders) {
        for field in headers {
            append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        if headers["Expect"] == nil {
            append("Expect:")
        }
    }

    deinit {
        curl_slist_free_all(pointer)
    }

    private func append(_ line: String) {
        guard let extended = curl_slist_append(pointer, line) else {
            preconditionFailure("curl_slist_append failed: out of memory")
        }
        pointer = extended
    }
}
