import Foundation
import LedgerportSDK

/// The web client's routes: `/web/session/authenticate` and `/web/dataset/call_kw`.
///
/// The sandbox implements them because API keys can only be made over an
/// HTTP session. A session lives in memory until the sandbox stops.
extension OdooSandbox {
    static let sessionCookieLifetime = 604_800

    func handleSessionAuthenticate(_ request: SandboxRequest) -> SandboxResponse {
        guard let envelope = try? JSONParser.parse(request.body) else {
            return .html("Invalid JSON data", status: 400)
        }
        let id = envelope["id"] ?? .null
        let params = envelope["params"] ?? [:]
        do {
            let database = params["db"]?.stringValue ?? configuration.databaseName
            let login = params["login"]?.stringValue ?? ""
            let secret = params["password"]?.stringValue ?? ""
            let info = try withDatabase(database, uid: 1, transport: .webSession) { transaction -> JSONValue in
                guard let uid = Credentials.authenticate(login: login, secret: secret, in: transaction) else {
                    throw OdooFault(.accessDenied, "Access Denied")
                }
                return sessionInfo(uid: uid, database: database, in: transaction)
            }
            let sessionID = MessageAuthentication.hex((0..<20).map { _ in UInt8.random(in: 0...255) })
            sessions[sessionID] = WebSession(database: database, uid: info["uid"]?.intValue ?? 0)
            return .json(jsonRPCResult(.value(info), id: id), extraHeaders: [("Set-Cookie", sessionCookie(sessionID))])
        } catch {
            return .json(jsonRPCError(fault(from: error), id: id))
        }
    }

    func handleCallKW(_ request: SandboxRequest) -> SandboxResponse {
        guard let envelope = try? JSONParser.parse(request.body) else {
            return .html("Invalid JSON data", status: 400)
        }
        let id = envelope["id"] ?? .null
        let params = envelope["params"] ?? [:]
        do {
            guard let sessionID = request.cookie("session_id"), let session = sessions[sessionID] else {
                throw OdooFault(.sessionExpired, "Session expired")
            }
            var keywords = params["kwargs"]?.objectValue ?? [:]
            let context = keywords.removeValue(forKey: "context")?.objectValue ?? [:]
            let result = try withDatabase(session.database, uid: session.uid, context: context, transport: .webSession) { transaction in
                try dispatcher.call(
                    model: params["model"]?.stringValue ?? "", method: params["method"]?.stringValue ?? "",
                    style: .positional(args: params["args"]?.arrayValue ?? [], kwargs: keywords), in: transaction
                )
            }
            return .json(jsonRPCResult(result, id: id))
        } catch {
            return .json(jsonRPCError(fault(from: error), id: id))
        }
    }

    /// Builds the part of Odoo's session information that describes the user and the server.
    private func sessionInfo(uid: Int, database: String, in transaction: Transaction) -> JSONValue {
        let groups = transaction.userGroups(of: uid)
        let partner = transaction.row("res.users", uid)?["partner_id"]?.intValue ?? 0
        let name = transaction.displayName("res.users", uid)
        return [
            "uid": .int(uid), "is_system": .bool(groups.contains(Groups.settings)), "is_admin": .bool(groups.contains(Groups.accessRights)),
            "is_internal_user": .bool(groups.contains(Groups.internalUser)),
            "user_context": ["lang": "en_US", "tz": false, "uid": .int(uid)], "db": .string(database),
            "server_version": .string(profile.serverVersion), "server_version_info": profile.serverVersionInfo,
            "name": .string(name), "username": transaction.row("res.users", uid)?["login"] ?? .null,
            "partner_display_name": .string(transaction.displayName("res.partner", partner)), "partner_id": .int(partner),
            "user_companies": [
                "current_company": 1,
                "allowed_companies": ["1": ["id": 1, "name": .string(transaction.displayName("res.company", 1)), "sequence": 0, "child_ids": [], "parent_id": false]],
                "disallowed_ancestor_companies": [:],
            ],
        ]
    }

    private func sessionCookie(_ sessionID: String) -> String {
        let expiry = configuration.clock.now().addingTimeInterval(TimeInterval(Self.sessionCookieLifetime))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return "session_id=\(sessionID); Expires=\(formatter.string(from: expiry)); Max-Age=\(Self.sessionCookieLifetime); HttpOnly; Path=/"
    }
}
