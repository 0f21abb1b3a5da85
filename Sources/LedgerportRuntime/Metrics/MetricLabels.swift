/// Label names and values of one time series, kept sorted by name.
package struct MetricLabels: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    package let pairs: [(name: String, value: String)]

    package init(_ labels: [String: String]) {
        pairs = labels.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// Sorts the pairs by name. Of two pairs with one name, the later one wins, as in a dictionary literal.
    ///
    /// Built without a dictionary: ingest and delivery make a few of these per event or batch.
    package init(dictionaryLiteral elements: (String, String)...) {
        var sorted = [(name: String, value: String)]()
        sorted.reserveCapacity(elements.count)
        for (name, value) in elements {
            if let index = sorted.firstIndex(where: { $0.name == name }) {
                sorted[index].value = value
            } else {
                sorted.append((name: name, value: value))
            }
        }
        if sorted.count > 1 {
            sorted.sort { $0.name < $1.name }
        }
        pairs = sorted
    }

    package static let none = MetricLabels([:])

    /// The labels in Prometheus text form, such as `{tenant="acme",flow="invoices"}`; empty when there are none.
    package func rendered(adding extra: (name: String, value: String)? = nil) -> String {
        var all = pairs
        if let extra {
            all.append(extra)
        }
        guard !all.isEmpty else {
            return ""
        }
        return "{" + all.map { "\($0.name)=\"\(Self.escape($0.value))\"" }.joined(separator: ",") + "}"
    }

    private static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    package static func == (lhs: MetricLabels, rhs: MetricLabels) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    package func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}
