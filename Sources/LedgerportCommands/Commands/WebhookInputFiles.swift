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
    static func secrets(_ path: String, in context: CommandContext) throws(CommandError) -> [Secret] {
        let text = String(decoding: try bytes(path, option: "--secret-file", in: context), as: UTF8.self)
        let secrets = StripeWebhookCheck.secrets(fromFileContents: text)
        guard !secrets.isEmpty else {
            throw .invalidData("read --secret-file \"\(path)\": the file contains no secret", hint: "write the endpoint's signing secret (whsec_...) on one line")
        }
        return secrets
    }
}
