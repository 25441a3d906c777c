import Accounts
import Areas
import Audit
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Logging
import Organisation
import OrganisationServices
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// Issue 11, item 3 — every register page, search, 待办, record page and sweep query uses an index at a million rows.
/// The hot operations run with a `QueryRecorder`; the database then explains each SELECT they ran, binds and all —
/// SQLite's `EXPLAIN QUERY PLAN`, PostgreSQL's `EXPLAIN` with sequential scans priced out — and a full scan of a large
/// table fails the test, naming the statement.
@Suite("查询计划 — hot queries use an index on both databases")
struct QueryPlanTests {
    /// Tables that grow with the data (and the aliases the stores give them).
    static let large: Set<String> = [
        "carriers", "c", "secrets", "s", "knowledge_scope", "ks", "audit_log", "a", "carrier_events", "secret_events", "e", "carrier_findings", "f",
        "persons", "p", "carrier_registers", "r", "objections", "o", "carrier_reader_log", "carrier_counts", "sessions", "scope_widenings",
        // Issue 12: the personnel registers.
        "cleared_persons", "trips", "t", "reportable_events", "departures", "d", "training_attendance", "training_hours", "h", "personnel_reviews",
        "commitments", "external_courses", "training_classes", "rights_records",
        // The incident register and its clock (R-IC-1).
        "carrier_incidents", "i",
        // The 移交清单 and their lines (R-CA-15).
        "carrier_handovers", "carrier_handover_items",
        // 脱密期管理 (IR 53–54).
        "after_leaving",
    ]

    /// The full scans of large tables in the plans of `statements` (empty when every one uses an index).
    static func fullScans(_ statements: [any SQLExpression], on database: Database) async throws -> [String] {
        var problems: [String] = []
        for statement in statements {
            let sql = try await database.read { db in
                var serializer = SQLSerializer(database: db)
                statement.serialize(to: &serializer)
                return serializer.sql
            }
            let head = sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
            guard head.hasPrefix("SELECT") || head.hasPrefix("WITH") else { continue }
            switch database.engine {
            case .sqlite:
                let details = try await database.read { db in
                    try await db.raw("EXPLAIN QUERY PLAN \(statement)").all().map { try $0.decode(column: "detail", as: String.self) }
                }
                for detail in details where detail.hasPrefix("SCAN ") && !detail.contains("USING") {
                    let table = detail.dropFirst(5).split(separator: " ").first.map(String.init) ?? ""
                    if large.contains(table) { problems.append("\(detail)  ←  \(sql)") }
                }
            case .postgres:
                let lines = try await database.transaction { db in
                    try await db.raw("SET LOCAL enable_seqscan = off").run()
                    return try await db.raw("EXPLAIN \(statement)").all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
                }
                for line in lines {
                    guard let range = line.range(of: "Seq Scan on ") else { continue }
                    let table = line[range.upperBound...].split(separator: " ").first.map(String.init) ?? ""
                    if large.contains(table) { problems.append("\(line.trimmingCharacters(in: .whitespaces))  ←  \(sql)") }
                }
            }
        }
        return problems
    }

    @Test("issue 11: register pages (every order, a deep page, filters, searches), ledgers, record pages, 待办, audit log and the sweep use indexes")
    func hotQueriesUseIndexes() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            let recorder = QueryRecorder()
            // Both sides of the visibility predicate (`AccessFilter.Side`): the demo's small scopes read from the
            // person's side; a threshold below zero makes every viewer probe from the register's side, as a 保密员
            // who knows most of a large register does.
            for probeAbove in [AccessFilter.probeAbove, -1] {
                try await AccessFilter.$probeAbove.withValue(probeAbove) {
                    try await QueryRecorder.$current.withValue(recorder) { try await Self.runHotPaths(world) }
                }
            }
            let recorded = recorder.recorded
            #expect(recorded.count > 200, "the hot paths ran their queries through the recorder")
            let problems = try await Self.fullScans(recorded, on: s.database)
            #expect(problems.isEmpty, "full scans of large tables:\n\(problems.joined(separator: "\n"))")
        }
    }

    /// The register pages, searches, ledgers, record pages, 待办, audit log and sweep, for five demo users.
    static func runHotPaths(_ world: TestWorld) async throws {
        let s = world.services
        for user in ["wangfang", "lihua", "zhangwei", "chenjun", "zhoumin"] {
            let actor = try await world.actor(user)
            for order in CarrierOrder.allCases {
                let first = try await s.carriers.register(actor, filter: CarrierFilter(unitID: actor.person?.unitID), order: order)
                if let next = first.next { _ = try await s.carriers.register(actor, order: order, page: PageRequest(cursor: next)) }
            }
            _ = try await s.carriers.register(actor, filter: CarrierFilter(status: .lent, search: "通知"))
            // Three characters and more: the trigram index, or on PostgreSQL the scope's order its planner weighs against it.
            for order in CarrierOrder.allCases { _ = try await s.carriers.register(actor, filter: CarrierFilter(search: "关于印发"), order: order) }
            _ = try await s.classification.register(actor, filter: SecretFilter(search: "实施方案"))
            for order in SecretOrder.allCases {
                let first = try await s.classification.register(actor, order: order)
                if let next = first.next { _ = try await s.classification.register(actor, order: order, page: PageRequest(cursor: next)) }
            }
            _ = try await s.classification.register(actor, filter: SecretFilter(status: .inForce, search: "方案"))
            if let me = actor.person?.id {
                let ledger = try await s.carriers.ledger(actor, personID: me)
                if let carrier = ledger.items.first { _ = try await s.carriers.detail(actor, id: carrier.id) }
            }
            if let secret = try await s.classification.register(actor).items.first { _ = try await s.classification.detail(actor, id: secret.id) }
            _ = try await s.todos.items(for: actor)
        }
        // Issue 12: the personnel registers, a file, the departure gate and the keepers' 待办 (the sweep below ends 脱密期).
        for keeper in ["wangfang", "liuyang"] {
            let actor = try await world.actor(keeper)
            for status in PersonnelStatus.allCases { _ = try await s.personnel.register(actor, status: status) }
            _ = try await s.personnel.trips(actor)
            _ = try await s.personnel.events(actor)
            for departure in try await s.personnel.departures(actor).items {
                _ = try await s.personnel.departureGate(actor, departureID: departure.id)
                _ = try await s.personnel.file(actor, personID: departure.personID)
            }
            _ = try await s.personnel.underFloor(actor, year: s.clock.today.year)
        }
        // The 移交清单 (R-CA-15): a medium handed over, the list read back through both persons' files.
        let keeper = try await world.actor("wangfang")
        let leaver = try #require(try await s.personnel.staff(named: "孙涛", keeper).first).id
        let successor = try await world.actor("zhoumin")
        _ = try await world.receiveCarrier(keeper, title: "移交查询计划用U盘", scope: [leaver], mediumUser: leaver)
        let handover = try await s.carriers.handOver(
            keeper, fromPersonID: leaver, toPersonID: try #require(successor.person).id, leaverSigned: "孙涛", successorSigned: "周敏")
        _ = try await s.personnel.file(successor, personID: try #require(successor.person).id)
        _ = try await s.personnel.handoverList(keeper, personID: leaver, handoverID: handover.id)
        _ = try await s.personnel.handoverList(successor, personID: try #require(successor.person).id, handoverID: handover.id)
        // The self-assessment's indicators (R-IN-4), every area's, for the demo's unit.
        _ = try await s.indicators(unitID: try #require(try await world.actor("wangfang").person).unitID)
        _ = try await s.audit.browse(.system, AuditFilter(actor: "wangfang"))
        _ = try await s.audit.browse(.system, AuditFilter(outcome: .denied))
        _ = try await SweepScheduler(services: s, logger: .init(label: "test")).runIfDue()
    }

    @Test("issue 11: the plan check fails on a full scan of a large table")
    func theCheckCanFail() async throws {
        try await TestWorld.with(demo: false) { world in
            let scan: SQLQueryString = "SELECT * FROM carriers c WHERE c.originating_unit LIKE \(bind: "%x%")"
            let indexed: SQLQueryString = "SELECT * FROM carriers c WHERE c.id = \(bind: "x")"
            let flagged = try await Self.fullScans([scan], on: world.services.database)
            let clean = try await Self.fullScans([indexed], on: world.services.database)
            #expect(flagged.count == 1)
            #expect(clean.isEmpty)
        }
    }
}
