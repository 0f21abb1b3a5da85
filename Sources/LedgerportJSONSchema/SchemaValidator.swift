import LedgerportSDK

/// Walks an instance against compiled ``SchemaNode``s and collects issues.
///
/// Within one schema, a type mismatch is reported alone: the other keywords
/// of that schema would only repeat it. Objects are checked in sorted key
/// order so that the issue list is stable from run to run.
struct SchemaValidator {
    let nodes: [SchemaNode]
    let file: String?
    var issues: [ValidationIssue] = []

    init(nodes: [SchemaNode], file: String?) {
        self.nodes = nodes
        self.file = file
    }

    mutating func validate(_ value: JSONValue, against nodeIndex: Int, at pointer: JSONPointer) {
        let node = nodes[nodeIndex]
        if let result = node.constantResult {
            if !result {
                report(pointer, node, "false", "no value is allowed here", fix: "remove \(MessageText.describe(value))")
            }
            return
        }
        if let reference = node.reference {
            validate(value, against: reference, at: pointer)
        }
        guard checkType(value, node, at: pointer) else {
            return
        }
        checkValues(value, node, at: pointer)
        switch value {
        case .string(let text): checkString(text, node, at: pointer)
        case .number(let number): checkNumber(number, node, at: pointer)
        case .array(let elements): checkArray(elements, node, at: pointer)
        case .object(let members): checkObject(members, node, at: pointer)
        case .null, .bool: break
        }
        checkCombinators(value, node, at: pointer)
    }

    // MARK: - Keywords for every type

    private mutating func checkType(_ value: JSONValue, _ node: SchemaNode, at pointer: JSONPointer) -> Bool {
        guard let types = node.types, !types.contains(where: { $0.matches(value) }) else {
            return true
        }
        let expected = types.map(\.rawValue).joined(separator: " or ")
        let found = value.isNull ? "null" : "\(value.typeName) \(MessageText.describe(value))"
        report(pointer, node, "type", "expected \(expected) but found \(found)", fix: "change the value to \(article(for: types[0].rawValue)) \(expected)")
        return false
    }

    private mutating func checkValues(_ value: JSONValue, _ node: SchemaNode, at pointer: JSONPointer) {
        if let allowed = node.enumeration, !allowed.contains(where: { $0 == value }) {
            let choices = allowed.map(MessageText.describe).joined(separator: ", ")
            let hint = value.stringValue.map { MessageText.didYouMean($0, among: allowed.compactMap(\.stringValue)) } ?? ""
            report(pointer, node, "enum", "value \(MessageText.describe(value)) is not allowed", fix: "\(hint)expected one of \(choices)")
        }
        if let expected = node.constant.first, expected != value {
            report(pointer, node, "const", "value \(MessageText.describe(value)) is not the required value", fix: "set it to \(MessageText.describe(expected))")
        }
    }

    // MARK: - Strings and numbers

    private mutating func checkString(_ text: String, _ node: SchemaNode, at pointer: JSONPointer) {
        let length = text.unicodeScalars.count
        if let minimum = node.minLength, length < minimum {
            report(pointer, node, "minLength", "text \(MessageText.describe(.string(text))) has \(length) characters, fewer than the minimum \(minimum)", fix: "use at least \(minimum) characters")
        }
        if let maximum = node.maxLength, length > maximum {
            report(pointer, node, "maxLength", "text \(MessageText.describe(.string(text))) has \(length) characters, more than the maximum \(maximum)", fix: "shorten it to at most \(maximum) characters")
        }
        if let pattern = node.pattern, !pattern.matches(text) {
            report(pointer, node, "pattern", "text \(MessageText.describe(.string(text))) does not match the pattern \(MessageText.quote(pattern.source))", fix: "change the value to match \(MessageText.quote(pattern.source))")
        }
        if let format = node.format, !format.accepts(text) {
            report(pointer, node, "format", "text \(MessageText.describe(.string(text))) is not \(format.phrase)", fix: "use \(format.phrase), such as \(MessageText.quote(format.example))")
        }
    }

    private mutating func checkNumber(_ number: JSONNumber, _ node: SchemaNode, at pointer: JSONPointer) {
        if let minimum = node.minimum, NumberComparison.compare(number, minimum) < 0 {
            report(pointer, node, "minimum", "\(number) is less than the minimum \(minimum)", fix: "use a value of at least \(minimum)")
        }
        if let maximum = node.maximum, NumberComparison.compare(number, maximum) > 0 {
            report(pointer, node, "maximum", "\(number) is greater than the maximum \(maximum)", fix: "use a value of at most \(maximum)")
        }
        if let bound = node.exclusiveMinimum, NumberComparison.compare(number, bound) <= 0 {
            report(pointer, node, "exclusiveMinimum", "\(number) is not greater than \(bound)", fix: "use a value greater than \(bound)")
        }
        if let bound = node.exclusiveMaximum, NumberComparison.compare(number, bound) >= 0 {
            report(pointer, node, "exclusiveMaximum", "\(number) is not less than \(bound)", fix: "use a value less than \(bound)")
        }
    }

    // MARK: - Arrays and objects

    private mutating func checkArray(_ elements: [JSONValue], _ node: SchemaNode, at pointer: JSONPointer) {
        if let minimum = node.minItems, elements.count < minimum {
            report(pointer, node, "minItems", "the array has \(elements.count) items, fewer than the minimum \(minimum)", fix: "add at least \(minimum - elements.count) more")
        }
        if let maximum = node.maxItems, elements.count > maximum {
            report(pointer, node, "maxItems", "the array has \(elements.count) items, more than the maximum \(maximum)", fix: "remove at least \(elements.count - maximum)")
        }
        if node.uniqueItems, let (first, second) = firstDuplicate(in: elements) {
            report(pointer.appending(second), node, "uniqueItems", "item \(second) repeats item \(first), \(MessageText.describe(elements[first]))", fix: "list each value once")
        }
        if let items = node.items {
            for (offset, element) in elements.enumerated() {
                validate(element, against: items, at: pointer.appending(offset))
            }
        }
    }

    private func firstDuplicate(in elements: [JSONValue]) -> (Int, Int)? {
        for second in elements.indices {
            for first in 0..<second where elements[first] == elements[second] {
                return (first, second)
            }
        }
        return nil
    }

    private mutating func checkObject(_ members: JSONObject, _ node: SchemaNode, at pointer: JSONPointer) {
        for name in node.required where members[name] == nil {
            report(pointer, node, "required", "required property \(MessageText.quote(name)) is missing", fix: "add the required property \(MessageText.quote(name))")
        }
        for name in members.keys.sorted() {
            let value = members[name]!
            let place = pointer.appending(name)
            if let propertyNames = node.propertyNames {
                validate(.string(name), against: propertyNames, at: place)
            }
            if let schema = node.properties[name] {
                validate(value, against: schema, at: place)
                continue
            }
            switch node.additionalProperties {
            case .allowed:
                break
            case .schema(let schema):
                validate(value, against: schema, at: place)
            case .forbidden:
                let known = node.properties.keys.sorted()
                let hint = MessageText.didYouMean(name, among: known)
                let list = known.isEmpty ? "this object takes no properties" : "known properties are \(MessageText.quotedList(known))"
                report(place, node, "additionalProperties", "property \(MessageText.quote(name)) is not allowed here", fix: "\(hint)remove it; \(list)")
            }
        }
    }

    // MARK: - Reporting

    mutating func report(_ pointer: JSONPointer, _ node: SchemaNode, _ keyword: String, _ message: String, fix: String) {
        let location = node.constantResult == nil ? node.location.appending(keyword) : node.location
        issues.append(ValidationIssue(file: file, pointer: pointer, rule: keyword, schemaLocation: location, message: message, fix: fix))
    }

    private func article(for word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
