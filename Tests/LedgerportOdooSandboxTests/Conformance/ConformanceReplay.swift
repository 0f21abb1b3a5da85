import Foundation
import LedgerportOdooSandbox
import LedgerportSDK

/// Replays one scenario of recordings against a fresh sandbox and collects every difference.
final class ConformanceReplay {
    let harness: SandboxHarness
    private(set) var ids = IDMap()
    private(set) var placeholders: [String: String] = [:]
    private(set) var mismatches: [String] = []

    init(scenario: ConformanceManifest.Scenario) throws {
        harness = try SandboxHarness(
            version: OdooVersion(parsing: scenario.version)!, initialData: .pristine, databaseName: scenario.database, installsAPIKey: false
        )
    }

    var registry: ModelRegistry { harness.sandbox.registry }

    func run(_ steps: [JSONValue]) {
        for step in steps {
            if let name = step["replay"]?.stringValue {
                replay(name, options: step)
            } else if let setup = step["setup"] {
                runSetup(setup)
            } else if let database = step["create_database"]?.stringValue {
                do { try harness.sandbox.createDatabase(named: database) } catch { mismatches.append("create database \(database): \(error)") }
            } else if let database = step["drop_database"]?.stringValue {
                do { try harness.sandbox.dropDatabase(named: database) } catch { mismatches.append("drop database \(database): \(error)") }
            } else if let fault = step["inject_fault"] {
                let kind = OdooFault.Kind(rawValue: fault["name"]?.stringValue ?? "") ?? .valueError
                harness.sandbox.injectFault(OdooFault(kind, fault["message"]?.stringValue ?? ""), model: fault["model"]?.stringValue, method: fault["method"]?.stringValue)
            } else {
                mismatches.append("unknown step \(step)")
            }
        }
    }

    // MARK: Replay

    private func replay(_ name: String, options: JSONValue) {
        let recording: Recording
        do {
            recording = try Recording.load(name)
        } catch {
            return mismatches.append("\(name): cannot load the recording: \(error)")
        }
        let translator = RequestTranslator(
            registry: registry, ids: ids, placeholders: placeholders,
            irModelName: { [harness] id in harness.sandbox.database(named: harness.databaseName)?.state.tables["ir.model"]?.rows[id]?["model"]?.stringValue }
        )
        let call = CallDescription(recording: recording)
        let body = translatedBody(recording, call: call, translator: translator)
        let headers = recording.requestHeaders.map { ($0.0, translator.substitute($0.1)) }
        let response = harness.send(recording.method, recording.path, headers: headers, body: body)
        learnSession(recording, response)

        let comparator = ResponseComparator(registry: registry, ids: ids, placeholders: placeholders)
        comparator.ignoredPaths = (options["ignore"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue }
        comparator.intersectionOnly = options["compare"]?.stringValue == "intersection"
        comparator.callModel = call.model ?? ""
        compareResponse(recording, response, call: call, comparator: comparator, statusOnly: options["compare"]?.stringValue == "status")
        ids = comparator.ids
        placeholders = comparator.placeholders
        mismatches += comparator.mismatches.map { "\(name): \($0)" }
    }

    private func translatedBody(_ recording: Recording, call: CallDescription, translator: RequestTranslator) -> [UInt8] {
        guard var body = recording.requestJSON else {
            return recording.requestBody
        }
        switch call.transport {
        case .jsonRPC:
            if call.service == "object", let args = body["params"]?["args"]?.arrayValue {
                body = replacing(body, params: ["args": .array(translator.executeKW(args))])
            } else if let args = body["params"]?["args"] {
                body = replacing(body, params: ["args": translator.substitute(args)])
            }
        case .webSession:
            if let params = body["params"] {
                body = replacing(body, params: translator.callKW(translator.substitute(params)).objectValue ?? [:])
            }
        case .json2:
            body = translator.json2(model: call.model ?? "", method: call.method ?? "", body: translator.substitute(body))
        }
        return JSONWriter.bytes(body)
    }

    private func replacing(_ envelope: JSONValue, params changes: JSONObject) -> JSONValue {
        var members = envelope.objectValue ?? [:]
        var params = members["params"]?.objectValue ?? [:]
        params.merge(changes) { _, new in new }
        members["params"] = .object(params)
        return .object(members)
    }

    private func learnSession(_ recording: Recording, _ response: SandboxResponse) {
        guard let recorded = recording.responseHeader("Set-Cookie"), recorded.contains("session_id=<"),
            let actual = response.header("Set-Cookie"), let value = actual.split(separator: ";").first?.split(separator: "=").last
        else {
            return
        }
        let placeholder = String(recorded.split(separator: ";").first!.split(separator: "=").last!)
        placeholders[placeholder] = String(value)
    }

    private func compareResponse(_ recording: Recording, _ response: SandboxResponse, call: CallDescription, comparator: ResponseComparator, statusOnly: Bool) {
        if recording.status != response.status {
            comparator.mismatch("status", "expected HTTP \(recording.status), got \(response.status): \(String(decoding: response.body.prefix(300), as: UTF8.self))")
            return
        }
        let recordedType = recording.responseHeader("Content-Type")?.split(separator: ";").first?.lowercased()
        let actualType = response.header("Content-Type")?.split(separator: ";").first?.lowercased()
        if recordedType != actualType {
            comparator.mismatch("content-type", "expected \(recordedType ?? "none"), got \(actualType ?? "none")")
        }
        if recording.responseHeader("WWW-Authenticate") != response.header("WWW-Authenticate") {
            comparator.mismatch("www-authenticate", "expected \(recording.responseHeader("WWW-Authenticate") ?? "none"), got \(response.header("WWW-Authenticate") ?? "none")")
        }
        guard !statusOnly else { return }
        guard let recordedJSON = recording.responseJSON else {
            let text = String(decoding: response.body, as: UTF8.self)
            if text != recording.responseText {
                comparator.mismatch("body", "expected \(PythonLikeQuote.quote(recording.responseText)), got \(PythonLikeQuote.quote(text))")
            }
            return
        }
        guard let actualJSON = try? JSONParser.parse(response.body) else {
            return comparator.mismatch("body", "not JSON: \(String(decoding: response.body.prefix(300), as: UTF8.self))")
        }
        switch call.transport {
        case .json2:
            comparator.compare(recordedJSON, actualJSON, shape: recording.status == 200 ? call.shape : .value, path: "")
        case .jsonRPC, .webSession:
            compareEnvelope(recordedJSON, actualJSON, shape: call.shape, comparator: comparator)
        }
    }

    private func compareEnvelope(_ recorded: JSONValue, _ actual: JSONValue, shape: ResponseComparator.Shape, comparator: ResponseComparator) {
        let keys = Set(recorded.objectValue?.keys.map { $0 } ?? [])
        let actualKeys = Set(actual.objectValue?.keys.map { $0 } ?? [])
        if keys != actualKeys {
            comparator.mismatch("envelope", "expected keys \(keys.sorted()), got \(actualKeys.sorted()): \(String(describing: actual).prefix(500))")
            return
        }
        comparator.compareValue(recorded["jsonrpc"] ?? .null, actual["jsonrpc"] ?? .null, path: "jsonrpc")
        comparator.compareValue(recorded["id"] ?? .null, actual["id"] ?? .null, path: "id")
        if let result = recorded["result"] {
            comparator.compare(result, actual["result"] ?? .null, shape: shape, path: "result")
        }
        if let error = recorded["error"] {
            comparator.compareValue(error, actual["error"] ?? .null, path: "error")
        }
    }

    // MARK: Setup

    /// Runs a call the recorded session made without recording it; `result` binds the ids it returned.
    private func runSetup(_ setup: JSONValue) {
        let model = setup["model"]?.stringValue ?? ""
        let method = setup["method"]?.stringValue ?? ""
        let translator = RequestTranslator(registry: registry, ids: ids, placeholders: placeholders, irModelName: { _ in nil })
        let uid = setup["uid"]?.intValue ?? 2
        let args: [JSONValue] = [
            .string(harness.databaseName), .number(JSONNumber(uid)), .string(setup["secret"]?.stringValue ?? "admin"), .string(model),
            .string(method), setup["args"] ?? [], setup["kwargs"] ?? [:],
        ]
        let envelope = harness.jsonRPC(service: "object", method: "execute_kw", args: translator.executeKW(args))
        if let error = envelope["error"] {
            return mismatches.append("setup \(model).\(method): \(error["data"]?["message"]?.stringValue ?? String(describing: error))")
        }
        guard let expected = setup["result"] else { return }
        let comparator = ResponseComparator(registry: registry, ids: ids, placeholders: placeholders)
        comparator.callModel = model
        comparator.compare(expected, envelope["result"] ?? .null, shape: CallDescription.shape(model: model, method: method), path: "setup")
        ids = comparator.ids
        mismatches += comparator.mismatches.map { "setup \(model).\(method): \($0)" }
    }
}

/// How a recorded request reached the server.
enum RecordedTransport {
    case jsonRPC
    case webSession
    case json2
}

/// What a recorded request calls: transport, service, model and method.
struct CallDescription {
    let transport: RecordedTransport
    let service: String?
    let model: String?
    let method: String?
    let shape: ResponseComparator.Shape

    init(recording: Recording) {
        let body = recording.requestJSON
        if recording.path.hasPrefix("/json/2/") {
            let parts = recording.path.split(separator: "/").map(String.init)
            transport = .json2
            service = nil
            model = parts.count > 2 ? parts[2] : nil
            method = parts.count > 3 ? parts[3] : nil
        } else if recording.path.hasPrefix("/web/") {
            transport = .webSession
            service = nil
            model = body?["params"]?["model"]?.stringValue
            method = recording.path == "/web/session/authenticate" ? "session_authenticate" : body?["params"]?["method"]?.stringValue
        } else {
            transport = .jsonRPC
            service = body?["params"]?["service"]?.stringValue
            let args = body?["params"]?["args"]?.arrayValue ?? []
            if service == "object" {
                model = args.count > 3 ? args[3].stringValue : nil
                method = args.count > 4 ? args[4].stringValue : nil
            } else {
                model = service == "common" ? "res.users" : nil
                method = body?["params"]?["method"]?.stringValue
            }
        }
        shape = Self.shape(model: model ?? "", method: method ?? "")
    }

    static func shape(model: String, method: String) -> ResponseComparator.Shape {
        switch method {
        case "create", "search", "authenticate", "login": .ids(model)
        case "read", "search_read": .records(model)
        case "name_search": .nameSearch(model)
        case "get_external_id": .externalIDs(model)
        case "load": .load(model)
        case "message_post": .ids("mail.message")
        case "fields_get": .fieldsGet
        case "session_authenticate": .sessionInfo
        default: .value
        }
    }
}
