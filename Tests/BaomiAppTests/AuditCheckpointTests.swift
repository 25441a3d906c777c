import Areas
import Audit
import BaomiApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Organisation
import OrganisationServices
import SQLKit
import Storage
import Synchronization
import TestSupport
import Testing

/// R-SY-3: the three cuts of the audit log an attacker with the database can make — the end deleted with the head row,
/// the same with the checkpoint file deleted too, and a head rolled back to an older sealed state — are each found by
/// `baomi audit verify` (exit status 2, the reason named); checkpoints follow the head while entries are appended.
@Suite("审计日志检查点 — audit checkpoints")
struct AuditCheckpointTests {
    /// A fresh checkpoint file in a directory of its own.
    static func checkpointFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baomi-anchor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("audit.anchor")
    }

    /// Appends entries the way users do: the 安全审计员 logs in and browses the log.
    static func appendSome(_ world: TestWorld) async throws {
        let auditor = try await world.actor("auditor")
        _ = try await world.services.audit.browse(auditor, AuditFilter())
    }

    /// Checkpoints the log, then deletes its last seven entries together with the head row — and the checkpoint file
    /// too when `deletingCheckpoint` — as an attacker with the database (and the data directory) would; what
    /// `baomi audit verify` then finds, and where the log was cut.
    static func cutEndWithHead(deletingCheckpoint: Bool) async throws -> (result: VerificationResult, cutAfter: Int64) {
        let file = try checkpointFile()
        return try await TestWorld.with(checkpointFile: file) { world in
            try await world.services.audit.checkpoint()
            let head = try #require(try await world.services.audit.head())
            try await world.services.database.transaction { db in
                try await db.raw("DELETE FROM audit_log WHERE seq > \(bind: head.seq - 7)").run()
                try await db.raw("DELETE FROM audit_head").run()
            }
            if deletingCheckpoint { try FileManager.default.removeItem(at: file) }
            return (try await world.services.audit.verify(.system), head.seq - 7)
        }
    }

    @Test("R-SY-3 entries after a point deleted with the head row: verify exits 2 naming the missing head")
    func cutWithHead() async throws {
        let (result, cutAfter) = try await Self.cutEndWithHead(deletingCheckpoint: false)
        #expect(result == .broken(seq: cutAfter, problem: .headMissing), "\(result)")
        #expect(result.exitStatus == 2)
        #expect(result.summary.contains("链头记录缺失"))
    }

    @Test("R-SY-3 the same cut with the checkpoint file deleted too: still found, the head is never optional")
    func cutWithHeadAndCheckpoint() async throws {
        let (result, cutAfter) = try await Self.cutEndWithHead(deletingCheckpoint: true)
        #expect(result == .broken(seq: cutAfter, problem: .headMissing), "\(result)")
        #expect(result.exitStatus == 2)
    }

    @Test("R-SY-3 a rollback — the head saved, later entries deleted and the saved head written back — is found by the checkpoint")
    func rollback() async throws {
        let file = try Self.checkpointFile()
        try await TestWorld.with(checkpointFile: file) { world in
            let db = world.services.database
            let saved = try #require(try await db.read { db in try await AuditStore.head(on: db) })
            try await Self.appendSome(world)
            // The checkpointer's round covers the entries appended since.
            let checkpointer = AuditCheckpointer(services: world.services, logger: Logger(label: "test"))
            let written = try #require(try await checkpointer.tick())
            #expect(written.seq > saved.seq)
            #expect(try await world.services.audit.verify(.system).isIntact)
            try await db.transaction { db in
                try await db.raw("DELETE FROM audit_log WHERE seq > \(bind: saved.seq)").run()
                try await db.raw("UPDATE audit_head SET seq = \(bind: saved.seq), hash = \(bind: saved.hash), mac = \(bind: saved.mac) WHERE id = 1").run()
            }
            let result = try await world.services.audit.verify(.system)
            #expect(result == .broken(seq: saved.seq + 1, problem: .rolledBack(headSeq: saved.seq, checkpointSeq: written.seq)), "\(result)")
            #expect(result.exitStatus == 2)
            #expect(result.summary.contains("链头被回滚"))
        }
    }

    @Test("R-SY-3 a checkpoint is written within a minute of appends, to the file and the server log; an idle log writes none")
    func checkpointWithinAMinute() async throws {
        let file = try Self.checkpointFile()
        try await TestWorld.with(checkpointFile: file) { world in
            let log = LogCapture()
            let checkpointer = AuditCheckpointer(services: world.services, logger: Logger(label: "test") { _ in log })
            let clock = ManualClock()
            let loop = Task { await checkpointer.run(clock: clock, every: AuditCheckpointer.interval) }
            defer { loop.cancel() }
            // The first round, at start, writes the head as it is.
            await clock.waitForSleepers()
            let first = try #require(AuditSealing.storedAnchor(in: file))
            #expect(first == (try await world.services.audit.head()))
            try await Self.appendSome(world)
            let head = try #require(try await world.services.audit.head())
            #expect(head.seq > first.seq)
            #expect(AuditSealing.storedAnchor(in: file) == first)
            // Within a minute of the appends the checkpoint has caught up, and the log says so.
            clock.advance(by: .seconds(30))
            await clock.waitForSleepers()
            #expect(AuditSealing.storedAnchor(in: file) == head)
            #expect(log.messages.contains("audit checkpoint \(head.text)"), "\(log.messages)")
            // Nothing appended: the next round writes nothing and logs nothing.
            let logged = log.messages.count
            clock.advance(by: .seconds(30))
            await clock.waitForSleepers()
            #expect(log.messages.count == logged)
            #expect(await checkpointer.last?.anchor == head)
        }
    }

    @Test("R-SY-3 instances sharing one database each keep their own checkpoint")
    func eachInstanceItsOwn() async throws {
        let mine = try Self.checkpointFile(), theirs = try Self.checkpointFile()
        try await TestWorld.with(checkpointFile: mine) { world in
            let s = world.services
            let other = Services(
                database: s.database, areas: s.areas, clock: s.clock, passwordPolicy: s.passwordPolicy, bcryptCost: s.bcryptCost,
                checkpointFile: theirs)
            try await AuditCheckpointer(services: s, logger: Logger(label: "a")).tick()
            try await Self.appendSome(world)
            try await AuditCheckpointer(services: other, logger: Logger(label: "b")).tick()
            let head = try await s.audit.head()
            #expect(AuditSealing.storedAnchor(in: theirs) == head)
            #expect(try #require(AuditSealing.storedAnchor(in: mine)).seq < head!.seq)
        }
    }

    @Test("R-SY-3 a restore is a deliberate rollback: recorded in the log, a new checkpoint written, the chain intact")
    func restoreRecorded() async throws {
        let file = try Self.checkpointFile()
        try await TestWorld.with(checkpointFile: file) { world in
            let db = world.services.database
            let saved = try #require(try await db.read { db in try await AuditStore.head(on: db) })
            try await Self.appendSome(world)
            let before = try #require(try await world.services.audit.checkpoint())
            // What a restore of a backup taken at `saved` leaves in the database.
            try await db.transaction { db in
                try await db.raw("DELETE FROM audit_log WHERE seq > \(bind: saved.seq)").run()
                try await db.raw("UPDATE audit_head SET seq = \(bind: saved.seq), hash = \(bind: saved.hash), mac = \(bind: saved.mac) WHERE id = 1").run()
            }
            #expect(try await world.services.audit.verify(.system).exitStatus == 2)
            let result = try await world.services.audit.restored(from: "backup.sqlite")
            #expect(result == .intact(count: Int(saved.seq) + 1), "\(result)")
            let entry = try #require(try await world.services.audit.browse(.system, AuditFilter(action: "system.restore")).items.first)
            #expect(entry.record.detail?.contains(before.text) == true)
            #expect(AuditSealing.storedAnchor(in: file)?.seq == saved.seq + 1)
        }
    }

    @Test("R-SY-3 /metrics shows the checkpoint's age")
    func metricsShowAge() async throws {
        try await TestWorld.with(demo: false, checkpointFile: try Self.checkpointFile()) { world in
            let app = Application(
                router: buildRouter(services: world.services, views: try await Views.load(), secureCookies: false, metricsToken: "op-token-丙"))
            try await AuditCheckpointer(services: world.services, logger: Logger(label: "test")).tick()
            try await app.test(.router) { client in
                let scraped = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer op-token-丙"])
                let text = String(buffer: scraped.body)
                #expect(text.contains("baomi_audit_checkpoint_age_seconds"), "\(text.prefix(400))")
                #expect(text.contains("baomi_audit_checkpoint_seq"))
            }
        }
    }
}

/// Keeps what a logger was told, for tests that check the server log.
final class LogCapture: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var messages: [String] { lines.withLock { $0 } }

    func log(event: LogEvent) { lines.withLock { $0.append(event.message.description) } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}
