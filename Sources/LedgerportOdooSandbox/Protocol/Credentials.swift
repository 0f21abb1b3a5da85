import Foundation
import LedgerportSDK

/// Passwords and API keys: hashing, checking, and making new keys.
///
/// Passwords are stored as a salted SHA-256 (`sha256$salt$digest`); API keys
/// as the SHA-256 of the key with its first eight characters as a lookup
/// index, the way Odoo stores them. A key works wherever the user's password
/// does. Clear keys and passwords are never stored or logged.
enum Credentials {
    /// Hashes `password` with a new salt, in the form stored on the user.
    static func hash(password: String) -> String {
        let salt = randomHex(byteCount: 8)
        return "sha256$\(salt)$\(digest(salt + password))"
    }

    /// Checks whether `password` is the password of `user`.
    static func checkPassword(_ password: String, user: Int, in transaction: Transaction) -> Bool {
        guard let stored = transaction.row("res.users", user)?["password_hash"]?.stringValue else {
            return false
        }
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            return false
        }
        let expected = Array(parts[2].utf8)
        return MessageAuthentication.constantTimeEquals(expected, Array(digest(parts[1] + password).utf8))
    }

    /// Finds the user an API key belongs to, or nil for an unknown, revoked or expired key.
    static func userOfAPIKey(_ key: String, in transaction: Transaction) -> Int? {
        guard key.count >= 8 else {
            return nil
        }
        let index = String(key.prefix(8))
        let wanted = Array(digest(key).utf8)
        for id in transaction.allIDs("res.users.apikeys") {
            let row = transaction.row("res.users.apikeys", id)!
            guard row["index"]?.stringValue == index, let stored = row["key_hash"]?.stringValue,
                MessageAuthentication.constantTimeEquals(Array(stored.utf8), wanted)
            else { continue }
            if let expiry = row["expiration_date"]?.stringValue, expiry < transaction.nowText {
                return nil
            }
            return row["user_id"]?.intValue
        }
        return nil
    }

    /// Checks whether `secret` is the password of `user` or one of the user's API keys.
    static func check(_ secret: String, user: Int, in transaction: Transaction) -> Bool {
        checkPassword(secret, user: user, in: transaction) || userOfAPIKey(secret, in: transaction) == user
    }

    /// Finds the active user with `login` when `secret` is its password or one of its API keys.
    static func authenticate(login: String, secret: String, in transaction: Transaction) -> Int? {
        guard let user = transaction.first("res.users", where: "login", is: .string(login)),
            transaction.row("res.users", user)?["active"]?.isTruthy == true, check(secret, user: user, in: transaction)
        else {
            return nil
        }
        return user
    }

    /// Makes a new 40-character API key for `user` (or installs `supplied`), stores its hash and returns the key.
    static func createAPIKey(
        for user: Int, name: String, validForDays days: Int?, key supplied: String? = nil, in transaction: Transaction
    ) throws -> String {
        let key = supplied ?? randomHex(byteCount: 20)
        var values: RecordValues = [
            "name": .string(name), "user_id": .int(user), "index": .string(String(key.prefix(8))), "key_hash": .string(digest(key)),
        ]
        if let days, let expiry = OdooDateFormat.date(transaction.todayText, plusDays: days) {
            values["expiration_date"] = .string(expiry + transaction.nowText.dropFirst(10))
        }
        try transaction.sudo { _ = try transaction.create("res.users.apikeys", values) }
        return key
    }

    private static func digest(_ text: String) -> String {
        MessageAuthentication.hex(MessageAuthentication.sha256(Array(text.utf8)))
    }

    private static func randomHex(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return MessageAuthentication.hex(bytes)
    }
}
