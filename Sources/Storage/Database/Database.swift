import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit

/// The database Baomi runs on: one interface over SQLite and PostgreSQL, same SQL on both.
///
/// Every operation runs inside `transaction` (one operation, one transaction — nothing half-written)
/// or `read`. Stores take the `SQLDatabase` handed to the closure, so composed operations share it.
public final class Database: Sendable {
    /// Which engine is underneath.
    public enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    /// The engine.
    public let engine: Engine
    /// Where it lives (for backups).
    public let configuration: DatabaseConfiguration
    let backend: any DatabaseBackend
    /// The audit entries that stand alone, committed in groups (`Services.appendAudit`).
    package let auditQueue = AuditQueue()

    private init(engine: Engine, configuration: DatabaseConfiguration, backend: any DatabaseBackend) {
        self.engine = engine
        self.configuration = configuration
        self.backend = backend
    }

    /// Opens (and for SQLite files, creates) the database. Does not migrate; see `Migrator`.
    public static func open(_ configuration: DatabaseConfiguration, logger: Logger = Logger(label: "baomi.db")) async throws -> Database {
        switch configuration {
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return Database(engine: .sqlite, configuration: configuration, backend: try await SQLiteBackend.open(.file(path: path), logger: logger))
        case .sqliteMemory:
            return Database(engine: .sqlite, configuration: configuration, backend: try await SQLiteBackend.open(.memory, logger: logger))
        case .postgres(let host, let port, let username, let password, let database, let schema):
            let backend = try await PostgresBackend.open(
                host: host, port: port, username: username, password: password, database: database,
                schema: schema, logger: logger)
            return Database(engine: .postgres, configuration: configuration, backend: backend)
        }
    }

    /// Runs `body` as a read: on SQLite files a reader connection from the pool (one snapshot, never waiting behind a
    /// write), on PostgreSQL a pooled connection. Writes go through `transaction`.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let joined = Self.joined { return try await body(joined) }
        return try await backend.withReader { db in try await body(QueryRecorder.wrap(db)) }
    }

    /// Runs `body`, which must send one statement only, as a read without BEGIN and COMMIT: a single statement sees one
    /// snapshot by itself; a second one would see a later state (issue 12: the session's lookup on every request was six statements, two of them BEGIN and COMMIT).
    public func readSingle<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let joined = Self.joined { return try await body(joined) }
        return try await backend.withReader(snapshot: false) { db in try await body(QueryRecorder.wrap(db)) }
    }

    /// The read a `snapshot` body runs in; the reads inside it join it.
    @TaskLocal static var joined: (any SQLDatabase)?

    /// Runs `body` with every `read` inside it on one connection and one snapshot — for a page assembled from many
    /// reads across the areas (the 待办: one BEGIN…COMMIT instead of twenty, issue 11). Writes inside still go through
    /// `transaction`. Where reads share the writer (an in-memory SQLite database) each read stays its own.
    ///
    /// Audit entries that stand alone, appended inside (`Services.appendAudit`), are written once the snapshot has
    /// closed, whether `body` returned or threw, and before this returns: a snapshot holds a connection (on PostgreSQL
    /// one of the pool's), and its entries must never wait for a connection while holding one.
    public func snapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard Self.joined == nil, backend.readsApart else { return try await body() }
        let backlog = AuditBacklog()
        let outcome: Result<T, any Error>
        do {
            outcome = .success(
                try await backend.withReader { db in
                    try await Self.$joined.withValue(QueryRecorder.wrap(db)) { try await Self.$backlog.withValue(backlog) { try await body() } }
                })
        } catch {
            outcome = .failure(error)
        }
        // The snapshot's entries, all in one transaction (not one queued group after another).
        let records = backlog.take()
        if !records.isEmpty { try await AuditQueue.write(records, through: self) }
        return try outcome.get()
    }

    /// The audit entries of the `snapshot` this task runs in, to be written when it closes.
    @TaskLocal static var backlog: AuditBacklog?

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    @discardableResult
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // A write never reads through a snapshot a `snapshot` body opened (it would miss its own writes).
        try await Self.$joined.withValue(nil) { try await write(body) }
    }

    private func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.withConnection { db in
            try await db.raw("BEGIN").run()
            do {
                let result = try await body(QueryRecorder.wrap(db))
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// From now on, on PostgreSQL, runs the statements that read or write rows as named prepared statements
    /// (`StatementCatalogue`). Called once the schema is migrated: a statement prepared before a migration could not
    /// run after one that changes its table.
    public func prepareStatements() {
        backend.prepareStatements()
    }

    /// Closes every connection.
    public func close() async {
        await backend.close()
    }
}

/// One engine's way of lending a connection.
package protocol DatabaseBackend: Sendable {
    /// Lends the connection writes go through.
    func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Lends a connection for a read; with `snapshot` every statement of `body` sees the same committed state.
    func withReader<T: Sendable>(snapshot: Bool, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Whether a read holds a connection of its own, so a write may run while it is open (`Database.snapshot`).
    var readsApart: Bool { get }
    /// Runs statements as named prepared statements from now on, where the engine has them.
    func prepareStatements()
    /// Closes every connection.
    func close() async
}

extension DatabaseBackend {
    /// SQLite keeps no statements between runs (sqlite-nio prepares each one afresh).
    package func prepareStatements() {}

    /// By default a read uses any connection (PostgreSQL's pool lends one).
    package func withReader<T: Sendable>(snapshot: Bool, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection(body)
    }

    /// A read whose statements share one snapshot.
    package func withReader<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withReader(snapshot: true, body)
    }
}
