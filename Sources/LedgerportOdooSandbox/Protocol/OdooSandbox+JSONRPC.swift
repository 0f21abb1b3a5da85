import LedgerportSDK

/// `POST /jsonrpc`: the `common`, `db` and `object` services.
///
/// Errors come back as HTTP 200 with an `error` envelope whose `data.name`
/// is the Python exception. A method returning `None` gives a response with
/// no `result` key, and malformed JSON gives HTTP 400 with plain text.
extension OdooSandbox {
    func handleJSONRPC(_ request: SandboxRequest) -> SandboxResponse {
        guard let envelope = try? JSONParser.parse(request.body), case .object = envelope else {
            return .html("Invalid JSON data", status: 400)
        }
        let id = envelope["id"] ?? .null
        let params = envelope["params"] ?? [:]
        do {
            let result = try callService(
                service: params["service"]?.stringValue ?? "", method: params["method"]?.stringValue ?? "",
                arguments: params["args"]?.arrayValue ?? []
            )
            return .json(jsonRPCResult(result, id: id))
        } catch {
            return .json(jsonRPCError(fault(from: error), id: id))
        }
    }

    /// Builds the success envelope; `MethodResult.none` leaves out `result`, as Odoo does for `None`.
    func jsonRPCResult(_ result: MethodResult, id: JSONValue) -> JSONValue {
        var envelope: JSONObject = ["jsonrpc": "2.0", "id": id]
        switch result {
        case .none:
            break
        case .value(let value):
            envelope["result"] = value
        case .records(let model, let ids, let form):
            switch form {
            case .singleID: envelope["result"] = ids.first.map { .int($0) } ?? false
            case .idList: envelope["result"] = .ids(ids)
            case .representation: envelope["result"] = .string("\(model)\(OdooFault.pythonTuple(ids))")
            }
        }
        return .object(envelope)
    }

    /// Builds the error envelope Odoo returns with HTTP 200.
    func jsonRPCError(_ fault: OdooFault, id: JSONValue) -> JSONValue {
        let expired = fault.kind == .sessionExpired
        return [
            "jsonrpc": "2.0", "id": id,
            "error": [
                "code": .number(JSONNumber(expired ? 100 : profile.jsonRPCErrorCode)),
                "message": expired ? "Odoo Session Expired" : "Odoo Server Error",
                "data": [
                    "name": .string(fault.name), "debug": .string(fault.debugText), "message": .string(fault.message),
                    "arguments": fault.arguments, "context": [:],
                ],
            ],
        ]
    }

    private func callService(service: String, method: String, arguments: [JSONValue]) throws -> MethodResult {
        switch service {
        case "common": return try callCommon(method, arguments)
        case "db": return try callDatabaseService(method)
        case "object": return try callObject(method, arguments)
        default: throw OdooFault(.keyError, service)
        }
    }

    private func callCommon(_ method: String, _ arguments: [JSONValue]) throws -> MethodResult {
        switch method {
        case "version":
            return .value([
                "server_version": .string(profile.serverVersion), "server_version_info": profile.serverVersionInfo,
                "server_serie": .string(profile.serverSerie), "protocol_version": 1,
            ])
        case "about":
            return .value("See http://openerp.com")
        case "login", "authenticate":
            guard arguments.count >= 3, let database = arguments[0].stringValue else {
                throw OdooFault(.typeError, "exp_\(method)() missing required positional arguments")
            }
            let login = arguments[1].stringValue ?? ""
            let secret = arguments[2].stringValue ?? ""
            let uid = try withDatabase(database, uid: 1, transport: .jsonRPC) { Credentials.authenticate(login: login, secret: secret, in: $0) }
            return .value(uid.map { .int($0) } ?? false)
        default:
            throw OdooFault(.nameError, "Method not available \(method)")
        }
    }

    private func callDatabaseService(_ method: String) throws -> MethodResult {
        switch method {
        case "list": return .value(.array(databases.keys.sorted().map { .string($0) }))
        case "server_version": return .value(.string(profile.serverVersion))
        default: throw OdooFault(.nameError, "Method not available \(method)")
        }
    }

    /// `execute_kw(db, uid, password, model, method, args, kwargs)` and `execute(db, uid, password, model, method, *args)`.
    private func callObject(_ method: String, _ arguments: [JSONValue]) throws -> MethodResult {
        guard method == "execute_kw" || method == "execute" else {
            throw OdooFault(.nameError, "Method not available \(method)")
        }
        guard arguments.count >= 5, let database = arguments[0].stringValue, let uid = arguments[1].intValue,
            let model = arguments[3].stringValue, let name = arguments[4].stringValue
        else {
            throw OdooFault(.typeError, "\(method)() missing required positional arguments")
        }
        let secret = arguments[2].stringValue ?? ""
        var positional = Array(arguments.dropFirst(5))
        var keywords: JSONObject = [:]
        if method == "execute_kw" {
            positional = arguments.count > 5 ? arguments[5].arrayValue ?? [] : []
            keywords = arguments.count > 6 ? arguments[6].objectValue ?? [:] : [:]
        }
        let context = keywords.removeValue(forKey: "context")?.objectValue ?? [:]
        try checkCredentials(database: database, uid: uid, secret: secret)
        try raiseInjectedFault(model: model, method: name)
        return try withDatabase(database, uid: uid, context: context, transport: .jsonRPC) { transaction in
            try dispatcher.call(model: model, method: name, style: .positional(args: positional, kwargs: keywords), in: transaction)
        }
    }

    /// Checks the uid and its password or API key, as every `execute_kw` does: MissingError for a deleted user, AccessDenied otherwise.
    func checkCredentials(database: String, uid: Int, secret: String) throws {
        try withDatabase(database, uid: uid, transport: .jsonRPC) { transaction in
            guard transaction.exists("res.users", uid) else {
                throw OdooFault(.missingError, "Record does not exist or has been deleted.\n(Record: res.users\(OdooFault.pythonTuple([uid])), User: \(uid))")
            }
            guard transaction.row("res.users", uid)?["active"]?.isTruthy == true, Credentials.check(secret, user: uid, in: transaction) else {
                throw OdooFault(.accessDenied, "Access Denied")
            }
        }
    }
}
