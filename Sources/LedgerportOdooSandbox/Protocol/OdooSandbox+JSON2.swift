import Foundation
import LedgerportSDK

/// The JSON-2 API of Odoo 19: `POST /json/2/<model>/<method>` with a bearer API key.
///
/// The body is one object of named arguments plus optional `ids` and
/// `context`. Results are bare JSON: `null` for `None`, id lists for
/// recordsets. Errors carry an HTTP status per exception class. With more
/// than one database, the request must name one in `X-Odoo-Database`.
extension OdooSandbox {
    func handleJSON2(_ request: SandboxRequest) -> SandboxResponse {
        let database: String
        switch selectDatabase(request) {
        case .success(let name): database = name
        case .failure(let failure): return failure.response
        }
        let parts = request.route.split(separator: "/").map(String.init)
        guard request.method == "POST", parts.count == 4 else {
            return json2Error(OdooFault(.notFound, "Did you mean POST /json/2/<model>/<method>?"))
        }
        if !request.body.isEmpty, let type = request.headers["Content-Type"], !type.lowercased().hasPrefix("application/json") {
            return .html(HTMLPages.unsupportedMediaType, status: 415, extraHeaders: [("Accept", "application/json")])
        }
        do {
            let uid = try authenticateJSON2(request, database: database)
            try raiseInjectedFault(model: parts[2], method: parts[3])
            let body = try json2Body(request.body)
            var arguments = body
            let ids = arguments.removeValue(forKey: "ids")
            let contextValue = arguments.removeValue(forKey: "context") ?? [:]
            guard case .object(let context) = contextValue else {
                throw OdooFault(.valueError, "dictionary update sequence element #0 has length 1; 2 is required")
            }
            let result = try withDatabase(database, uid: uid, context: context, transport: .json2) { transaction in
                guard transaction.registry.model(parts[2]) != nil else {
                    throw OdooFault(.notFound, "the model '\(parts[2])' does not exist")
                }
                return try dispatcher.call(model: parts[2], method: parts[3], style: .named(ids: ids, arguments: arguments), in: transaction)
            }
            return .json(json2Value(result))
        } catch {
            return json2Error(fault(from: error))
        }
    }

    private func json2Value(_ result: MethodResult) -> JSONValue {
        switch result {
        case .none: .null
        case .value(let value): value
        case .records(_, let ids, _): .ids(ids)
        }
    }

    func json2Error(_ fault: OdooFault) -> SandboxResponse {
        let body: JSONValue = [
            "name": .string(fault.name), "message": .string(fault.message), "arguments": fault.arguments, "context": [:],
            "debug": .string(fault.debugText),
        ]
        let extra: [(name: String, value: String)] = fault.kind.json2Status == 401 ? [("WWW-Authenticate", "Bearer ")] : []
        return .json(body, status: fault.kind.json2Status, extraHeaders: extra)
    }

    /// Selects the database a JSON-2 call addresses: the header's, the session's, or the only one.
    private func selectDatabase(_ request: SandboxRequest) -> Result<String, SandboxResponseFailure> {
        let header = request.headers["X-Odoo-Database"]
        let sessionDatabase = request.cookie("session_id").flatMap { sessions[$0]?.database }
        if let header, let sessionDatabase, header != sessionDatabase {
            return .failure(SandboxResponseFailure(.html(HTMLPages.databaseConflict, status: 403)))
        }
        if let name = header ?? sessionDatabase {
            return databases[name] != nil ? .success(name) : .failure(SandboxResponseFailure(.html(HTMLPages.noDatabase, status: 404)))
        }
        guard databases.count == 1, let only = databases.keys.first else {
            return .failure(SandboxResponseFailure(.html(HTMLPages.noDatabase, status: 404)))
        }
        return .success(only)
    }

    /// Authenticates the user of the bearer key, or of a browser session sending its `Sec-Fetch-*` headers.
    private func authenticateJSON2(_ request: SandboxRequest, database: String) throws -> Int {
        let authorization = request.headers["Authorization"] ?? ""
        let words = authorization.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, words[0].lowercased() == "bearer" {
            let key = words[1].trimmingCharacters(in: .whitespaces)
            let uid = try withDatabase(database, uid: 1, transport: .json2) { Credentials.userOfAPIKey(key, in: $0) }
            guard let uid else {
                throw OdooFault(.unauthorized, "Invalid apikey")
            }
            return uid
        }
        if let sessionID = request.cookie("session_id"), let session = sessions[sessionID] {
            guard request.headers["Sec-Fetch-Mode"] != nil || request.headers["Sec-Fetch-Dest"] != nil else {
                throw OdooFault(.unauthorized, "Missing \"Authorization\" or Sec-headers for interactive usage.")
            }
            return session.uid
        }
        throw OdooFault(.unauthorized, "User not authenticated, use an API Key with a Bearer Authorization header.")
    }

    /// Parses the named arguments of the body; an empty body is `{}` and a non-object body is ignored, as Odoo 19 does.
    private func json2Body(_ bytes: [UInt8]) throws -> JSONObject {
        guard !bytes.isEmpty else {
            return [:]
        }
        do {
            return try JSONParser.parse(bytes).objectValue ?? [:]
        } catch {
            throw OdooFault(.badRequest, "could not parse the body as json: \(error.message) (char \(error.offset))")
        }
    }
}

/// A response that ends a request before dispatch, carried through `Result`.
struct SandboxResponseFailure: Error {
    let response: SandboxResponse

    init(_ response: SandboxResponse) {
        self.response = response
    }
}
