import Audit
import Foundation
import Storage
import Testing

@testable import BaomiApp

/// 数据目录 — no other account of the machine reads the data around the system's checks.
@Suite("数据目录 — the data are the service account's alone")
struct DataDirectoryTests {
    func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o777
    }

    @Test("R-SY-2 a new data directory and its database, key, checkpoint and a backup are created 0700/0600; a file others may read is named")
    func privateFiles() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("baomi-privacy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("data")
        // As `makeServices` does on start: the directory, the audit key, the database; then a checkpoint and a backup.
        #expect(try DataDirectory.prepare(directory).isEmpty)
        _ = try AuditSeal.load(environment: [:], file: directory.appendingPathComponent("audit.key"))
        let database = try await Database.open(.sqlite(path: directory.appendingPathComponent("baomi.sqlite").path))
        _ = try await Migrator.migrate(database, migrations: Area.standard.registry.migrations, clockMillis: 0)
        try AuditSealing.store(AuditAnchor(seq: 1, hash: String(repeating: "a", count: 64)), to: directory.appendingPathComponent("audit.anchor"))
        let backup = directory.appendingPathComponent("backup.sqlite")
        try await Backup.write(database, to: backup.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        await database.close()

        #expect(try mode(directory) == 0o700)
        #expect(Set(["baomi.sqlite", "audit.key", "audit.anchor", "backup.sqlite"]).isSubset(of: files))
        for name in files where FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) {
            #expect(try mode(directory.appendingPathComponent(name)) == 0o600, "\(name)")
        }
        #expect(DataDirectory.exposed(directory).isEmpty)

        // A file loosened by hand, and the directory, are named at the next start.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: backup.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        #expect(Set(try DataDirectory.prepare(directory)) == [directory.path, backup.path])
    }
}
