import Foundation
import LedgerportOdooSandbox
import LedgerportSDK

/// Compares a recorded response with the sandbox's, value by value, and reports every difference.
///
/// What is not compared literally, and why:
/// - ids of records created during the replay are bound on first sight and
///   must agree afterwards (``IDMap``): the sandbox's sequences differ;
/// - move and order numbers (`INV/2026/00045`, `S00001`) are bound the same
///   way: the recorded database had numbered other documents before;
/// - datetimes (`2026-12-04 19:32:10`: create and write stamps, confirmation
///   and message times) only need the same format: they are wall-clock times;
/// - numbers are equal when they agree to six decimals: Odoo prints floats
///   such as `239.20000000000002` and `3.257328990228013`;
/// - redacted values (`<redacted-api-key>`) are bound to the sandbox's key or
///   session id on first sight;
/// - of `debug` tracebacks only the last line, which names the exception and
///   its message, is compared: the frames are Odoo's source;
/// - `__export__` external ids end in random hex.
/// Steps can ignore more paths; each such path carries its reason in the manifest.
final class ResponseComparator {
    /// What a response body holds, which decides where its ids are.
    enum Shape {
        case value
        case ids(String)
        case records(String)
        case nameSearch(String)
        case externalIDs(String)
        case load(String)
        case fieldsGet
        case sessionInfo
    }

    let registry: ModelRegistry
    var ids: IDMap
    var placeholders: [String: String]
    var ignoredPaths: [String] = []
    var intersectionOnly = false
    /// The model of the call being compared, for ids in messages such as `(id 12)`.
    var callModel = ""
    private(set) var mismatches: [String] = []

    init(registry: ModelRegistry, ids: IDMap, placeholders: [String: String]) {
        self.registry = registry
        self.ids = ids
        self.placeholders = placeholders
    }

    func mismatch(_ path: String, _ text: String) {
        mismatches.append("\(path): \(text)")
    }

    // MARK: Shapes

    func compare(_ recorded: JSONValue, _ actual: JSONValue, shape: Shape, path: String) {
        guard !isIgnored(path) else { return }
        switch shape {
        case .value: compareValue(recorded, actual, path: path)
        case .ids(let model): compareIDs(recorded, actual, model: model, path: path)
        case .records(let model): compareRecordList(recorded, actual, model: model, path: path)
        case .nameSearch(let model): compareNameSearch(recorded, actual, model: model, path: path)
        case .externalIDs(let model): compareExternalIDs(recorded, actual, model: model, path: path)
        case .load(let model): compareLoad(recorded, actual, model: model, path: path)
        case .fieldsGet: compareFieldsGet(recorded, actual, path: path)
        case .sessionInfo: compareSessionInfo(recorded, actual, path: path)
        }
    }

    private func compareIDs(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        switch recorded {
        case .number:
            bindID(recorded, actual, model: model, path: path)
        case .array(let items):
            guard let actualItems = actual.arrayValue, actualItems.count == items.count else {
                return mismatch(path, "expected \(items.count) ids \(recorded), got \(actual)")
            }
            for (index, item) in items.enumerated() {
                bindID(item, actualItems[index], model: model, path: "\(path).\(index)")
            }
        default:
            compareValue(recorded, actual, path: path)
        }
    }

    private func compareRecordList(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        guard let records = recorded.arrayValue, let actualRecords = actual.arrayValue else {
            return compareValue(recorded, actual, path: path)
        }
        guard records.count == actualRecords.count else {
            return mismatch(path, "expected \(records.count) records, got \(actualRecords.count): \(actual)")
        }
        for (index, record) in records.enumerated() {
            compareRecord(record, actualRecords[index], model: model, path: "\(path).\(index)")
        }
    }

    private func compareRecord(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        guard let fields = recorded.objectValue, let actualFields = actual.objectValue else {
            return compareValue(recorded, actual, path: path)
        }
        compareKeys(Set(fields.keys), Set(actualFields.keys), path: path)
        let definition = registry.model(model)
        for key in fields.keys.sorted() {
            guard let actualValue = actualFields[key] else { continue }
            let fieldPath = "\(path).\(key)"
            guard !isIgnored(fieldPath) else { continue }
            let value = fields[key]!
            if key == "id" {
                bindID(value, actualValue, model: model, path: fieldPath)
                continue
            }
            if key == "res_id", let document = fields["res_model"]?.stringValue ?? fields["model"]?.stringValue {
                bindID(value, actualValue, model: document, path: fieldPath)
                continue
            }
            if key == "sequence_number" {
                compareSequenceNumber(value, actualValue, actualName: actualFields["name"], path: fieldPath)
                continue
            }
            switch definition?.field(key)?.type {
            case .many2one(let comodel):
                compareMany2one(value, actualValue, model: comodel, path: fieldPath)
            case .one2many(let comodel, _), .many2many(let comodel):
                compareIDs(value, actualValue, model: comodel, path: fieldPath)
            default:
                compareValue(value, actualValue, path: fieldPath)
            }
        }
    }

    private func compareMany2one(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        guard case .array(let pair) = recorded, pair.count == 2 else {
            return compareValue(recorded, actual, path: path)
        }
        guard case .array(let actualPair) = actual, actualPair.count == 2 else {
            return mismatch(path, "expected \(recorded), got \(actual)")
        }
        bindID(pair[0], actualPair[0], model: model, path: path + ".0")
        compareValue(pair[1], actualPair[1], path: path + ".1")
    }

    private func compareSequenceNumber(_ recorded: JSONValue, _ actual: JSONValue, actualName: JSONValue?, path: String) {
        guard let number = recorded.intValue, number != 0 else {
            return compareValue(recorded, actual, path: path)
        }
        let expected = actualName?.stringValue.flatMap { Int($0.suffix(5)) }
        if let expected, actual.intValue != expected {
            mismatch(path, "expected the number of \(actualName!), \(expected), got \(actual)")
        } else if (actual.intValue ?? 0) <= 0 {
            mismatch(path, "expected a sequence number, got \(actual)")
        }
    }

    private func compareNameSearch(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        guard let pairs = recorded.arrayValue, let actualPairs = actual.arrayValue, pairs.count == actualPairs.count else {
            return mismatch(path, "expected \(recorded), got \(actual)")
        }
        for (index, pair) in pairs.enumerated() {
            compareMany2one(pair, actualPairs[index], model: model, path: "\(path).\(index)")
        }
    }

    private func compareExternalIDs(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        guard let entries = recorded.objectValue, let actualEntries = actual.objectValue, entries.count == actualEntries.count else {
            return mismatch(path, "expected \(recorded), got \(actual)")
        }
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            let actualKey = Int(key).map { String(ids.actual($0, model: model)) } ?? key
            guard let actualValue = actualEntries[actualKey] else {
                mismatch(path, "no entry for recorded id \(key) (sandbox id \(actualKey)) in \(actual)")
                continue
            }
            compareValue(value, actualValue, path: "\(path).\(key)")
        }
    }

    private func compareLoad(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        guard let members = recorded.objectValue, let actualMembers = actual.objectValue else {
            return compareValue(recorded, actual, path: path)
        }
        compareKeys(Set(members.keys), Set(actualMembers.keys), path: path)
        for (key, value) in members where actualMembers[key] != nil {
            if key == "ids" {
                compareIDs(value, actualMembers[key]!, model: model, path: "\(path).ids")
            } else {
                compareValue(value, actualMembers[key]!, path: "\(path).\(key)")
            }
        }
    }

    private func compareFieldsGet(_ recorded: JSONValue, _ actual: JSONValue, path: String) {
        guard let fields = recorded.objectValue, let actualFields = actual.objectValue else {
            return compareValue(recorded, actual, path: path)
        }
        for (name, attributes) in fields.sorted(by: { $0.key < $1.key }) {
            guard let actualAttributes = actualFields[name] else {
                if !intersectionOnly { mismatch("\(path).\(name)", "field missing in the sandbox") }
                continue
            }
            for (attribute, value) in (attributes.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let actualValue = actualAttributes[attribute] else {
                    if !intersectionOnly { mismatch("\(path).\(name).\(attribute)", "attribute missing in the sandbox") }
                    continue
                }
                if !intersectionOnly || ["type", "string", "relation", "required", "selection"].contains(attribute) {
                    compareValue(value, actualValue, path: "\(path).\(name).\(attribute)")
                }
            }
        }
        if !intersectionOnly {
            compareKeys(Set(fields.keys), Set(actualFields.keys), path: path)
        }
    }

    /// Compares the session fields that describe the user and the server; the rest is web client state.
    private func compareSessionInfo(_ recorded: JSONValue, _ actual: JSONValue, path: String) {
        let keys = [
            "uid", "is_system", "is_admin", "is_internal_user", "user_context", "db", "server_version", "server_version_info", "name",
            "username", "partner_display_name",
        ]
        for key in keys {
            guard let value = recorded[key] else { continue }
            compareValue(value, actual[key] ?? .null, path: "\(path).\(key)")
        }
        if let partner = recorded["partner_id"] {
            bindID(partner, actual["partner_id"] ?? .null, model: "res.partner", path: "\(path).partner_id")
        }
    }

    // MARK: Values

    func compareValue(_ recorded: JSONValue, _ actual: JSONValue, path: String) {
        guard !isIgnored(path) else { return }
        switch (recorded, actual) {
        case (.object(let members), .object(let actualMembers)):
            compareObject(members, actualMembers, path: path)
        case (.array(let items), .array(let actualItems)):
            guard items.count == actualItems.count else {
                return mismatch(path, "expected \(items.count) elements \(recorded), got \(actualItems.count): \(actual)")
            }
            for (index, item) in items.enumerated() {
                compareValue(item, actualItems[index], path: "\(path).\(index)")
            }
        case (.number(let number), .number(let actualNumber)):
            if !Self.roughlyEqual(number, actualNumber) {
                mismatch(path, "expected \(number), got \(actualNumber)")
            }
        case (.string(let text), .string(let actualText)):
            let isDebug = path.hasSuffix(".debug") || path == "debug"
            compareText(isDebug ? Self.lastLine(text) : text, isDebug ? Self.lastLine(actualText) : actualText, path: path)
        default:
            if recorded != actual {
                mismatch(path, "expected \(recorded), got \(actual)")
            }
        }
    }

    private func compareObject(_ members: JSONObject, _ actualMembers: JSONObject, path: String) {
        compareKeys(Set(members.keys), Set(actualMembers.keys), path: path)
        let actionModel = members["res_model"]?.stringValue
        for key in members.keys.sorted() {
            guard let actualValue = actualMembers[key] else { continue }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            if key == "res_id", let actionModel {
                bindID(members[key]!, actualValue, model: actionModel, path: childPath)
            } else if key == "default_partner_id" || key == "default_partner_shipping_id" {
                bindID(members[key]!, actualValue, model: "res.partner", path: childPath)
            } else {
                compareValue(members[key]!, actualValue, path: childPath)
            }
        }
    }

    private func compareKeys(_ recorded: Set<String>, _ actual: Set<String>, path: String) {
        for key in recorded.subtracting(actual).sorted() where !isIgnored("\(path).\(key)") {
            mismatch("\(path).\(key)", "missing in the sandbox's response")
        }
        guard !intersectionOnly else { return }
        for key in actual.subtracting(recorded).sorted() where !isIgnored("\(path).\(key)") {
            mismatch("\(path).\(key)", "not in the recorded response")
        }
    }

    private func bindID(_ recorded: JSONValue, _ actual: JSONValue, model: String, path: String) {
        guard let recordedID = recorded.intValue else {
            return compareValue(recorded, actual, path: path)
        }
        guard let actualID = actual.intValue else {
            return mismatch(path, "expected an id of \(model), got \(actual)")
        }
        if !ids.bind(recordedID, to: actualID, model: model) {
            mismatch(path, "recorded \(model) id \(recordedID) is sandbox id \(ids.actual(recordedID, model: model)) elsewhere, not \(actualID)")
        }
    }

    // MARK: Text

    static let datetimePattern = #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#

    private func compareText(_ recorded: String, _ actual: String, path: String) {
        if Self.isPlaceholder(recorded) {
            if let bound = placeholders[recorded] {
                if bound != actual { mismatch(path, "expected the value bound to \(recorded), got \(actual)") }
            } else if actual.isEmpty {
                mismatch(path, "expected a value for \(recorded), got an empty string")
            } else {
                placeholders[recorded] = actual
            }
            return
        }
        if recorded.range(of: Self.datetimePattern, options: .regularExpression) != nil {
            if actual.range(of: Self.datetimePattern, options: .regularExpression) == nil {
                mismatch(path, "expected a datetime, got \(actual)")
            }
            return
        }
        guard let normalized = normalize(recorded, actual, path: path) else {
            return
        }
        if normalized != actual {
            mismatch(path, "expected \(PythonLikeQuote.quote(normalized)), got \(PythonLikeQuote.quote(actual))")
        }
    }

    /// Replaces the ids and numbers of the recorded text by the sandbox's after binding them; nil when they do not pair up.
    private func normalize(_ recorded: String, _ actual: String, path: String) -> String? {
        let recordedTokens = TextTokens.find(in: recorded, callModel: callModel)
        let actualTokens = TextTokens.find(in: actual, callModel: callModel)
        guard recordedTokens.map(\.kind) == actualTokens.map(\.kind) else {
            mismatch(path, "expected \(PythonLikeQuote.quote(recorded)), got \(PythonLikeQuote.quote(actual))")
            return nil
        }
        var result = recorded
        for (token, actualToken) in zip(recordedTokens, actualTokens).reversed() {
            switch token.kind {
            case .id(let model):
                if !ids.bind(Int(token.text)!, to: Int(actualToken.text)!, model: model) {
                    mismatch(path, "recorded \(model) id \(token.text) is sandbox id \(ids.actual(Int(token.text)!, model: model)) elsewhere, not \(actualToken.text)")
                }
            case .number:
                if !ids.bindName(token.text, to: actualToken.text) {
                    mismatch(path, "recorded number \(token.text) does not pair with \(actualToken.text)")
                }
            case .random:
                break
            }
            result.replaceSubrange(token.range, with: actualToken.text)
        }
        return result
    }

    static func isPlaceholder(_ text: String) -> Bool {
        text.hasPrefix("<") && text.hasSuffix(">") && (text.contains("redacted") || text.contains("REDACTED"))
    }

    static func lastLine(_ text: String) -> String {
        text.split(separator: "\n").last.map(String.init) ?? ""
    }

    static func roughlyEqual(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Bool {
        let left = lhs.decimal.flatMap { try? $0.rescaled(to: 6, rounding: .halfUp) }
        let right = rhs.decimal.flatMap { try? $0.rescaled(to: 6, rounding: .halfUp) }
        return left != nil && left == right
    }

    private func isIgnored(_ path: String) -> Bool {
        ignoredPaths.contains { pattern in Self.matches(pattern: pattern, path: path) }
    }

    /// Matches dotted paths where `*` stands for one step.
    static func matches(pattern: String, path: String) -> Bool {
        let patternParts = pattern.split(separator: ".")
        let pathParts = path.split(separator: ".")
        guard patternParts.count == pathParts.count else { return false }
        return zip(patternParts, pathParts).allSatisfy { $0 == "*" || $0 == $1 }
    }
}

/// Quotes text in mismatch reports so that whitespace differences show.
enum PythonLikeQuote {
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
