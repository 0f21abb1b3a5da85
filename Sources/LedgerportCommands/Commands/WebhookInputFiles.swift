import Foundation
import LedgerportSDK
import StripeConnector

/// Reads the files the webhook commands take: secret files and request bodies.
enum WebhookInputFiles {
    /// Reads the file at `path`, relative to the working directory unless absolute.
    static func bytes(_ path: String, option: String, in context: CommandContext) throws(CommandError) -> [UInt8] {
        let fullPath = path.hasPrefix("/") ? path : context.currentDirectory + "/" + path
        guard let data = FileManager.default.contents(atPath: fullPath) else {
            throw .failure("read \(option) \"\(path)\": the file does not exist or cannot be read", hint: "check the path and its permissions")
        }
        return Array(data)
    }

    /// Reads a secret file: one secret per line, newest first, `#` comments allowed. The secrets are never printed.
    ///
    /// A connection's secrets file (a JSON object, as `connection create --secrets-file` takes) is
    /// accepted too: its `webhook_signing_secret`, a string or a list, is used.
    static func secrets(_ path: String, in context: CommandContext) throws(CommandError) -> [Secret] {
        let text = String(decoding: try bytes(path, option: "--secret-file", in: context), as: UTF8.self)
        if text.drop(while: \.isWhitespace).first == "{" {
            return try secrets(fromJSON: text, path: path)
        }
        let secrets = StripeWebhookCheck.secrets(fromFileContents: text)
        guard !secrets.isEmpty else {
            throw .invalidData("read --secret-file \"\(path)\": the file contains no secret", hint: "write the endpoint's signing secret (whsec_...) on one line")
        }
        return secrets
    }

    private static func secrets(fromJSON text: String, path: String) throws(CommandError) -> [Secret] {
        guard let document = try? JSONParser.parse(text) else {
            throw .invalidData("read --secret-file \"\(path)\": the file starts like JSON but is not valid JSON", hint: "write the signing secret (whsec_...) on one line, or pass a connection's secrets file")
        }
        let field = document["webhook_signing_secret"]
        let values = field?.stringValue.map { [$0] } ?? field?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !values.isEmpty else {
            throw .invalidData(
                "read --secret-file \"\(path)\": the JSON object has no \"webhook_signing_secret\"",
                hint: "write the signing secret (whsec_...) on one line, or add \"webhook_signing_secret\" to the object"
            )
        }
        return values.map(Secret.init)
    }
}
