import Accounts
import CarrierServices
import Carriers
import Foundation
import Kernel
import Organisation
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// R-CA-15 / R-PE-8: the 移交清单 a hand-over writes is read back — on both persons' files, printed with every carrier the
/// reader may know and the rest counted, and as the leaving 保密员's 工作交接.
@Suite("移交清单 — the hand-over list read back")
struct HandoverListTests {
    /// The 保密员 王芳 using a medium, the 保密办's 刘洋 who keeps the files, and 周敏 to take it over.
    static func clerkWithMedium(_ world: TestWorld) async throws -> (clerk: Actor, office: Actor, wangfang: String, successor: String) {
        let clerk = try await world.actor("wangfang")
        let wangfang = try #require(clerk.person).id
        _ = try await world.receiveCarrier(clerk, title: "王芳使用的涉密U盘", scope: [wangfang], mediumUser: wangfang)
        return (clerk, try await world.actor("liuyang"), wangfang, try #require(try await world.actor("zhoumin").person).id)
    }

    @Test("R-CA-15 R-KS-4 the list is on both files; each reader sees the carriers they may know by title, the rest only counted")
    func listOnBothFiles() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let office = try await world.actor("liuyang")
            let successorActor = try await world.actor("zhoumin")
            let leaver = try await personID(world, named: "孙涛")
            let successor = try #require(successorActor.person).id
            let liuyang = try #require(office.person).id
            let hiddenTitle = "孙涛使用的涉密U盘丙"
            let shownTitle = "孙涛使用的涉密U盘丁"
            _ = try await world.receiveCarrier(clerk, title: hiddenTitle, scope: [leaver], mediumUser: leaver)
            let shown = try await world.receiveCarrier(clerk, title: shownTitle, scope: [leaver, liuyang], mediumUser: leaver)
            let handover = try await s.carriers.handOver(clerk, fromPersonID: leaver, toPersonID: successor, leaverSigned: "孙涛", successorSigned: "周敏")
            #expect(handover.carrierCount == 2 && handover.leaverSigned == "孙涛" && handover.successorSigned == "周敏")

            // Both files list it, naming the other person.
            let leaverFile = try await s.personnel.file(office, personID: leaver)
            #expect(leaverFile.handovers.map(\.id) == [handover.id] && leaverFile.handoverNames[successor] == "周敏")
            let successorFile = try await s.personnel.file(successorActor, personID: successor)
            #expect(successorFile.handovers.map(\.id) == [handover.id] && successorFile.handoverNames[leaver] == "孙涛")

            // 刘洋 knows one of the two: that one by title, the other a number.
            let officeList = try await s.personnel.handoverList(office, personID: leaver, handoverID: handover.id)
            #expect(officeList.lines.items.map(\.id) == [shown.id] && officeList.hidden == 1)
            #expect(officeList.fromName == "孙涛" && officeList.toName == "周敏")
            // The successor joined both carriers' scopes: the whole list.
            let received = try await s.personnel.handoverList(successorActor, personID: successor, handoverID: handover.id)
            #expect(Set(received.lines.items.map(\.title)) == [hiddenTitle, shownTitle] && received.hidden == 0)
            // A page at a time, by register number, forwards without loss or repeat.
            let first = try await s.personnel.handoverList(successorActor, personID: successor, handoverID: handover.id, page: PageRequest(limit: 1))
            let second = try await s.personnel.handoverList(
                successorActor, personID: successor, handoverID: handover.id, page: PageRequest(limit: 1, cursor: first.lines.next))
            #expect(first.lines.total == 2 && (first.lines.items + second.lines.items).map(\.number) == received.lines.items.map(\.number))
            #expect(received.lines.items.map(\.number) == received.lines.items.map(\.number).sorted())

            // R-PE-15: a 承办人 reads no one else's file, so no list; nor a list through a file it is not on.
            let handler = try await world.actor("zhangwei")
            #expect(await refusal { _ = try await s.personnel.handoverList(handler, personID: leaver, handoverID: handover.id) } == "not_found")
            let own = try #require(handler.person).id
            #expect(await refusal { _ = try await s.personnel.handoverList(handler, personID: own, handoverID: handover.id) } == "not_found")
            // Each read is on the record as a read of the file it came through; the refused ones too.
            let reads = try await s.database.read { db in
                try await db.raw("SELECT outcome, detail FROM audit_log WHERE action = 'personnel.file.read' AND detail LIKE '移交清单%'").all().map {
                    try $0.decode(column: "outcome", as: String.self)
                }
            }
            #expect(reads.filter { $0 == "ok" }.count == 4 && reads.filter { $0 == "denied" }.count == 2)
        }
    }

    @Test("R-PE-8 R-CA-15 a leaving 保密员's 工作交接 is the 移交清单 signed by both, not a note ticked by hand")
    func clerkHandoverIsTheList() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let (clerk, office, wangfang, successor) = try await Self.clerkWithMedium(world)
            let d = try await s.personnel.openDeparture(
                office, .init(personID: wangfang, kind: .leavePost, leavingOn: s.clock.today, declearingMonths: 36, earlyConsent: "保密委员会同意"))
            let post = try #require(try await s.personnel.file(office, personID: wangfang).post)
            #expect(post.isClerk)
            for item in PersonnelRules.requiredItems(post: post) where item.recordedByHand && item != .clerkHandover {
                _ = try await s.personnel.recordDepartureItem(office, departureID: d.id, item: item, note: "已办")
            }
            _ = try await s.personnel.recordCommitment(office, personID: wangfang, kind: .clerkLeaving, signedOn: nil, note: "")
            #expect(try await s.personnel.departureGate(office, departureID: d.id).handover == nil)
            let handover = try await s.carriers.handOver(clerk, fromPersonID: wangfang, toPersonID: successor, leaverSigned: "王芳", successorSigned: "周敏")
            let gate = try await s.personnel.departureGate(office, departureID: d.id)
            #expect(gate.outstanding == 0 && gate.handover?.list.id == handover.id)
            #expect(gate.handover?.text == "移交清单：\(s.clock.today.iso)移交\(handover.carrierCount)件，接收人周敏，双方签字")
            // No note was ticked for the 工作交接: the list is it.
            let done = try await s.personnel.completeDeparture(office, departureID: d.id)
            #expect(done.done[.clerkHandover] == gate.handover?.text)
        }
    }

    @Test("R-PE-8 a 保密员's list given before this appointment does not count for this departure")
    func earlierListDoesNotCount() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let (clerk, office, wangfang, successor) = try await Self.clerkWithMedium(world)
            let handover = try await s.carriers.handOver(clerk, fromPersonID: wangfang, toPersonID: successor, leaverSigned: "王芳", successorSigned: "周敏")
            // The list is dated before the appointment: it belongs to an earlier tenure.
            let appointed = try #require(try await s.personnel.file(office, personID: wangfang).record).appointedOn
            try await s.database.transaction { db in
                try await db.raw("UPDATE carrier_handovers SET handed_on = \(bind: appointed.adding(days: -1).iso) WHERE id = \(bind: handover.id)").run()
            }
            let d = try await s.personnel.openDeparture(
                office, .init(personID: wangfang, kind: .leavePost, leavingOn: s.clock.today, declearingMonths: 36, earlyConsent: "保密委员会同意"))
            #expect(try await s.personnel.departureGate(office, departureID: d.id).handover == nil)
        }
    }

    @Test("R-CA-15 a list written before its carriers were rows keeps them: the migration moves the joined ids into lines")
    func earlierListsMigrate() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let leaver = try await personID(world, named: "孙涛")
            let successor = try #require(try await world.actor("zhoumin").person).id
            let a = try await world.receiveCarrier(clerk, title: "旧清单载体甲", scope: [leaver], mediumUser: leaver)
            let b = try await world.receiveCarrier(clerk, title: "旧清单载体乙", scope: [leaver], mediumUser: leaver)
            // The schema as it was: the carriers joined on the list itself, no lines, no index by receiver.
            try await s.database.transaction { db in
                for statement in [
                    "DROP TABLE carrier_handover_items", "DROP INDEX carrier_handovers_to",
                    "ALTER TABLE carrier_handovers ADD COLUMN carrier_ids TEXT NOT NULL DEFAULT ''", "DELETE FROM baomi_migrations WHERE id = 34",
                ] {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw(
                    """
                    INSERT INTO carrier_handovers (id, unit_id, from_person_id, to_person_id, handed_on, leaver_signed, successor_signed, carrier_count,
                        carrier_ids, created_at)
                    VALUES ('old-list', \(bind: clerk.person!.unitID), \(bind: leaver), \(bind: successor), '2026-01-05', '孙涛', '周敏', 2,
                        \(bind: a.id + "\u{1F}" + b.id), 0)
                    """
                ).run()
            }
            let applied = try await Migrator.migrate(s.database, migrations: s.areas.migrations, clockMillis: 0)
            #expect(applied.count == 1)
            let lines = try await s.database.read { db in
                try await db.raw("SELECT number, carrier_id FROM carrier_handover_items WHERE handover_id = 'old-list' ORDER BY number").all().map {
                    [try $0.decode(column: "number", as: String.self), try $0.decode(column: "carrier_id", as: String.self)]
                }
            }
            #expect(lines == [[a.number, a.id], [b.number, b.id]].sorted { $0[0] < $1[0] })
            // Read through the receiver's file: the list, its date; the carriers 周敏 was never given stay unlisted.
            let list = try await s.personnel.handoverList(try await world.actor("zhoumin"), personID: successor, handoverID: "old-list")
            #expect(list.handover.handedOn.iso == "2026-01-05" && list.handover.carrierCount == 2 && list.hidden == 2)
        }
    }
}
