import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportCore

@Suite struct SpecsDirectoryTests {
    /// A folder with a `connector-specs/connector-spec.schema.json` inside.
    private func makeCheckout() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write(Array("{}".utf8), to: "connector-specs/connector-spec.schema.json")
        return folder
    }

    @Test func option_winsOverEverythingElse() throws {
        let checkout = try makeCheckout()
        let found = try SpecsDirectory.locate(
            option: checkout.path + "/connector-specs", environment: [SpecsDirectory.environmentVariable: "/elsewhere"],
            currentDirectory: "/", executablePath: nil
        )
        #expect(found == SpecsDirectory(path: checkout.path + "/connector-specs", source: .option))
    }

    @Test func invalidOption_isAnErrorNotAFallback() throws {
        let checkout = try makeCheckout()
        #expect(throws: SpecsDirectoryError.invalid(path: "/no/such/specs", source: .option)) {
            try SpecsDirectory.locate(option: "/no/such/specs", environment: [:], currentDirectory: checkout.path, executablePath: nil)
        }
    }

    @Test func environmentVariable_comesSecond() throws {
        let checkout = try makeCheckout()
        let found = try SpecsDirectory.locate(
            option: nil, environment: [SpecsDirectory.environmentVariable: checkout.path + "/connector-specs"],
            currentDirectory: "/", executablePath: nil
        )
        #expect(found.source == .environment)
        #expect(throws: SpecsDirectoryError.invalid(path: checkout.path, source: .environment)) {
            try SpecsDirectory.locate(option: nil, environment: [SpecsDirectory.environmentVariable: checkout.path], currentDirectory: "/", executablePath: nil)
        }
    }

    @Test func workingDirectory_comesThird() throws {
        let checkout = try makeCheckout()
        let found = try SpecsDirectory.locate(option: nil, environment: [:], currentDirectory: checkout.path, executablePath: "/usr/bin/ledgerport")
        #expect(found == SpecsDirectory(path: checkout.path + "/connector-specs", source: .workingDirectory))
    }

    @Test func executableFolder_isSearchedUpward() throws {
        let checkout = try makeCheckout()
        let executable = try checkout.write(Array("binary".utf8), to: ".build/x86_64-unknown-linux-gnu/debug/ledgerport")
        let found = try SpecsDirectory.locate(option: nil, environment: [:], currentDirectory: "/", executablePath: executable)
        #expect(found.source == .executable)
        #expect(URL(fileURLWithPath: found.path).resolvingSymlinksInPath().path == URL(fileURLWithPath: checkout.path + "/connector-specs").resolvingSymlinksInPath().path)
    }

    @Test func nothingFound_explainsTheOptions() {
        #expect(throws: SpecsDirectoryError.notFound(searchedFrom: "/")) {
            try SpecsDirectory.locate(option: nil, environment: [:], currentDirectory: "/", executablePath: "/ledgerport")
        }
        #expect(SpecsDirectoryError.notFound(searchedFrom: "/").description.contains("pass --specs DIR or set LEDGERPORT_SPECS_DIR"))
    }
}
