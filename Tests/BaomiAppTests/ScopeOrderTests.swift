import Accounts
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

/// 台账按本人知悉范围翻页 — a register's page in its default order is read from the viewer's own knowledge-scope rows,
/// each of which keeps its record's place in that order (`ScopedRegister`, M028): about a page of rows read, however
/// small a share of the register the viewer may see. The pages list exactly what the register's own order lists.
@Suite("知悉范围中的登记顺序 — the registers read from the viewer's scope")
struct ScopeOrderTests {
    /// Per record kind, the scope rows whose kept place differs from their record's (registered day, number, instant).
    static func misplaced(_ database: Database) async throws -> [String: Int] {
        try await database.read { db in
            let checks: [(String, SQLQueryString)] = [
                (
                    "secret",
                    "SELECT COUNT(*) AS n FROM knowledge_scope ks JOIN secrets r ON r.id = ks.record_id WHERE ks.record_kind = 'secret' AND (ks.order_at <> r.created_at OR ks.order_text <> '')"
                ),
                (
                    "carrier",
                    "SELECT COUNT(*) AS n FROM knowledge_scope ks JOIN carriers r ON r.id = ks.record_id WHERE ks.record_kind = 'carrier' AND (ks.order_at <> CAST(REPLACE(r.registered_on, '-', '') AS BIGINT) OR ks.order_text <> r.number)"
                ),
                (
                    "notice",
                    "SELECT COUNT(*) AS n FROM knowledge_scope ks JOIN classified_notices r ON r.id = ks.record_id WHERE ks.record_kind = 'notice' AND (ks.order_at <> r.created_at OR ks.order_text <> '')"
                ),
            ]
            var out: [String: Int] = [:]
            for (kind, q) in checks { out[kind] = try await db.raw(q).first()?.decode(column: "n", as: Int.self) ?? -1 }
            return out
        }
    }

    /// Every page of a register walked forwards by `next`, then backwards by `previous` from the last page.
    static func walk<Item>(_ read: (PageRequest) async throws -> Page<Item>, id: (Item) -> String) async throws -> (
        forwards: [String], backwards: [String], totals: Set<Int>
    ) {
        var forwards: [String] = []
        var totals: Set<Int> = []
        var page = try await read(PageRequest(limit: 3))
        var pages = [page.items.map(id)]
        while true {
            forwards += page.items.map(id)
            totals.insert(page.total)
            guard let next = page.next else { break }
            page = try await read(PageRequest(limit: 3, cursor: next))
            pages.append(page.items.map(id))
        }
        var backwards = page.items.map(id)
        while let previous = page.previous {
            page = try await read(PageRequest(limit: 3, cursor: previous))
            backwards = page.items.map(id) + backwards
        }
        return (forwards, backwards, totals)
    }

    @Test("R-KS-4: the secrets and carriers registers, read from each viewer's scope, list exactly the visible rows in the register's order, forwards and back")
    func pagesFollowTheOrder() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            var seen = 0
            for username in ["wangfang", "lihua", "zhangwei", "chenjun", "zhoumin"] {
                let actor = try await world.actor(username)
                for status in [nil, SecretStatus.inForce] {
                    let filter = SecretFilter(status: status)
                    // The register's own order (`ORDER BY s.created_at DESC, s.id DESC`), as the narrow lists read it.
                    let expected = try await s.classification.everything(actor, filter: filter).map(\.id)
                    let pages = try await Self.walk({ try await s.classification.register(actor, filter: filter, page: $0) }, id: \.id)
                    #expect(pages.forwards == expected, "\(username) secrets \(String(describing: status))")
                    #expect(pages.backwards == expected, "\(username) secrets back")
                    #expect(pages.totals == [expected.count], "\(username) secrets total")
                    seen += expected.count
                }
                for status in [nil, CarrierStatus.inStock] {
                    let filter = CarrierFilter(status: status)
                    let expected = try await s.carriers.everything(actor, filter: filter).map(\.id)
                    let pages = try await Self.walk({ try await s.carriers.register(actor, filter: filter, page: $0) }, id: \.id)
                    #expect(pages.forwards == expected, "\(username) carriers \(String(describing: status))")
                    #expect(pages.backwards == expected, "\(username) carriers back")
                    #expect(pages.totals == [expected.count], "\(username) carriers total")
                    seen += expected.count
                }
            }
            #expect(seen > 50, "the demo's registers have rows to page through")
        }
    }

    @Test("R-KS-1: every way a person joins a scope — drafting, receiving, importing, handing over, a notice — keeps the record's place")
    func everyWriterKeepsThePlace() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            let wangfang = try await world.actor("wangfang")
            let leaver = try await s.database.read { db in
                try #require(try await db.raw("SELECT id FROM persons WHERE name = \(bind: "孙涛")").first()).decode(column: "id", as: String.self)
            }
            let successor = try #require(try await world.actor("zhoumin").person).id
            let csv =
                "原登记编号,类别,标题,文号,制发单位,密级标志,份数,份号,登记日期,保密柜,状态,持有人,归还日期,知悉范围\r\n"
                + "L1,纸质密件,旧件一,文〔2024〕1号,某单位,秘密★5年,1,001,2024-05-06,,在库,,,李华、赵强\r\n"
                + "L2,纸质密件,旧件二,文〔2023〕2号,某单位,机密★10年,1,001,2023-11-30,,在库,,,李华\r\n"
            let imported = try await s.carriers.importCSV(wangfang, csv, mode: .all)
            #expect(imported.imported == 2)
            _ = try await world.receiveCarrier(wangfang, title: "孙涛使用的涉密U盘乙", scope: [leaver], mediumUser: leaver)
            let handover = try await s.carriers.handOver(wangfang, fromPersonID: leaver, toPersonID: successor, leaverSigned: "孙涛", successorSigned: "周敏")
            #expect(handover.carrierCount > 0)
            _ = try await s.notices.create(
                try await world.actor("chenjun"),
                NewNotice(title: "关于年度保密检查的通知", body: "正文", marking: "秘密★1年", issuedOn: "2026-11-23", scopePersonIDs: [successor]))
            let kinds = try await s.database.read { db in
                try await db.raw("SELECT record_kind, COUNT(*) AS n FROM knowledge_scope GROUP BY record_kind").all().map {
                    (try $0.decode(column: "record_kind", as: String.self), try $0.decode(column: "n", as: Int.self))
                }
            }
            #expect(Set(kinds.filter { $0.1 > 0 }.map(\.0)).isSuperset(of: ["secret", "carrier", "notice"]))
            #expect(try await Self.misplaced(s.database) == ["secret": 0, "carrier": 0, "notice": 0])
            // The check sees a row out of place.
            try await s.database.transaction { db in
                try await db.raw("UPDATE knowledge_scope SET order_at = 0 WHERE record_kind = 'carrier' AND person_id = \(bind: successor)").run()
            }
            #expect(try await Self.misplaced(s.database)["carrier"] ?? 0 > 0)
        }
    }

    @Test("R-KS-4: the secrets and carriers registers' first pages read the viewer's scope along its order index, on both databases")
    func theFirstPageReadsTheScopeIndex() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            let recorder = QueryRecorder()
            try await QueryRecorder.$current.withValue(recorder) {
                _ = try await s.carriers.register(try await world.actor("wangfang"))
                _ = try await s.classification.register(try await world.actor("lihua"))
            }
            var pages: [any SQLExpression] = []
            for statement in recorder.recorded {
                let sql = try await s.database.read { db in
                    var serializer = SQLSerializer(database: db)
                    statement.serialize(to: &serializer)
                    return serializer.sql
                }
                if sql.contains("ks.order_at") { pages.append(statement) }
            }
            #expect(pages.count == 2, "one page statement for each register")
            for statement in pages {
                switch s.database.engine {
                case .sqlite:
                    let plan = try await s.database.read { db in
                        try await db.raw("EXPLAIN QUERY PLAN \(statement)").all().map { try $0.decode(column: "detail", as: String.self) }
                    }
                    #expect(plan.contains { $0.contains("knowledge_scope_person_order") }, "\(plan)")
                    #expect(!plan.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }, "the index gives the order: \(plan)")
                case .postgres:
                    // With sorting and whole-table reads priced out, a plan still sorting could not have the order from an index.
                    let plan = try await s.database.transaction { db in
                        for setting in ["enable_seqscan", "enable_sort", "enable_bitmapscan"] {
                            try await db.raw("SET LOCAL \(unsafeRaw: setting) = off").run()
                        }
                        return try await db.raw("EXPLAIN \(statement)").all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
                    }
                    #expect(plan.contains { $0.contains("knowledge_scope_person_order") }, "\(plan)")
                    #expect(!plan.contains { $0.contains("Sort") }, "the index gives the order: \(plan)")
                }
            }
        }
    }

    @Test("R-KS-4: a register's total counts only what the viewer may see — read from the scope alone only for a viewer cleared for every level")
    func totalsWithinClearance() async throws {
        try await TestWorld.with(level: .topSecret, carriers: true) { world in
            let s = world.services
            var checked = 0
            for username in ["wangfang", "lihua", "zhangwei", "chenjun", "zhoumin", "zhaoqiang"] {
                let actor = try await world.actor(username)
                let ceiling = AccessPolicy.ceilingRank(actor.viewer)
                guard let person = actor.person?.id, ceiling < Level.topSecret.rawValue else { continue }
                // In the scope of every record above the clearance, as a lowered clearance would leave them.
                try await s.database.transaction { db in
                    for (kind, table, orderAt, orderText) in [
                        ("carrier", "carriers", "CAST(REPLACE(r.registered_on, '-', '') AS BIGINT)", "r.number"),
                        ("secret", "secrets", "r.created_at", "''"),
                    ] {
                        try await db.raw(
                            """
                            INSERT INTO knowledge_scope (record_kind, record_id, person_id, added_by, reason, added_at, order_at, order_text)
                            SELECT \(bind: kind), r.id, \(bind: person), 'test', 'test', 0, \(unsafeRaw: orderAt), \(unsafeRaw: orderText)
                            FROM \(unsafeRaw: table) r WHERE r.level_rank > \(bind: ceiling)
                            ON CONFLICT (record_kind, record_id, person_id) DO NOTHING
                            """
                        ).run()
                    }
                }
                let carriers = try await s.carriers.everything(actor, filter: CarrierFilter())
                #expect(try await s.carriers.register(actor).total == carriers.count, "\(username) carriers")
                let secrets = try await s.classification.everything(actor, filter: SecretFilter())
                #expect(try await s.classification.register(actor).total == secrets.count, "\(username) secrets")
                #expect(carriers.allSatisfy { $0.level.rawValue <= ceiling } && secrets.allSatisfy { $0.level.rawValue <= ceiling })
                checked += 1
            }
            #expect(checked > 0, "a demo user is cleared below 绝密")
            // A viewer cleared for every level has the scope alone counted, and the same total.
            var top = 0
            for username in ["wangfang", "lihua", "zhangwei", "chenjun", "zhoumin", "zhaoqiang"] {
                let actor = try await world.actor(username)
                guard AccessFilter.scopeOnly(recordKind: "carrier", viewer: actor.viewer) != nil else { continue }
                #expect(try await s.carriers.register(actor).total == (try await s.carriers.everything(actor, filter: CarrierFilter())).count)
                #expect(
                    try await s.classification.register(actor).total == (try await s.classification.everything(actor, filter: SecretFilter())).count)
                top += 1
            }
            #expect(top > 0, "a demo user is cleared for 绝密")
        }
    }
}
