import LedgerportCore
import Testing

@testable import LedgerportRuntime

/// The start-up log names where serve's specs folder came from: serve has no --specs option.
@Suite struct SpecsSourceTests {
    private let folder = "/srv/ledgerport/connector-specs"

    @Test func fromConfiguration_namesSpecsDir() {
        let directory = SpecsDirectory(path: folder, source: .option)

        #expect(Runtime.specsSource(directory, environment: [:]) == "specs_dir in the configuration")
    }

    @Test func fromVariable_namesVariable() {
        let directory = SpecsDirectory(path: folder, source: .option)

        #expect(Runtime.specsSource(directory, environment: ["LEDGERPORT_SPECS_DIR": folder]) == "LEDGERPORT_SPECS_DIR")
    }

    @Test func foundBySearch_keepsItsSource() {
        let directory = SpecsDirectory(path: folder, source: .executable)

        #expect(Runtime.specsSource(directory, environment: [:]) == "above the executable")
    }
}
