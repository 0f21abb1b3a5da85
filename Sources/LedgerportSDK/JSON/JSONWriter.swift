/// Serializes a ``JSONValue`` to JSON text.
///
/// Object keys are always sorted by their UTF-8 bytes, so the output is a
/// function of the value alone: digests computed over it are stable.
/// Non-ASCII characters are written as UTF-8, not escaped.
public enum JSONWriter {
    /// Layout of the output text.
    public enum Style: Sendable {
        /// No whitespace at all.
        case compact
        /// Two-space indentation, one member per line, a space after each colon.
        case pretty
    }

    /// Serializes `value` to UTF-8 bytes.
    public static func bytes(_ value: JSONValue, style: Style = .compact) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(256)
        write(value, to: &output, style: style, indent: 0)
        return output
    }

    /// Appends the compact JSON of `value` to `output`, for callers that assemble one document from several parts.
    public static func append(_ value: JSONValue, to output: inout [UInt8]) {
        write(value, to: &output, style: .compact, indent: 0)
    }

    /// Serializes `value` to a string.
    public static func string(_ value: JSONValue, style: Style = .compact) -> String {
        String(decoding: bytes(value, style: style), as: UTF8.self)
    }

    private static func write(_ value: JSONValue, to output: inout [UInt8], style: Style, indent: Int) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            output.append(contentsOf: number.description.utf8)
        case .string(let text):
            writeString(text, to: &output)
        case .array(let elements):
            writeArray(elements, to: &output, style: style, indent: indent)
        case .object(let members):
            writeObject(members, to: &output, style: style, indent: indent)
        }
    }

    private static func writeArray(_ elements: [JSONValue], to output: inout [UInt8], style: Style, indent: Int) {
        guard !elements.isEmpty else {
            output.append(contentsOf: "[]".utf8)
            return
        }
        output.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(&output, style: style, indent: indent + 1)
            write(element, to: &output, style: style, indent: indent + 1)
        }
        newline(&output, style: style, indent: indent)
        output.append(UInt8(ascii: "]"))
    }

    private static func writeObject(_ members: JSONObject, to output: inout [UInt8], style: Style, indent: Int) {
        guard !members.isEmpty else {
            output.append(contentsOf: "{}".utf8)
            return
        }
        output.append(UInt8(ascii: "{"))
        // The object keeps its members in key order, so they are written as they are.
        for (position, member) in members.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(&output, style: style, indent: indent + 1)
            writeString(member.key, to: &output)
            output.append(UInt8(ascii: ":"))
            if style == .pretty { output.append(UInt8(ascii: " ")) }
            write(member.value, to: &output, style: style, indent: indent + 1)
        }
        newline(&output, style: style, indent: indent)
        output.append(UInt8(ascii: "}"))
    }

    private static func newline(_ output: inout [UInt8], style: Style, indent: Int) {
        guard style == .pretty else { return }
        output.append(0x0a)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` in quotes, copying each run of bytes that needs no escape at once.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(of: byte, to: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
        case 0x0a: output.append(contentsOf: "\\n".utf8)
        case 0x0d: output.append(contentsOf: "\\r".utf8)
        case 0x09: output.append(contentsOf: "\\t".utf8)
        default:
            output.append(contentsOf: "\\u00".utf8)
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0f)])
        }
    }
}
