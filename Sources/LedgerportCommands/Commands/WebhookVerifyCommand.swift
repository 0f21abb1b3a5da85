import Foundation
import LedgerportSDK
import StripeConnector

/// `ledgerport webhook verify`: checks one webhook's signature offline, as the connector would on receipt.
struct WebhookVerifyCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "verify",
        abstract: "Check a webhook's signature offline and print its event id and type.",
        discussion: """
            Runs the same checks as the connector on receipt: the signature over the body \
            bytes exactly as in --body-file, each secret of --secret-file (one per line, \
            newest first, so both secrets of a roll are tried), and the 300-second \
            tolerance around --now. On failure it prints the reason: missing_signature, \
            malformed_signature, signature_mismatch or timestamp_outside_tolerance. A valid \
            signature over a body that is not a Stripe event gives malformed_payload.

            Save the body with the bytes the sender signed: a body reformatted by a tool, \
            or with a line break added at the end, no longer matches. A recording of a \
            request (a JSON file with "headers" and "raw_body") is not the body itself: \
            save its raw_body text to a file and pass that.
            """,
        examples: [
            .init(
                "ledgerport webhook verify --connector stripe --secret-file whsec.txt --header \"$STRIPE_SIGNATURE\" --body-file event.json",
                "Check a signature at the current time."
            ),
            .init(
                "ledgerport webhook verify --connector stripe --secret-file whsec.txt --header \"$STRIPE_SIGNATURE\" --body-file event.json --now 1796412133",
                "Check it at the time it was received, to tell a wrong secret from a late delivery."
            ),
        ],
        exitStatuses: [
            (.ok, "the signature is valid; the event id and type are printed"),
            (.failure, "a file cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "the signature is invalid; the reason is printed"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .option("connector", value: "id", help: "The connector whose signature scheme applies. Supported: stripe.", required: true),
        .option("secret-file", value: "file", help: "The signing secrets, one per line, newest first, or a connection's secrets file with \"webhook_signing_secret\".", required: true),
        .option("header", value: "header", help: "The signature header as received, such as 'Stripe-Signature: t=...,v1=...', or its value alone.", required: true),
        .option("body-file", value: "file", help: "A file with the request body, byte for byte as received.", required: true),
        .option("now", value: "unix-seconds", help: "The time to check the tolerance against, in Unix seconds. Default: the current time."),
        .flag("json", help: "Print a JSON object with the members valid, event_id, event_type, reason and message."),
    ]

    let secretFile: String
    let header: String
    let bodyFile: String
    let now: Date?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        guard let connector = arguments.option("connector") else {
            throw .usage("--connector is required", hint: "pass --connector stripe")
        }
        guard connector == StripeConnector.id else {
            throw .usage("--connector \"\(connector)\" is not supported", hint: "webhook verify supports --connector stripe")
        }
        guard let secretFile = arguments.option("secret-file"), let header = arguments.option("header"), let bodyFile = arguments.option("body-file") else {
            throw .usage("--secret-file, --header and --body-file are required", hint: "see ledgerport webhook verify --help")
        }
        self.secretFile = secretFile
        self.header = header
        self.bodyFile = bodyFile
        if let text = arguments.option("now") {
            guard let seconds = Int64(text), seconds >= 0 else {
                throw .usage("--now \"\(text)\" is not a Unix time in seconds", hint: "pass a whole number such as 1796412133")
            }
            now = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else {
            now = nil
        }
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let secrets = try WebhookInputFiles.secrets(secretFile, in: context)
        let body = try WebhookInputFiles.bytes(bodyFile, option: "--body-file", in: context)
        do {
            let event = try StripeWebhookCheck.verify(headerLine: header, body: body, secrets: secrets, now: now ?? Date())
            if printsJSON {
                context.standardOutput.writeLine(JSONWriter.string(["valid": true, "event_id": .string(event.eventID), "event_type": .string(event.eventType)], style: .pretty))
            } else {
                context.standardOutput.writeLine("valid: \(event.eventID) \(event.eventType)")
            }
            return .ok
        } catch {
            if printsJSON {
                context.standardOutput.writeLine(JSONWriter.string(["valid": false, "reason": .string(error.reason.rawValue), "message": .string(error.message)], style: .pretty))
                return .dataError
            }
            throw CommandError.invalidData(Self.failureMessage(error), hint: Self.failureHint(error, checkedAt: now))
        }
    }

    /// Returns the first line for a failed check; a valid signature over a body that is not an event is not called invalid.
    private static func failureMessage(_ rejection: WebhookRejection) -> String {
        if rejection.reason == .malformedPayload {
            return "the signature could not be used (\(rejection.reason.rawValue)): \(rejection.message)"
        }
        return "invalid signature (\(rejection.reason.rawValue)): \(rejection.message)"
    }

    /// Returns the hint for a failed check, with the step that fits the command line as well as the connector's detail.
    private static func failureHint(_ rejection: WebhookRejection, checkedAt now: Date?) -> String? {
        switch rejection.reason {
        case .timestampOutsideTolerance where now == nil:
            return [rejection.logDetail, "to check a recorded webhook, pass --now with its t= value"].compactMap { $0 }.joined(separator: "; ")
        case .malformedPayload:
            return [rejection.logDetail, "pass the request body itself; for a recording, save its raw_body text to a file"]
                .compactMap { $0 }.joined(separator: "; ")
        default:
            return rejection.logDetail
        }
    }
}
