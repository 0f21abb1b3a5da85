import Foundation
import LedgerportJSONSchema
import LedgerportSDK
import Testing

@testable import LedgerportCore

/// Specs broken in one way each: every issue must name the file and the JSON Pointer.
@Suite struct BadSpecTests {
    @Test func wrongKind_namesFileAndPointer() throws {
        let (file, issues) = try issuesOf(try repositorySpecDocument("stripe").replacing("/kind", with: "sink"))
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.file == file)
        #expect(issue.pointer.description == "/kind")
        #expect(issue.rule == "enum")
        #expect(issue.fix == #"expected one of "source", "target""#)
        #expect(issue.description.hasPrefix("\(file): /kind: "))
    }

    @Test func missingVersion_asksToAddIt() throws {
        let (file, issues) = try issuesOf(try repositorySpecDocument("stripe").replacing("/version", with: nil))
        let issue = try #require(issues.first { $0.rule == "required" })
        #expect(issue.file == file)
        #expect(issue.pointer == .root)
        #expect(issue.message == #"required property "version" is missing"#)
        #expect(issue.fix == #"add the required property "version""#)
    }

    @Test func badSemanticVersion_isRejectedAtVersion() throws {
        let (file, issues) = try issuesOf(try repositorySpecDocument("stripe").replacing("/version", with: "1.0"), at: "stripe/1.0.json")
        #expect(issues.map(\.rule) == ["pattern"])
        #expect(issues.first?.file == file)
        #expect(issues.first?.pointer.description == "/version")
    }

    @Test func leadingZeroVersion_isRejected() throws {
        let (_, issues) = try issuesOf(try repositorySpecDocument("stripe").replacing("/version", with: "1.02.0"), at: "stripe/1.02.0.json")
        #expect(issues.map(\.pointer.description) == ["/version"])
    }

    @Test func unknownTopLevelKeyword_suggestsKnownOne() throws {
        let (_, issues) = try issuesOf(try repositorySpecDocument("stripe").replacing("/summry", with: "typo"))
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.pointer.description == "/summry")
        #expect(issue.rule == "additionalProperties")
        #expect(issue.fix.hasPrefix(#"did you mean "summary"? "#))
    }

    @Test func unknownKeywordInObjectSchema_pointsIntoTheSpec() throws {
        let document = try repositorySpecDocument("stripe").replacing("/objects/0/schema/properties/id/patern", with: "^cus_")
        let (file, issues) = try issuesOf(document)
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.file == file)
        #expect(issue.rule == "object_schema")
        #expect(issue.pointer.description == "/objects/0/schema/properties/id/patern")
        #expect(issue.message == #"unknown keyword "patern""#)
    }

    @Test func realisticSecretExample_isRejected() throws {
        let document = try repositorySpecDocument("stripe").replacing("/configuration/api_key/example", with: "sk_live_51H8xQ2eZvKYlo2CabcdefGHIJ")
        let (file, issues) = try issuesOf(document)
        #expect(issues.map(\.rule) == ["secret_example"])
        #expect(issues.first?.file == file)
        #expect(issues.first?.pointer.description == "/configuration/api_key/example")
        #expect(issues.first?.fix.contains("REPLACE_ME") == true)
    }

    @Test func mismatchedFolder_namesIdPointer() throws {
        let (file, issues) = try issuesOf(try repositorySpecDocument("stripe"), at: "strype/1.0.0.json")
        #expect(issues.count == 1)
        #expect(issues.first?.file == file)
        #expect(issues.first?.rule == "file_path")
        #expect(issues.first?.pointer.description == "/id")
        #expect(issues.first?.fix == #"move the file to stripe/1.0.0.json, or correct "id""#)
    }

    @Test func mismatchedFileName_namesVersionPointer() throws {
        let (_, issues) = try issuesOf(try repositorySpecDocument("stripe"), at: "stripe/1.1.0.json")
        #expect(issues.map(\.rule) == ["file_path"])
        #expect(issues.first?.pointer.description == "/version")
        #expect(issues.first?.fix == #"rename the file to 1.0.0.json, or correct "version""#)
    }

    @Test func duplicateIdAndVersion_isReportedOnSecondFile() throws {
        let folder = try TemporaryDirectory()
        let document = try repositorySpecDocument("stripe")
        let first = try folder.write(document, to: "a/stripe/1.0.0.json")
        let second = try folder.write(document, to: "b/stripe/1.0.0.json")

        let result = repositoryLoader.load(paths: [folder.path])
        #expect(result.issues.count == 1)
        let issue = try #require(result.issues.first)
        #expect(issue.rule == "duplicate_connector")
        #expect(issue.file == second)
        #expect(issue.pointer == .root)
        #expect(issue.message == "stripe@1.0.0 is also defined in \(first)")
        #expect(result.specs.count == 1)
    }

    @Test func invalidJSON_namesLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Array("{\n  \"id\": \"stripe\",\n  \"version\" \"1.0.0\"\n}".utf8), to: "stripe/1.0.0.json")
        let (_, issues) = repositoryLoader.loadFile(file)
        #expect(issues.map(\.rule) == ["json_syntax"])
        #expect(issues.first?.file == file)
        #expect(issues.first?.fix == "correct the JSON at line 3, column 13")
    }

    @Test func camelCaseConfigurationField_isRejected() throws {
        var document = try repositorySpecDocument("stripe")
        document = document.replacing("/configuration/apiBaseUrl", with: document["configuration"]!["api_base_url"]!)
        let (_, issues) = try issuesOf(document)
        #expect(issues.map(\.pointer.description) == ["/configuration/apiBaseUrl"])
        #expect(issues.first?.rule == "pattern")
    }

    @Test func severalProblems_areAllReported() throws {
        let document = try repositorySpecDocument("stripe")
            .replacing("/kind", with: "sink")
            .replacing("/stability", with: "gamma")
            .replacing("/publisher", with: nil)
        let (_, issues) = try issuesOf(document)
        #expect(Set(issues.map(\.pointer.description)) == ["/kind", "/stability", ""])
        #expect(issues.count == 3)
    }

    @Test func missingPath_isFileNotFound() {
        let result = repositoryLoader.load(paths: ["/nonexistent/ledgerport/specs"])
        #expect(result.issues.map(\.rule) == ["file_not_found"])
        #expect(result.issues.first?.file == "/nonexistent/ledgerport/specs")
    }
}
