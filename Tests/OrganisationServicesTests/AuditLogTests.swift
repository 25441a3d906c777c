import Accounts
import Areas
import Audit
import Foundation
import Kernel
import Organisation
import OrganisationServices
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

@Suite("审计日志 — tamper detection in the database")
struct AuditLogTests {
    /// A world with a non-trivial chain (bootstrap + demo seeding writes dozens of entries).
    func withChain(_ body: (TestWorld) async throws -> Void) async throws {
        try await TestWorld.with { world in
            let result = try await world.services.audit.verify(.system)
            guard case .intact(let count) = result, count > 20 else {
                Issue.record("expected an intact chain of more than 20 entries, got \(result)")
                return
            }
            try await body(world)
        }
    }

    func sql(_ world: TestWorld, _ statement: String) async throws {
        try await world.services.database.transaction { db in try await db.raw(SQLQueryString(statement)).run() }
    }

    @Test("R-SY-3 verify reports an intact chain after real operations")
    func intact() async throws {
        try await withChain { world in
            let result = try await world.services.audit.verify(.system)
            #expect(result.isIntact)
        }
    }

    @Test("R-SY-3 altering a row in SQL is caught at that row")
    func alteredInSQL() async throws {
        try await withChain { world in
            try await sql(world, "UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 7")
            #expect(try await world.services.audit.verify(.system) == .broken(seq: 7, problem: .contentAltered))
        }
    }

    @Test("R-SY-3 deleting a row in SQL is caught")
    func deletedInSQL() async throws {
        try await withChain { world in
            try await sql(world, "DELETE FROM audit_log WHERE seq = 5")
            #expect(try await world.services.audit.verify(.system) == .broken(seq: 5, problem: .sequenceGap(expected: 5, found: 6)))
        }
    }

    @Test("R-SY-3 deleting the newest rows in SQL is caught against the head")
    func truncatedInSQL() async throws {
        try await withChain { world in
            let head = try await world.services.database.read { db in
                try await db.raw("SELECT seq FROM audit_head WHERE id = 1").first()!.decode(column: "seq", as: Int64.self)
            }
            try await sql(world, "DELETE FROM audit_log WHERE seq = \(head)")
            let result = try await world.services.audit.verify(.system)
            #expect(result == .broken(seq: head, problem: .truncated(headSeq: head, lastSeq: head - 1)))
        }
    }

    @Test("R-SY-3 reordering rows in SQL (swapping sequence numbers) is caught")
    func reorderedInSQL() async throws {
        try await withChain { world in
            try await sql(world, "UPDATE audit_log SET seq = -1 WHERE seq = 3")
            try await sql(world, "UPDATE audit_log SET seq = 3 WHERE seq = 4")
            try await sql(world, "UPDATE audit_log SET seq = 4 WHERE seq = -1")
            let result = try await world.services.audit.verify(.system)
            #expect(result == .broken(seq: 3, problem: .linkBroken))
        }
    }

    @Test("R-SY-3 every write is in the log with before and after")
    func writesAreLogged() async throws {
        try await TestWorld.with { world in
            let sec = try await world.actor("secadmin")
            // R-PE-10: 张伟 serves in a 机密 post, so his tier may be lowered to 一般.
            let person = try await world.services.organisation.persons(.system).first { $0.name == "张伟" }!
            try await world.services.personnel.setTier(sec, personID: person.id, tier: .general)
            let page = try await world.services.audit.browse(.system, AuditFilter(action: "person.tier"))
            let entry = try #require(page.items.first)
            #expect(entry.record.actorName == "secadmin")
            #expect(entry.record.before == "\"important\"")
            #expect(entry.record.after == "\"general\"")
        }
    }

    @Test("R-SY-3 an operation that fails writes neither its change nor its audit entry")
    func failedOperationLeavesNothing() async throws {
        try await TestWorld.with { world in
            let before = try await world.services.audit.browse(.system, AuditFilter()).total
            let units = try await world.services.organisation.visibleUnits(.system).count
            await #expect(throws: (any Error).self) {
                _ = try await world.services.organisation.createUnit(.system, name: "江海市工业和信息化局", kind: .cityOrgan, parentID: nil)
            }
            #expect(try await world.services.audit.browse(.system, AuditFilter()).total == before)
            #expect(try await world.services.organisation.visibleUnits(.system).count == units)
        }
    }

    func headSeq(_ world: TestWorld) async throws -> Int64 {
        try await world.services.database.read { db in
            try await db.raw("SELECT seq FROM audit_head WHERE id = 1").first()!.decode(column: "seq", as: Int64.self)
        }
    }

    func count(_ world: TestWorld, _ action: String) async throws -> Int {
        try await world.services.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = \(bind: action)").first()!.decode(column: "n", as: Int.self)
        }
    }

    /// Runs `body` while another transaction holds the writer (on PostgreSQL, the audit head's row lock), then lets go.
    func whileWriterHeld(_ world: TestWorld, _ body: @escaping @Sendable () async throws -> Void) async throws {
        let (held, holding) = AsyncStream.makeStream(of: Void.self)
        let (release, releasing) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await world.services.database.transaction { db in
                try await db.raw("UPDATE audit_head SET seq = seq WHERE id = 1").run()
                holding.yield()
                for await _ in release { break }
            }
        }
        for await _ in held { break }
        try await body()
        releasing.yield()
        try await holder.value
    }

    @Test(
        "R-SY-3 entries standing alone, appended at once by many, share a transaction, and each is committed once before its call returns, in one unbroken chain"
    )
    func groupCommit() async throws {
        try await withChain { world in
            let s = world.services
            let before = try await headSeq(world)
            // Three in one transaction: three numbers in a row, one link each.
            let three = try await s.database.transaction { db in
                try await AuditStore.append((1...3).map { s.record(.system, "probe.batch", target: "probe", id: "批-\($0)") }, on: db)
            }
            #expect(three.map(\.seq) == [before + 1, before + 2, before + 3])
            #expect(three[1].prevHash == three[0].hash && three[2].prevHash == three[1].hash)
            // A hundred at once while the writer is busy: they wait together and go in a few groups, not a hundred.
            let groups = await s.database.auditQueue.groupsWritten
            let appenders = Task {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for i in 1...100 {
                        group.addTask {
                            try await s.appendAudit(s.record(.system, "probe.queue", target: "probe", id: "队-\(i)"))
                            // Committed before the call returned: the appender reads its own entry.
                            return try await s.database.read { db in
                                try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE target_id = \(bind: "队-\(i)")").first()!.decode(
                                    column: "n", as: Int.self)
                            }
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            try await whileWriterHeld(world) {
                for _ in 0..<500 where await s.database.auditQueue.pendingCount < 100 { try await Task.sleep(for: .milliseconds(10)) }
            }
            let seen = try await appenders.value
            #expect(seen.count == 100 && seen.allSatisfy { $0 == 1 })
            let written = await s.database.auditQueue.groupsWritten - groups
            #expect(written >= 2 && written <= 3, "groups: \(written)")
            #expect(try await count(world, "probe.queue") == 100)
            #expect(try await headSeq(world) == before + 103)
            #expect(try await s.audit.verify(.system).isIntact)
        }
    }

    @Test("R-SY-3 a group that fails after taking its numbers keeps nothing; each of its appenders, tried again alone, is told it failed; the queue goes on")
    func groupCommitFailure() async throws {
        try await withChain { world in
            let s = world.services
            let before = try await headSeq(world)
            // A row already in the next entry's place: the group's INSERT fails after its UPDATE took the numbers.
            try await sql(
                world,
                "INSERT INTO audit_log (seq, at, actor_name, action, target_kind, outcome, prev_hash, hash) VALUES (\(before + 1), 0, 'x', 'probe.block', 'probe', 'ok', 'x', 'x')"
            )
            let failures = Task {
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for i in 1...20 {
                        group.addTask {
                            do {
                                try await s.appendAudit(s.record(.system, "probe.fail", target: "probe", id: "败-\(i)"))
                                return false
                            } catch {
                                return true
                            }
                        }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
            }
            try await whileWriterHeld(world) {
                for _ in 0..<500 where await s.database.auditQueue.pendingCount < 20 { try await Task.sleep(for: .milliseconds(10)) }
            }
            // Every entry would take the blocked place, alone too: all twenty fail, and the head has not moved.
            #expect(try await failures.value == 20)
            #expect(try await headSeq(world) == before)
            #expect(try await count(world, "probe.fail") == 0)
            // Once the place is free, the queue goes on: one entry, committed, the chain unbroken.
            try await sql(world, "DELETE FROM audit_log WHERE action = 'probe.block'")
            try await s.appendAudit(s.record(.system, "probe.fail", target: "probe", id: "败-末"))
            #expect(try await headSeq(world) == before + 1)
            #expect(try await s.audit.verify(.system).isIntact)
        }
    }

    @Test(
        "R-SY-3 an entry appended inside a snapshot is written once the snapshot closes, before it returns, even when it fails; snapshots beyond the pool's size never wait on each other",
        .timeLimit(.minutes(5)))
    func entriesOfSnapshots() async throws {
        try await withChain { world in
            let s = world.services
            let before = try await headSeq(world)
            try await s.database.snapshot {
                try await s.appendAudit(s.record(.system, "probe.snapshot", target: "probe", id: "快照-1"))
            }
            #expect(try await count(world, "probe.snapshot") == 1)
            await #expect(throws: Refusal.self) {
                try await s.database.snapshot {
                    try await s.appendAudit(s.record(.system, "probe.snapshot", target: "probe", id: "快照-2"))
                    throw Refusal.notFound
                }
            }
            #expect(try await count(world, "probe.snapshot") == 2)
            // More snapshots at once than PostgreSQL's pool has connections, each reading and appending: none holds
            // its connection while its entry waits for another. The deadline is the section's own (the world's setup
            // is not counted) and generous, as the whole suite loads PostgreSQL; a hang fails it, and the test's time
            // limit is the backstop should cancelling not end the hung tasks.
            let finished = try await withThrowingTaskGroup(of: Bool.self) { race in
                race.addTask {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for i in 1...20 {
                            group.addTask {
                                try await s.database.snapshot {
                                    _ = try await s.database.read { db in try await db.raw("SELECT seq FROM audit_head WHERE id = 1").first() }
                                    try await s.appendAudit(s.record(.system, "probe.snapshot", target: "probe", id: "并发-\(i)"))
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                    return true
                }
                race.addTask {
                    try await Task.sleep(for: .seconds(120))
                    return false
                }
                let first = try await race.next() ?? false
                race.cancelAll()
                return first
            }
            #expect(finished, "20 snapshots at once did not finish within 120 s: one waits on another")
            #expect(try await count(world, "probe.snapshot") == 22)
            #expect(try await headSeq(world) == before + 22)
            #expect(try await s.audit.verify(.system).isIntact)
        }
    }
}
