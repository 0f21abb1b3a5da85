/// `ledgerport webhook`: tools for a connector's webhooks, for diagnosing signatures and playing events.
enum WebhookCommand: CommandGroup {
    static let help = CommandHelp(
        name: "webhook",
        abstract: "Check webhook signatures and play recorded webhooks to an endpoint.",
        examples: [
            .init(
                "ledgerport webhook verify --connector stripe --secret-file whsec.txt --header \"$STRIPE_SIGNATURE\" --body-file event.json",
                "Check why a Stripe signature fails."
            ),
            .init("ledgerport webhook send --secret-file whsec.txt --url http://127.0.0.1:8080/hook event.json", "Sign a recorded event and post it to a local endpoint."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        WebhookVerifyCommand.self,
        WebhookSendCommand.self,
    ]
}
