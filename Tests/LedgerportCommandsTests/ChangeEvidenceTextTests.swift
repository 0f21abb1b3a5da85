import LedgerportSDK
import Testing

@testable import LedgerportCommands

/// The lines `change-request show` prints for a request's evidence.
@Suite struct ChangeEvidenceTextTests {
    @Test func longTexts_showFromFirstDifference() {
        let common = String(repeating: "Stripe customers to Odoo partners. ", count: 5)
        let evidence: JSONValue = [
            "digest": "abc", "active": ["version": 1, "digest": "def"],
            "content_changes": [["change": "changed", "path": "/description", "from": .string(common + "Old end."), "to": .string(common + "New end.")]],
        ]

        let lines = ChangeEvidenceText.lines(evidence)
        let change = lines.last ?? ""

        #expect(change.contains("Old end."), "\(change)")
        #expect(change.contains("New end."), "\(change)")
        #expect(change.contains("changed /description: …"))
    }

    @Test func shortTexts_showWhole() {
        let evidence: JSONValue = [
            "digest": "abc", "active": .null,
            "content_changes": [["change": "changed", "path": "/version", "from": "1.0.0", "to": "1.1.0"]],
        ]

        let lines = ChangeEvidenceText.lines(evidence)

        #expect(lines.contains(#"    changed /version: "1.0.0" -> "1.1.0""#))
        #expect(lines.contains("  in force: no version"))
    }

    @Test func evidenceWithDigestOnly_printsDigest() {
        #expect(ChangeEvidenceText.lines(["digest": "abc"]) == ["  digest:   abc"])
    }
}
