import LedgerportStore

/// The `--as` option of every command that changes something, and the actor its audit entries record.
///
/// The actor is the first of these that is set:
///
/// 1. `--as EMAIL`, which must be an email address;
/// 2. `$LEDGERPORT_ACTOR`, which must be an email address too;
/// 3. `$USER`, then `$LOGNAME`, recorded as `cli:<user>`.
///
/// Email addresses are recorded trimmed and lowercased (see ``ActorIdentity``).
/// Governance steps (proposing, deciding and applying change requests) need
/// an email address, because the two-approver rule distinguishes people by it:
/// for them the user name of step 3 counts only when it is an email address.
/// When no actor is found, the command fails with a usage error before it
/// opens the store, so nothing is audited as an unknown person.
enum ActorOption {
    /// The option's name, without dashes.
    static let name = "as"
    /// The environment variable read when `--as` is absent.
    static let environmentVariable = "LEDGERPORT_ACTOR"

    /// The kind of change a command makes, which decides whether a user name is enough.
    enum Action {
        /// Any change other than a governance step; a user name is recorded as `cli:<user>`.
        case change
        /// Proposing, deciding or applying a change request; only an email address is accepted.
        case governance
    }

    /// The option of a command that changes something other than a change request.
    static let definition = ArgumentDefinition.option(
        name, value: "email",
        help: "The person acting, as an email address, recorded in the audit log. Default: $LEDGERPORT_ACTOR, then cli:$USER."
    )

    /// Builds the option of a governance command; `role` is what the log records the person as, such as "the reviewer".
    static func governanceDefinition(recordedAs role: String) -> ArgumentDefinition {
        .option(
            name, value: "email",
            help: "The person acting, as an email address, recorded in the audit log as \(role). "
                + "Default: $LEDGERPORT_ACTOR, then $USER when it is an email address."
        )
    }

    /// Reads `--as` when it is given, rejecting a value that is not an email address; returns it normalized.
    static func parse(_ arguments: ParsedArguments) throws(CommandError) -> String? {
        guard let value = arguments.option(name) else {
            return nil
        }
        return try emailAddress(value, source: "--as")
    }

    /// Returns the actor to record: the parsed `--as` value, else the first of `$LEDGERPORT_ACTOR`, `$USER` and `$LOGNAME` that fits `action`.
    static func resolve(_ given: String?, in context: CommandContext, for action: Action) throws(CommandError) -> String {
        if let given {
            return given
        }
        if let value = nonBlank(context.environment[environmentVariable]) {
            return try emailAddress(value, source: "$\(environmentVariable)")
        }
        let user = nonBlank(context.environment["USER"]) ?? nonBlank(context.environment["LOGNAME"])
        switch (action, user) {
        case (.change, let user?):
            return "cli:\(user)"
        case (.governance, let user?) where ActorIdentity.isPlausibleEmail(user):
            return ActorIdentity.normalized(user)
        case (.governance, let user?):
            throw .usage(
                "missing the person acting: $USER \"\(user)\" is not an email address, and neither --as nor $\(environmentVariable) is set",
                hint: "pass --as EMAIL, such as --as controller@acme.example; change requests record people by email address")
        case (_, nil):
            throw .usage(
                "missing the person acting: none of --as, $\(environmentVariable) and $USER is set",
                hint: "pass --as EMAIL, such as --as controller@acme.example, or set $\(environmentVariable)")
        }
    }

    private static func emailAddress(_ value: String, source: String) throws(CommandError) -> String {
        guard ActorIdentity.isPlausibleEmail(value) else {
            throw .usage(
                "invalid \(source) \"\(value)\": expected an email address such as controller@acme.example",
                hint: "the audit log and the two-approver rule identify people by their email address")
        }
        return ActorIdentity.normalized(value)
    }

    private static func nonBlank(_ value: String?) -> String? {
        guard let value, !value.allSatisfy(\.isWhitespace) else {
            return nil
        }
        return value
    }
}
