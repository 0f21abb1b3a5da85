import LedgerportStore
import Testing

/// ``StoreValidation/validateNotBlank(_:operation:valueName:)``: its ASCII shortcut and its Unicode check give the same verdicts.
@Suite struct StoreValidationTests {
    @Test(arguments: ["evt_1", "  evt_1", "\tx", "\u{00A0}evt", "é", "\u{2003}\u{00E9}"])
    func notBlank_acceptsTextWithAVisibleCharacter(text: String) throws {
        try StoreValidation.validateNotBlank(text, operation: "ingest event", valueName: "source event id")
    }

    @Test(arguments: ["", " ", "\t\n", "\u{00A0}", "\u{2003}\u{3000}"])
    func notBlank_rejectsWhitespaceOnly(text: String) {
        #expect(throws: StoreError.self) {
            try StoreValidation.validateNotBlank(text, operation: "ingest event", valueName: "source event id")
        }
    }

    @Test func notBlank_buildsTheOperationOnlyForAnError() throws {
        var built = 0
        let operation = { () -> String in
            built += 1
            return "ingest event"
        }
        try StoreValidation.validateNotBlank("evt_1", operation: operation(), valueName: "source event id")
        #expect(built == 0)

        #expect(throws: StoreError.self) {
            try StoreValidation.validateNotBlank(" ", operation: operation(), valueName: "source event id")
        }
        #expect(built == 1)
    }
}
