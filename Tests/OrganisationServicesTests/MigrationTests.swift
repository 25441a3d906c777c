import Areas
import BaomiApp
import Foundation
import Kernel
import Logging
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

@Suite("数据库迁移 — migrations")
struct MigrationTests {
    @Test("Migrations run once, are recorded, and a second run applies nothing")
    func idempotent() async throws {
        let db = try await TestDatabase.make()
        let first = try await Migrator.migrate(db, migrations: Self.all, clockMillis: 0)
        #expect(first.count == Self.all.count)
        let second = try await Migrator.migrate(db, migrations: Self.all, clockMillis: 0)
        #expect(second.isEmpty)
        let recorded = try await db.read { try await $0.raw("SELECT COUNT(*) AS n FROM baomi_migrations").first()!.decode(column: "n", as: Int.self) }
        #expect(recorded == Self.all.count)
        await TestDatabase.discard(db)
    }

    /// Every migration of the shared schema and of the standard areas, in the one global order.
    static let all = Area.standard.registry.migrations

    @Test("Migration numbers are unique, ascending and without gaps across the areas that hand them over")
    func ordered() {
        let ids = Self.all.map(\.id)
        #expect(ids == Array(1...ids.count))
        let own = Area.standard.flatMap(\.registration.migrations).map(\.id) + Migrations.core.map(\.id)
        #expect(own.sorted() == ids)
    }

    @Test("SQLite file mode creates the file in WAL mode on first run")
    func sqliteFileWAL() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("baomi-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("data/baomi.sqlite").path
        let db = try await Database.open(.sqlite(path: path))
        try await Migrator.migrate(db, migrations: Self.all, clockMillis: 0)
        let mode = try await db.read { try await $0.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self) }
        #expect(mode.lowercased() == "wal")
        await TestDatabase.discard(db)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("DATABASE_URL parsing: postgres, sqlite, and a refusal that names the setting")
    func urls() throws {
        #expect(
            try DatabaseConfiguration.parse(url: "postgres://u:p@db.local:5433/baomi")
                == .postgres(host: "db.local", port: 5433, username: "u", password: "p", database: "baomi", schema: nil))
        #expect(try DatabaseConfiguration.parse(url: "sqlite:///var/lib/baomi.sqlite") == .sqlite(path: "/var/lib/baomi.sqlite"))
        #expect(throws: Refusal.self) { try DatabaseConfiguration.parse(url: "mysql://x/y") }
        #expect(!DatabaseConfiguration.postgres(host: "h", port: 1, username: "u", password: "secret", database: "d", schema: nil).redacted.contains("secret"))
    }
}
