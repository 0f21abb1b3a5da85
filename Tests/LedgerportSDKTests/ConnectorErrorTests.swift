import LedgerportSDK
import Testing

/// How a connector error reads in logs, dead letters and the CLI.
@Suite struct ConnectorErrorTests {
    @Test func targetMessageWithLineBreak_staysOnOneLine() {
        let error = ConnectorError(
            .configuration, code: "odoo_database_missing", message: "authenticate on database \"nosuch\": it does not exist",
            hint: "check the database name of the Odoo connection",
            targetMessage: "connection to server failed: FATAL:  database \"nosuch\" does not exist\n")

        #expect(
            error.description
                == #"authenticate on database "nosuch": it does not exist [configuration, odoo_database_missing]; "#
                + #"target says: connection to server failed: FATAL:  database "nosuch" does not exist; check the database name of the Odoo connection"#)
    }

    @Test func blankTargetMessage_isLeftOut() {
        let error = ConnectorError(.transient, code: "odoo_unavailable", message: "call Odoo: timed out", targetMessage: " \n")

        #expect(error.description == "call Odoo: timed out [transient, odoo_unavailable]")
    }
}
