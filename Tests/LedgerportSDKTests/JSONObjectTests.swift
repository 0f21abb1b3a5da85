import LedgerportSDK
import Testing

@Suite struct JSONObjectTests {
    /// Keys that share their first eight bytes, differ in length, or have bytes above 0x7f, in UTF-8 byte order.
    static let orderedKeys = ["", "a", "a\u{0}", "billing", "billing\u{0}x", "billing_cycle_anchor", "billing_reason", "billingz", "b\u{e9}", "z", "\u{e9}"]

    @Test func members_iterateInUTF8ByteOrder() {
        let object = JSONObject(JSONObjectTests.orderedKeys.reversed().map { ($0, JSONValue.string($0)) })
        #expect(Array(object.keys) == JSONObjectTests.orderedKeys)
        for key in JSONObjectTests.orderedKeys {
            #expect(object[key] == .string(key))
        }
        #expect(object["billing_cycle"] == nil)
        #expect(object["a\u{0}\u{0}"] == nil)
    }

    @Test func repeatedKey_keepsTheLastValue() {
        let object = JSONObject([("b", JSONValue(1)), ("a", 2), ("b", 3), ("a", 4), ("c", 5)])
        #expect(Array(object.keys) == ["a", "b", "c"])
        #expect(object["a"] == 4)
        #expect(object["b"] == 3)
    }

    @Test func settingAndRemoving_keepOrder() {
        var object: JSONObject = ["m": 1, "c": 2]
        object["x"] = 3
        object["a"] = 4
        object["c"] = 5
        #expect(Array(object.keys) == ["a", "c", "m", "x"])
        #expect(object.removeValue(forKey: "m") == 1)
        object["x"] = nil
        object["absent"] = nil
        #expect(object == ["a": 4, "c": 5])
        #expect(object.updateValue(6, forKey: "c") == 5)
        #expect(object["c"] == 6)
    }

    @Test func equality_ignoresTheOrderMembersWereGiven() {
        let first = JSONObject(["x": 1, "y": ["b": true, "a": false]])
        let second: JSONObject = ["y": ["a": false, "b": true], "x": 1]
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != ["x": 1])
    }

    @Test func merge_combinesSharedKeysAndKeepsOrder() {
        var object: JSONObject = ["a": 1, "c": 3, "e": 5]
        object.merge(["b": 20, "c": 30, "f": 60]) { old, new in old == 3 ? new : old }
        #expect(Array(object.keys) == ["a", "b", "c", "e", "f"])
        #expect(object["c"] == 30)
        #expect(object.merging([:]) { old, _ in old } == object)
    }

    @Test func dictionaryRoundTrip_andTransforms() {
        let dictionary: [String: JSONValue] = ["k2": 2, "k10": 10, "k1": 1]
        let object = JSONObject(dictionary)
        #expect(Array(object.keys) == ["k1", "k10", "k2"])
        #expect(object.dictionary == dictionary)
        #expect(object.filter { $0.key != "k10" } == ["k1": 1, "k2": 2])
        #expect(object.compactMapValues { $0 == 10 ? JSONValue?.none : $0 } == ["k1": 1, "k2": 2])
        #expect(object.mapValues { $0.int64Value ?? 0 } == ["k1": 1, "k10": 10, "k2": 2])
    }

    @Test func parser_sortsMembersAndWriterKeepsThem() throws {
        let text = #"{"object":"event","id":"evt_1","data":{"object":{"id":"cus_1","email":"a@example.com","address":null}}}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue.map { Array($0.keys) } == ["data", "id", "object"])
        #expect(value["data"]?["object"]?["email"] == "a@example.com")
        #expect(JSONWriter.string(value) == #"{"data":{"object":{"address":null,"email":"a@example.com","id":"cus_1"}},"id":"evt_1","object":"event"}"#)
    }
}
