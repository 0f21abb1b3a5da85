import Foundation
import LedgerportHTTPClient
import LedgerportSDK
import StripeConnector

/// `ledgerport webhook send`: signs recorded Stripe events and posts them to an endpoint on this machine.
struct WebhookSendCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "send",
        abstract: "Sign recorded Stripe events and post them to a webhook URL on loopback.",
        discussion: """
            Each file is a Stripe event body, or a recorded webhook with a raw_body member \
            (as in Tests/StripeConnectorTests/Fixtures/localstripe-events). Each event is \
            signed with the first secret of --secret-file at the moment it is sent. The \
            URL must be http on 127.0.0.0/8, localhost or [::1].

            --duplicate, --order and --delay reproduce what Stripe does to real endpoints: \
            the same event more than once, out of order, and late.
            """,
        examples: [
            .init("ledgerport webhook send --secret-file whsec.txt --url http://127.0.0.1:8080/hook events/*.json", "Post recorded events in order."),
            .init(
                "ledgerport webhook send --secret-file whsec.txt --url http://127.0.0.1:8080/hook --duplicate 2 --order shuffle --seed 7 --delay 0.5 events/*.json",
                "Post each event twice, shuffled, half a second apart."
            ),
        ],
        exitStatuses: [
            (.ok, "every delivery got a 2xx response"),
            (.failure, "a file cannot be read, the endpoint cannot be reached, or a delivery got another status"),
            (.usage, "the command line is invalid"),
            (.dataError, "the secret file contains no secret"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .option("secret-file", value: "file", help: "The endpoint's signing secret: one per line (the first signs), or a connection's secrets file with \"webhook_signing_secret\".", required: true),
        .option("url", value: "url", help: "The webhook URL, http on a loopback address.", required: true),
        .option("duplicate", value: "count", help: "How many times to send each event, one after another. Default: 1."),
        .option("order", value: "order", help: "recorded, reversed or shuffle. Default: recorded."),
        .option("seed", value: "number", help: "The seed of --order shuffle, so a run can be repeated. Default: 1."),
        .option("delay", value: "seconds", help: "Seconds to wait before each delivery after the first. Default: 0."),
        .positional("file", repeating: true, help: "A recorded event file."),
    ]

    let secretFile: String
    let url: String
    let files: [String]
    let copies: Int
    let order: StripeWebhookReplay.Order
    let delaySeconds: Double

    init(arguments: ParsedArguments) throws(CommandError) {
        guard let secretFile = arguments.option("secret-file"), let url = arguments.option("url") else {
            throw .usage("--secret-file and --url are required", hint: "see ledgerport webhook send --help")
        }
        files = arguments.positionalList("file")
        guard !files.isEmpty else { throw .usage("no event file given", hint: "name at least one recorded event file") }
        self.secretFile = secretFile
        self.url = url
        copies = try Self.number(arguments.option("duplicate") ?? "1", option: "--duplicate", minimum: 1)
        delaySeconds = try Self.seconds(arguments.option("delay") ?? "0")
        let seed = UInt64(try Self.number(arguments.option("seed") ?? "1", option: "--seed", minimum: 0))
        switch arguments.option("order") ?? "recorded" {
        case "recorded": order = .recorded
        case "reversed": order = .reversed
        case "shuffle": order = .shuffled(seed: seed)
        case let other: throw .usage("--order \"\(other)\" is not an order", hint: "use recorded, reversed or shuffle")
        }
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let secrets = try WebhookInputFiles.secrets(secretFile, in: context)
        let bodies = try files.map { (file) throws(CommandError) in
            StripeWebhookReplay.body(ofRecording: try WebhookInputFiles.bytes(file, option: "event file", in: context))
        }
        let replay: StripeWebhookReplay
        do {
            replay = try StripeWebhookReplay(url: url, secrets: [secrets[0]], copies: copies, order: order, delaySeconds: delaySeconds)
        } catch {
            throw CommandError.usage(error.message, hint: error.hint)
        }

        // Each line is written as its response arrives, so the events that went through stay on record when a later request fails.
        let deliveries: [StripeWebhookReplay.Delivery]
        do {
            deliveries = try await replay.send(bodies, transport: CurlHTTPTransport(threadCount: 1), clock: SystemClock()) { delivery in
                let reason = delivery.errorCode.map { code in " (\(code)\(delivery.errorMessage.map { ": \($0)" } ?? ""))" } ?? ""
                let duplicate = delivery.duplicate == true ? " (duplicate: stored before)" : ""
                context.standardOutput.writeLine("sent \(delivery.eventID): HTTP \(delivery.status)\(reason)\(duplicate)")
            }
        } catch {
            throw CommandError.failure(error.message, hint: "check that a server listens on \(url); the lines above are the deliveries that got a response")
        }
        let failed = deliveries.filter { !(200...299).contains($0.status) }.count
        guard failed == 0 else {
            throw CommandError.failure("\(failed) of \(deliveries.count) deliveries got a non-2xx response", hint: "the reason of each is shown above; the receiver's log has more")
        }
        return .ok
    }

    private static func number(_ text: String, option: String, minimum: Int) throws(CommandError) -> Int {
        guard let value = Int(text), value >= minimum else {
            throw .usage("\(option) \"\(text)\" is not a whole number of at least \(minimum)")
        }
        return value
    }

    private static func seconds(_ text: String) throws(CommandError) -> Double {
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw .usage("--delay \"\(text)\" is not a number of seconds of at least 0")
        }
        return value
    }
}
