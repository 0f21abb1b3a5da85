import LedgerportSDK
import Testing

@Suite struct SemanticVersionTests {
    @Test(arguments: [
        ("1.2.3", SemanticVersion(major: 1, minor: 2, patch: 3)),
        ("0.0.0", SemanticVersion(major: 0, minor: 0, patch: 0)),
        ("10.20.30", SemanticVersion(major: 10, minor: 20, patch: 30)),
        ("1.0.0-beta.1", SemanticVersion(major: 1, minor: 0, patch: 0, prerelease: "beta.1")),
        ("1.0.0-rc-2", SemanticVersion(major: 1, minor: 0, patch: 0, prerelease: "rc-2")),
        ("1.0.0-0A.z", SemanticVersion(major: 1, minor: 0, patch: 0, prerelease: "0A.z")),
        ("9223372036854775807.0.1", SemanticVersion(major: Int.max, minor: 0, patch: 1)),
    ])
    func validText_parses(text: String, expected: SemanticVersion) {
        #expect(SemanticVersion(text) == expected)
        #expect(SemanticVersion(text)?.description == text)
    }

    @Test(arguments: [
        "", "1", "1.2", "1.2.3.4", "1..3", ".1.2", "1.2.", "01.2.3", "1.02.3", "1.2.03", "a.b.c", "1.2.3-", "1.2.3+build",
        "1.2.3-beta_1", "1.2.3-bêta", "-1.2.3", "1.-2.3", " 1.2.3", "1.2.3 ", "１.2.3", "1.2.3-beta 1", "9223372036854775808.0.0",
        "1.2.3\u{301}", "1.2.3-a\u{301}",
    ])
    func invalidText_isRejected(text: String) {
        #expect(SemanticVersion(text) == nil)
    }
}
