import Accounts
import Foundation
import Organisation
import SQLKit
import Storage

/// A web session or API token as stored. Only the SHA-256 of the token is kept.
public struct SessionRecord: Sendable, Hashable {
    /// How the token is used: a browser session or an API bearer token.
    public enum Kind: String, Sendable {
        /// Browser session (cookie).
        case web
        /// API bearer token.
        case api
    }

    /// SHA-256 hex of the token (the raw token is never stored).
    public var tokenHash: String
    /// The account the session belongs to.
    public var userID: String
    /// Browser session or API token.
    public var kind: Kind
    /// The anti-CSRF token issued with the session.
    public var csrfToken: String
    /// When it was opened, in milliseconds since 1970.
    public var createdAt: Int64
    /// Its last use, in milliseconds since 1970; the idle timeout counts from here.
    public var lastSeenAt: Int64
    /// When it ended (logout, idle timeout, lock, password reset), in milliseconds since 1970; nil while open.
    public var endedAt: Int64?
}

/// A session as every request reads it: the session, and of its account what the actor needs.
struct ResolvedSession {
    var session: SessionRecord
    var username: String
    var displayName: String
    var locked: Bool
    var mustChangePassword: Bool
    var roles: Set<Role>
    var person: Person?
}

/// Sessions and API tokens.
enum SessionStore {
    static func session(from row: any SQLRow) throws -> SessionRecord {
        SessionRecord(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            kind: SessionRecord.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .web,
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Int64.self),
            endedAt: try row.decode(column: "ended_at", as: Int64?.self))
    }

    /// Stores a new session.
    static func insert(_ s: SessionRecord, remote: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO sessions (token_hash, user_id, kind, csrf_token, created_at, last_seen_at, remote)
            VALUES (\(bind: s.tokenHash), \(bind: s.userID), \(bind: s.kind.rawValue), \(bind: s.csrfToken),
                    \(bind: s.createdAt), \(bind: s.lastSeenAt), \(bind: remote))
            """
        ).run()
    }

    /// Finds a session by token hash.
    static func session(tokenHash: String, on db: any SQLDatabase) async throws -> SessionRecord? {
        try await db.raw("SELECT * FROM sessions WHERE token_hash = \(bind: tokenHash)").first().map(session(from:))
    }

    /// A session with its account, the account's roles and its person, read in one statement (issue 12: four reads on
    /// every request were a fifth of a small page). One row per role; an account without roles gives one row.
    static func resolved(tokenHash: String, on db: any SQLDatabase) async throws -> ResolvedSession? {
        let rows = try await db.raw(
            """
            SELECT s.*, u.username, u.display_name, u.person_id, u.locked, u.must_change_password, r.role,
                   p.id AS p_id, p.unit_id AS p_unit_id, p.department_id AS p_department_id, p.name AS p_name,
                   p.post AS p_post, p.title AS p_title, p.phone AS p_phone, p.email AS p_email, p.tier AS p_tier
            FROM sessions s
            JOIN users u ON u.id = s.user_id
            LEFT JOIN user_roles r ON r.user_id = u.id
            LEFT JOIN persons p ON p.id = u.person_id
            WHERE s.token_hash = \(bind: tokenHash)
            """
        ).all()
        guard let first = rows.first else { return nil }
        let roles = Set(try rows.compactMap { try $0.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)) })
        let person = try first.decode(column: "p_id", as: String?.self) == nil ? nil : try OrganisationStore.person(from: first, prefix: "p_")
        return ResolvedSession(
            session: try session(from: first),
            username: try first.decode(column: "username", as: String.self),
            displayName: try first.decode(column: "display_name", as: String.self),
            locked: try first.decode(column: "locked", as: Int.self) != 0,
            mustChangePassword: try first.decode(column: "must_change_password", as: Int.self) != 0,
            roles: roles, person: person)
    }

    /// Marks activity.
    static func touch(tokenHash: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE sessions SET last_seen_at = \(bind: millis) WHERE token_hash = \(bind: tokenHash)").run()
    }

    /// Ends a session.
    static func end(tokenHash: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE sessions SET ended_at = \(bind: millis) WHERE token_hash = \(bind: tokenHash) AND ended_at IS NULL").run()
    }

    /// Ends every open session of a user (lock, password reset).
    static func endAll(userID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE sessions SET ended_at = \(bind: millis) WHERE user_id = \(bind: userID) AND ended_at IS NULL").run()
    }
}
