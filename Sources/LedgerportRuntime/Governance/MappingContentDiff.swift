import LedgerportSDK

/// The differences between two mapping documents, member by member, as a reviewer reads them in a change request.
///
/// Objects are compared key by key in byte order of the keys, and arrays
/// element by element, so a changed field of the third operation is reported
/// at `/operations/2/fields/...` rather than as a whole new operation. Two
/// objects without a key in common are one change. An array that grows or
/// shrinks reports the added or removed elements at its end.
package struct MappingContentDiff: Sendable, Hashable {
    /// One difference at a JSON Pointer.
    package struct Change: Sendable, Hashable {
        package enum Kind: String, Sendable {
            case added
            case removed
            case changed
        }

        package let kind: Kind
        /// The JSON Pointer (RFC 6901) of the member or element.
        package let path: String
        /// The value in the older document; nil when added.
        package let from: JSONValue?
        /// The value in the newer document; nil when removed.
        package let to: JSONValue?
    }

    /// The differences in document order, at most ``limit`` of them.
    package private(set) var changes: [Change] = []
    /// How many differences were found beyond ``limit`` and left out.
    package private(set) var omitted = 0
    /// The maximum number of differences kept; the rest are only counted.
    package let limit: Int

    /// Compares `old` with `new`, keeping at most `limit` differences.
    package init(from old: JSONValue, to new: JSONValue, limit: Int = 100) {
        self.limit = limit
        compare(old, new, at: "")
    }

    private mutating func compare(_ old: JSONValue, _ new: JSONValue, at path: String) {
        switch (old, new) {
        case (.object(let left), .object(let right)) where !left.isEmpty && !right.isEmpty && Set(left.keys).isDisjoint(with: right.keys):
            // An expression of another kind (`{"path"}` becoming `{"concat"}`) reads best as one change.
            record(Change(kind: .changed, path: path, from: old, to: new))
        case (.object(let left), .object(let right)):
            let keys = Set(left.keys).union(right.keys).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for key in keys {
                let member = path + "/" + Self.escape(key)
                switch (left[key], right[key]) {
                case (let before?, let after?): compare(before, after, at: member)
                case (let before?, nil): record(Change(kind: .removed, path: member, from: before, to: nil))
                case (nil, let after?): record(Change(kind: .added, path: member, from: nil, to: after))
                case (nil, nil): break
                }
            }
        case (.array(let left), .array(let right)):
            for index in 0..<max(left.count, right.count) {
                let element = "\(path)/\(index)"
                if index >= right.count {
                    record(Change(kind: .removed, path: element, from: left[index], to: nil))
                } else if index >= left.count {
                    record(Change(kind: .added, path: element, from: nil, to: right[index]))
                } else {
                    compare(left[index], right[index], at: element)
                }
            }
        default:
            if old != new {
                record(Change(kind: .changed, path: path, from: old, to: new))
            }
        }
    }

    private mutating func record(_ change: Change) {
        if changes.count < limit {
            changes.append(change)
        } else {
            omitted += 1
        }
    }

    /// Escapes a key as a JSON Pointer reference token: `~` as `~0`, `/` as `~1`.
    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The JSON form stored in a change request's evidence: `[{"change", "path", "from", "to"}]`, without `from` when
    /// added and without `to` when removed.
    package var json: JSONValue {
        .array(changes.map { change in
            var members: JSONObject = ["change": .string(change.kind.rawValue), "path": .string(change.path)]
            if let from = change.from { members["from"] = from }
            if let to = change.to { members["to"] = to }
            return .object(members)
        })
    }
}
