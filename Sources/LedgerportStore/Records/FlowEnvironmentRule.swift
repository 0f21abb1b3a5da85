/// The rule that a flow and both its connections belong to one environment, with an error naming the part to change.
///
/// The store applies it when it creates a flow, and the flow provisioner
/// applies it earlier, so a flow in the wrong environment is refused for that
/// reason before anything else about it is checked.
package enum FlowEnvironmentRule {
    /// Returns the error for a flow in `environment` from `source` to `target`, or nil when all three agree.
    package static func violation(
        flow id: FlowID, environment: EnvironmentName, source: Connection, target: Connection
    ) -> StoreError? {
        let operation = "create flow \"\(id)\""
        if source.environment != target.environment {
            return StoreError.invalidInput(
                operation, "connections \"\(source.id)\" and \"\(target.id)\"",
                "source \"\(source.id)\" is in environment \"\(source.environment)\" and target \"\(target.id)\" in \"\(target.environment)\"",
                hint: "a flow's source and target share one environment: choose two connections of environment \"\(environment)\""
            )
        }
        guard source.environment == environment else {
            return StoreError.invalidInput(
                operation, "connections \"\(source.id)\" and \"\(target.id)\"",
                "both are in environment \"\(source.environment)\", not \"\(environment)\"",
                hint: "create the flow in environment \"\(source.environment)\" (--environment \(source.environment) on the command line, "
                    + "\"environment\" in the admin API), or choose connections of environment \"\(environment)\""
            )
        }
        return nil
    }
}
