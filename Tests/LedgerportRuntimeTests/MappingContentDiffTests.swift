import LedgerportRuntime
import LedgerportSDK
import Testing

/// ``MappingContentDiff`` reports member by member what changed between two mapping documents.
@Suite struct MappingContentDiffTests {
    @Test func changedMember_reportsItsPath() {
        let diff = MappingContentDiff(
            from: ["operations": [["values": ["name": ["path": "object.name"]]]]],
            to: ["operations": [["values": ["name": ["path": "object.display_name"]]]]])

        #expect(diff.changes.map(\.path) == ["/operations/0/values/name/path"])
        #expect(diff.changes.first?.kind == .changed)
        #expect(diff.changes.first?.from == "object.name")
        #expect(diff.changes.first?.to == "object.display_name")
    }

    @Test func addedAndRemoved_reportedInKeyOrder() {
        let diff = MappingContentDiff(from: ["a": 1, "c": 3], to: ["b": 2, "c": 3])

        #expect(diff.changes.map(\.kind) == [.removed, .added])
        #expect(diff.changes.map(\.path) == ["/a", "/b"])
    }

    @Test func objectsWithoutCommonKey_areOneChange() {
        let diff = MappingContentDiff(from: ["ref": ["path": "object.id"]], to: ["ref": ["concat": ["stripe:", ["path": "object.id"]]]])

        #expect(diff.changes.map(\.path) == ["/ref"])
        #expect(diff.changes.first?.kind == .changed)
        #expect(diff.changes.first?.from == ["path": "object.id"])
    }

    @Test func longerArray_reportsElementsAtItsEnd() {
        let diff = MappingContentDiff(from: ["ops": [1]], to: ["ops": [1, 2, 3]])

        #expect(diff.changes.map(\.path) == ["/ops/1", "/ops/2"])
        #expect(diff.changes.allSatisfy { $0.kind == .added })
    }

    @Test func keyWithSlash_isEscaped() {
        let diff = MappingContentDiff(from: ["a/b~c": 1], to: ["a/b~c": 2])

        #expect(diff.changes.map(\.path) == ["/a~1b~0c"])
    }

    @Test func changesBeyondLimit_areCounted() {
        let diff = MappingContentDiff(from: ["a": 1, "b": 1, "c": 1], to: ["a": 2, "b": 2, "c": 2], limit: 2)

        #expect(diff.changes.count == 2)
        #expect(diff.omitted == 1)
    }

    @Test func equalDocuments_haveNoChanges() {
        let diff = MappingContentDiff(from: ["a": [1, ["b": true]]], to: ["a": [1, ["b": true]]])

        #expect(diff.changes.isEmpty)
        #expect(diff.json == [])
    }
}
