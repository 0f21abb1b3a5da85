import Foundation
import LedgerportSDK
import Testing

@Suite struct JSONValueEncoderTests {
    /// Writes through every kind of container an `Encodable` can ask for.
    struct Containers: Encodable {
        enum Keys: String, CodingKey {
            case name, nested, list, missing, replaced, shared, parent
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("first", forKey: .replaced)
            try container.encode(7, forKey: .replaced)
            try container.encode("a", forKey: .name)
            try container.encodeNil(forKey: .missing)

            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
            try nested.encode(true, forKey: .name)
            var again = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
            try again.encode(Int64(-3), forKey: .replaced)

            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Keys.self)
            try inner.encode(UInt8(8), forKey: .name)
            var innerList = list.nestedUnkeyedContainer()
            try innerList.encode(Int16(-16))
            try list.encode(Date(timeIntervalSince1970: 0))
            #expect(list.count == 5)

            let shared = container.superEncoder(forKey: .shared)
            var sharedValue = shared.singleValueContainer()
            try sharedValue.encode(2.5)

            let parent = container.superEncoder()
            var parentContainer = parent.container(keyedBy: Keys.self)
            try parentContainer.encode(["k": 1], forKey: .parent)
        }
    }

    @Test func containers_encodeIntoOneDocument() throws {
        let bytes = try JSONValueEncoder().encodeBytes(Containers())
        let expected = #"{"list":["x",null,{"name":8},[-16],"1970-01-01T00:00:00Z"],"missing":null,"name":"a","nested":{"name":true,"replaced":-3},"parent":{"k":1},"replaced":7,"shared":2.5}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    struct Scalars: Encodable {
        var int8: Int8 = -8
        var int32: Int32 = -32
        var uint16: UInt16 = 16
        var uint32: UInt32 = 32
        var uint: UInt = 64
        var float: Float = 0.5
        var double = 1.25
        var json: JSONValue = ["b": [1, "two", nil]]
        var optional: String?
        var present: String? = "here"
        var decimal = ExactDecimal(significand: 12345, scale: 3)
        var strings = ["z": "last", "a": "first"]
    }

    @Test func scalars_encodeExactly() throws {
        let bytes = try JSONValueEncoder().encodeBytes(Scalars())
        let expected = #"{"decimal":12.345,"double":1.25,"float":0.5,"int32":-32,"int8":-8,"json":{"b":[1,"two",null]},"present":"here","strings":{"a":"first","z":"last"},"uint":64,"uint16":16,"uint32":32}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func topLevelValues_encodeWithoutAnObject() throws {
        #expect(try JSONValueEncoder().encode("text") == "text")
        #expect(try JSONValueEncoder().encode([1, 2]) == [1, 2])
        #expect(try JSONValueEncoder().encode(Optional<Int>.none) == nil)
        #expect(try JSONValueEncoder().encode([String: Int]()) == [:])
    }

    struct Empty: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func encoderWithoutWrites_givesEmptyObject() throws {
        #expect(try JSONValueEncoder().encode(Empty()) == [:])
    }

    struct Optionals: Encodable {
        enum Kind: String, Encodable {
            case company
        }

        var absentDate: Date?
        var date: Date? = Date(timeIntervalSince1970: 1.5)
        var absentKind: Kind?
        var kind: Kind? = .company
        var absentList: [Int]?
        var list: [Int]? = [1]
        var absentObject: Scalars?
        var object: Empty? = Empty()
    }

    @Test func optionalMembers_skipNil() throws {
        let bytes = try JSONValueEncoder().encodeBytes(Optionals())
        let expected = #"{"date":"1970-01-01T00:00:01.500Z","kind":"company","list":[1],"object":{}}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    /// Writes a single value, then members, then elements, so each container replaces what came before.
    struct ChangingShape: Encodable {
        enum Keys: String, CodingKey {
            case name
        }

        func encode(to encoder: any Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode("dropped")
            var keyed = encoder.container(keyedBy: Keys.self)
            try keyed.encode("dropped too", forKey: .name)
            var list = encoder.unkeyedContainer()
            try list.encode("kept")
        }
    }

    @Test func laterContainer_replacesEarlierWrites() throws {
        #expect(try JSONValueEncoder().encode(ChangingShape()) == ["kept"])
    }

    @Test func nonFiniteDouble_isRejected() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["x": Double.nan]) }
    }

    @Test func unsignedBeyondInt64_isRejected() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["x": UInt64.max]) }
    }
}
