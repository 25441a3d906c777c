import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

/// Issue 11, item 9: a backup is a consistent copy; restoring it puts back an intact audit chain (R-SY-3), even over a
/// database that was tampered with since.
@Suite("备份与恢复 — backup and restore")
struct BackupTests {
    static func count(_ result: VerificationResult) -> Int? {
        if case .intact(let count) = result { return count }
        return nil
    }

    @Test("R-SY-3 a backup restores with the audit chain intact, after the live database was tampered with")
    func roundTrip() async throws {
        let pgTools = TestDatabase.postgresURL == nil || FileManager.default.isExecutableFile(atPath: "/usr/bin/pg_dump")
        try await TestWorld.with { world in
            guard pgTools else { return }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baomi-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let before = try #require(Self.count(try await world.services.audit.verify(.system)))
            let file = folder.appendingPathComponent("baomi.backup").path
            try await Backup.write(world.services.database, to: file)
            // A second backup to the same file is refused, never overwritten.
            await #expect(throws: Refusal.self) { try await Backup.write(world.services.database, to: file) }
            // The live chain is cut.
            try await world.services.database.transaction { db in try await db.raw("DELETE FROM audit_log WHERE seq > 3").run() }
            #expect(Self.count(try await world.services.audit.verify(.system)) == nil)
            switch world.services.database.configuration {
            case .postgres:
                try Backup.restore(from: file, into: world.services.database.configuration)
                #expect(Self.count(try await world.services.audit.verify(.system)) == before)
            default:
                let target = folder.appendingPathComponent("restored.sqlite").path
                try Backup.restore(from: file, into: .sqlite(path: target))
                let restored = try await Database.open(.sqlite(path: target))
                let services = Services(
                    database: restored, areas: world.services.areas, clock: world.services.clock, passwordPolicy: world.services.passwordPolicy, bcryptCost: 4)
                #expect(Self.count(try await services.audit.verify(.system)) == before)
                await restored.close()
            }
        }
    }
}
