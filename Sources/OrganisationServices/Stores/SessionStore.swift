import Foundation
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
