import Accounts
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// User accounts and roles.
enum UserStore {
    static func user(from row: any SQLRow, roles: Set<Role>) throws -> User {
        User(
            id: try row.decode(column: "id", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            personID: try row.decode(column: "person_id", as: String?.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            otpSecret: try row.decode(column: "otp_secret", as: String?.self),
            failedLogins: try row.decode(column: "failed_logins", as: Int.self),
            locked: try row.decode(column: "locked", as: Int.self) != 0,
            mustChangePassword: try row.decode(column: "must_change_password", as: Int.self) != 0,
            roles: roles,
            lastLoginAt: try row.decode(column: "last_login_at", as: Int64?.self))
    }

    /// Inserts an account with its roles.
    static func insert(_ u: User, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO users (id, username, display_name, person_id, password_hash, otp_secret, failed_logins, locked,
                               must_change_password, password_changed_at, created_at)
            VALUES (\(bind: u.id), \(bind: u.username), \(bind: u.displayName), \(bind: u.personID), \(bind: u.passwordHash),
                    \(bind: u.otpSecret), 0, \(bind: u.locked ? 1 : 0), \(bind: u.mustChangePassword ? 1 : 0), \(bind: millis), \(bind: millis))
            """
        ).run()
        try await setRoles(userID: u.id, roles: u.roles, on: db)
    }

    /// The IDs of the accounts linked to a person.
    static func ids(ofPerson personID: String, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw("SELECT id FROM users WHERE person_id = \(bind: personID)").all().map { try $0.decode(column: "id", as: String.self) }
    }

    /// Replaces an account's roles.
    static func setRoles(userID: String, roles: Set<Role>, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM user_roles WHERE user_id = \(bind: userID)").run()
        for role in roles.sorted() {
            try await db.raw("INSERT INTO user_roles (user_id, role) VALUES (\(bind: userID), \(bind: role.rawValue))").run()
        }
    }

    /// An account's roles.
    static func roles(userID: String, on db: any SQLDatabase) async throws -> Set<Role> {
        let rows = try await db.raw("SELECT role FROM user_roles WHERE user_id = \(bind: userID)").all()
        return Set(try rows.compactMap { Role(rawValue: try $0.decode(column: "role", as: String.self)) })
    }

    /// One account by id.
    static func user(id: String, on db: any SQLDatabase) async throws -> User? {
        guard let row = try await db.raw("SELECT * FROM users WHERE id = \(bind: id)").first() else { return nil }
        return try user(from: row, roles: try await roles(userID: id, on: db))
    }

    /// One account by user name.
    static func user(username: String, on db: any SQLDatabase) async throws -> User? {
        guard let row = try await db.raw("SELECT * FROM users WHERE username = \(bind: username)").first() else { return nil }
        let id = try row.decode(column: "id", as: String.self)
        return try user(from: row, roles: try await roles(userID: id, on: db))
    }

    /// Every account, ordered by user name.
    /// One page of the accounts by user name (the unique index on `username`), with their roles.
    static func page(search: String?, request: PageRequest, on db: any SQLDatabase) async throws -> Page<User> {
        var from: SQLQueryString = "FROM users u WHERE 1 = 1"
        if let search, !search.isEmpty {
            from = from + " AND (u.username LIKE \(bind: search.likeContaining) ESCAPE '\\' OR u.display_name LIKE \(bind: search.likeContaining) ESCAPE '\\')"
        }
        let order = KeysetOrder(name: "username", keys: [("u.username", .text), ("u.id", .text)], descending: false)
        let rows = try await Keyset.page(select: "u.*", from: from, order: order, request: request, on: db) { $0 }
        var roles: [String: Set<Role>] = [:]
        let ids = try rows.items.map { try $0.decode(column: "id", as: String.self) }
        if !ids.isEmpty {
            for row in try await db.raw("SELECT user_id, role FROM user_roles WHERE user_id IN (\(binds: ids))").all() {
                if let role = Role(rawValue: try row.decode(column: "role", as: String.self)) {
                    roles[try row.decode(column: "user_id", as: String.self), default: []].insert(role)
                }
            }
        }
        return try rows.map { try user(from: $0, roles: roles[try $0.decode(column: "id", as: String.self)] ?? []) }
    }

    static func all(on db: any SQLDatabase) async throws -> [User] {
        let rows = try await db.raw("SELECT * FROM users ORDER BY username").all()
        let roleRows = try await db.raw("SELECT user_id, role FROM user_roles").all()
        var roles: [String: Set<Role>] = [:]
        for row in roleRows {
            if let role = Role(rawValue: try row.decode(column: "role", as: String.self)) {
                roles[try row.decode(column: "user_id", as: String.self), default: []].insert(role)
            }
        }
        return try rows.map { row in
            try user(from: row, roles: roles[try row.decode(column: "id", as: String.self)] ?? [])
        }
    }

    /// Records a failed login; locks at `lockAfter` failures. Returns the new count.
    static func recordFailure(userID: String, lockAfter: Int, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = \(bind: userID)").run()
        let count =
            try await db.raw("SELECT failed_logins FROM users WHERE id = \(bind: userID)").first()?
            .decode(column: "failed_logins", as: Int.self) ?? 0
        if count >= lockAfter {
            try await db.raw("UPDATE users SET locked = 1 WHERE id = \(bind: userID)").run()
        }
        return count
    }

    /// Records a successful login.
    static func recordSuccess(userID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE users SET failed_logins = 0, last_login_at = \(bind: millis) WHERE id = \(bind: userID)").run()
    }

    /// Locks or unlocks an account; unlocking clears the failure count.
    static func setLocked(userID: String, _ locked: Bool, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE users SET locked = \(bind: locked ? 1 : 0), failed_logins = 0 WHERE id = \(bind: userID)").run()
    }

    /// Sets a new password hash.
    static func setPassword(userID: String, hash: String, mustChange: Bool, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE users SET password_hash = \(bind: hash), must_change_password = \(bind: mustChange ? 1 : 0),
                   password_changed_at = \(bind: millis) WHERE id = \(bind: userID)
            """
        ).run()
    }

    /// Sets or clears the TOTP secret.
    static func setOTPSecret(userID: String, secret: String?, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE users SET otp_secret = \(bind: secret) WHERE id = \(bind: userID)").run()
    }

    /// Number of accounts.
    static func count(on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The roles held by the accounts of a person (one person may have more than one account).
    static func roles(ofPerson personID: String, on db: any SQLDatabase) async throws -> Set<Role> {
        Set(
            try await db.raw("SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.person_id = \(bind: personID)")
                .all().compactMap { Role(rawValue: try $0.decode(column: "role", as: String.self)) })
    }

    /// The persons whose accounts hold `role`.
    static func persons(withRole role: Role, on db: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await db.raw("SELECT u.person_id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = \(bind: role.rawValue)")
                .all().compactMap { try $0.decode(column: "person_id", as: String?.self) })
    }
}
