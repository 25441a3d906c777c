import Foundation
import Logging
import SQLKit
import Storage

/// Worlds are copied, not built. Migrating, bootstrapping and seeding the demo is about 3,700 statements; on
/// PostgreSQL through a debug build that is five seconds a test, most of the suite's time. So each kind of world is
/// built once per test process into a template, and every test gets a copy of it: a file copy on SQLite, a
/// `CREATE DATABASE … TEMPLATE` on PostgreSQL (each test then has a database of its own, as a deployment does).
package actor WorldTemplates {
    package static let shared = WorldTemplates()

    /// What a world was built with.
    package struct Kind: Hashable, Sendable {
        let demo: Bool
        let level: Int
        let carriers: Bool

        var name: String { "\(demo ? "demo" : "bare")_\(level)\(carriers ? "_carriers" : "")" }
    }

    private var built: [Kind: Task<String, any Error>] = [:]
    private var admin: Task<PostgresBackend, any Error>?
    private let logger: Logger = {
        var logger = Logger(label: "baomi.test.templates")
        logger.logLevel = .warning
        return logger
    }()

    /// The template of `kind` (an SQLite file's path or a PostgreSQL database's name), built by `seed` the first time.
    func template(_ kind: Kind, seed: @escaping @Sendable (Database) async throws -> Void) async throws -> String {
        if let task = built[kind] { return try await task.value }
        let task = Task { try await build(kind, seed: seed) }
        built[kind] = task
        return try await task.value
    }

    private func build(_ kind: Kind, seed: @Sendable (Database) async throws -> Void) async throws -> String {
        let name = "baomi_tmpl_\(Self.process)_\(kind.name)"
        let configuration: DatabaseConfiguration
        if let server = try TestDatabase.server() {
            try await adminRun("CREATE DATABASE \(ident: name)")
            configuration = server.with(database: name)
        } else {
            Self.removeStaleFiles()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            configuration = .sqlite(path: path)
        }
        let database = try await Database.open(configuration, logger: logger)
        do {
            try await seed(database)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
        if case .sqlite(let path) = configuration { return path }
        return name
    }

    /// A copy of the template of `kind`.
    func copy(_ kind: Kind, seed: @escaping @Sendable (Database) async throws -> Void) async throws -> (Database, TestDatabase.Copy) {
        let template = try await template(kind, seed: seed)
        if let server = try TestDatabase.server() {
            let name = "baomi_t_\(Self.process)_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            try await adminRun("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template)")
            return (try await Database.open(server.with(database: name), logger: logger), .postgres(name))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baomi-test-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: path)
        if FileManager.default.fileExists(atPath: template + "-wal") {
            try FileManager.default.copyItem(atPath: template + "-wal", toPath: path + "-wal")
        }
        return (try await Database.open(.sqlite(path: path), logger: logger), .sqlite(path))
    }

    /// Drops a test's database on the PostgreSQL server.
    func drop(_ name: String) async {
        try? await adminRun("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)")
    }

    /// Runs a statement on the server's maintenance database (the one the URL names), outside any transaction.
    private func adminRun(_ statement: SQLQueryString) async throws {
        let backend = try await adminBackend()
        try await backend.withConnection { db in try await db.raw(statement).run() }
    }

    private func adminBackend() async throws -> PostgresBackend {
        if let admin { return try await admin.value }
        let task = Task<PostgresBackend, any Error> {
            guard case .postgres(let host, let port, let user, let password, let database, _) = try TestDatabase.server() else {
                fatalError("no PostgreSQL server configured")
            }
            let backend = try await PostgresBackend.open(
                host: host, port: port, username: user, password: password, database: database, schema: nil, logger: logger)
            try await Self.dropLeftovers(backend)
            return backend
        }
        admin = task
        return try await task.value
    }

    /// Databases an earlier test process left behind (it crashed or was stopped) are dropped once they are a day old:
    /// no test process runs that long, and a process on another machine sharing the server is never cut off. A database
    /// that cannot be dropped is left.
    private static func dropLeftovers(_ backend: PostgresBackend) async throws {
        let names = try await backend.withConnection { db in
            try await db.raw("SELECT datname FROM pg_database WHERE datname LIKE 'baomi\\_t%'").all().map { try $0.decode(column: "datname", as: String.self) }
        }
        for name in names where isStale(name) {
            try? await backend.withConnection { db in try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
        }
    }

    /// SQLite templates of earlier test processes, a day old.
    private static func removeStaleFiles() {
        let folder = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("baomi_tmpl_") && isStale(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Whether a name made by a test process (`baomi_t…_<seconds>x<token>_…`) is more than a day old.
    private static func isStale(_ name: String) -> Bool {
        let parts = name.split(separator: "_")
        guard parts.count >= 4, let started = parts[2].split(separator: "x").first.flatMap({ Int($0) }) else { return false }
        return Int(Date().timeIntervalSince1970) - started > 86_400
    }

    /// This test process: when it started and a random token (names stay unique across machines sharing a server).
    private static let process = "\(Int(Date().timeIntervalSince1970))x" + UUID().uuidString.lowercased().prefix(8)
}

extension DatabaseConfiguration {
    /// The same server, another database, no private schema.
    fileprivate func with(database name: String) -> DatabaseConfiguration {
        guard case .postgres(let host, let port, let user, let password, _, _) = self else { return self }
        return .postgres(host: host, port: port, username: user, password: password, database: name, schema: nil)
    }
}
