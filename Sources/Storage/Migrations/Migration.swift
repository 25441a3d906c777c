import Foundation
import SQLKit

/// One numbered schema change. Migrations are never renamed or edited after they land; a later change
/// is a new migration. The same SQL runs on SQLite and PostgreSQL (STYLE 5): portable types only —
/// `TEXT`, `INTEGER`, `BIGINT`; ids are UUID text made by the application; instants are `BIGINT`
/// milliseconds since 1970; days are `TEXT` `YYYY-MM-DD`; flags are `INTEGER` 0/1.
public protocol Migration: Sendable {
    /// The number; migrations apply in ascending order.
    var id: Int { get }
    /// A short English name, stored in `baomi_migrations`.
    var name: String { get }
    /// Applies the change.
    func prepare(on db: any SQLDatabase) async throws
}

extension Migration {
    /// Runs several DDL statements in order.
    public func run(_ statements: [String], on db: any SQLDatabase) async throws {
        for statement in statements {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }
}

/// The shared schema's migrations. Each area hands over its own (`AreaRegistration.migrations`); `AreaRegistry` puts
/// them all in the one order of their numbers. The numbers are global: a new migration, of any area, takes the next.
public enum Migrations {
    /// The organisation, accounts, sessions, audit log, calendar, settings and 涉密通知 — and the index migrations
    /// that span the classification and carrier tables (15, 19, 28, 29), kept whole as they landed.
    public static let core: [any Migration] = [
        M001Organisation(),
        M002Accounts(),
        M003Sessions(),
        M004AuditLog(),
        M005Calendar(),
        M006Settings(),
        M007ClassifiedNotices(),
        M014AuditSeal(),
        M015ScaleIndexes(),
        M016DirectoryIndexes(),
        M019PartialIndexes(),
        M027DirectorySearch(),
        M028ScopeOrder(),
        M029VisibleIndexes(),
    ]
}

/// Applies pending migrations, each in its own transaction, recording them in `baomi_migrations`.
public enum Migrator {
    /// Migrates `database` to the latest schema; returns the names applied now.
    @discardableResult
    public static func migrate(_ database: Database, migrations: [any Migration], clockMillis: Int64) async throws -> [String] {
        try await database.transaction { db in
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS baomi_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
        }
        let done = try await database.read { db in
            try await db.raw("SELECT id FROM baomi_migrations").all().map { try $0.decode(column: "id", as: Int.self) }
        }
        var applied: [String] = []
        for migration in migrations where !done.contains(migration.id) {
            try await database.transaction { db in
                try await migration.prepare(on: db)
                try await db.raw(
                    "INSERT INTO baomi_migrations (id, name, applied_at) VALUES (\(bind: migration.id), \(bind: migration.name), \(bind: clockMillis))"
                ).run()
            }
            applied.append(String(format: "%03d_%@", migration.id, migration.name))
        }
        return applied
    }

    /// The migrations this build knows that the database has not applied — empty when the schema is current (`/readyz`).
    /// A database that cannot be reached throws.
    public static func pending(_ database: Database, migrations: [any Migration]) async throws -> [Int] {
        let done = try await database.read { db in
            try await db.raw("SELECT id FROM baomi_migrations").all().map { try $0.decode(column: "id", as: Int.self) }
        }
        return migrations.map(\.id).filter { !done.contains($0) }
    }
}
