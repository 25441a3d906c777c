import Accounts
import Audit
import Carriers
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// A 清点 (count) the 保密员 recorded for a scheduled check (R-CA-10).
public struct CarrierCount: Sendable, Hashable, Codable {
    /// The count's record id.
    public var id: String
    /// The scheduled check it closes: 每月清点, 每季度核查 or the year-end 清退.
    public var check: CarrierRules.Check
    /// `2026-11` (month), `2026-Q4` (quarter), `2025` (the year returned by Q1).
    public var period: String
    /// The day the count was made.
    public var onDay: Day
    /// Carriers expected in stock, as the viewer may know of them.
    public var expected: Int
    /// Register numbers expected but not found (the viewer's visible ones only).
    public var missing: [String]
    /// What was found but is not in the register (typed by the 保密员).
    public var unexpected: [String]
    /// The name of the 保密员 who counted.
    public var handledBy: String
    /// The 保密员's remark.
    public var note: String
}

/// A scheduled check of the period containing today, with the count that closed it, if any.
public struct CarrierCheckDue: Sendable, Hashable {
    /// Which scheduled check.
    public var check: CarrierRules.Check
    /// The period it covers: `2026-11`, `2026-Q4` or `2025` (see `CarrierService.period(of:on:)`).
    public var period: String
    /// The last day to do it.
    public var due: Day
    /// The count that closed it; nil while still open.
    public var done: CarrierCount?
}

extension CarrierService {
    /// Loads the context of the cross-checks for `carriers` of one unit (or all units when `unitID` is nil).
    func checkContext(for carriers: [Carrier], unitID: String?, on db: any SQLDatabase) async throws -> CarrierRules.CheckContext {
        var ctx = CarrierRules.CheckContext(today: today)
        let unitFilter: SQLQueryString = unitID.map { " AND unit_id = \(bind: $0)" } ?? ""
        for row in try await db.raw("SELECT * FROM safes WHERE 1 = 1" + unitFilter).all() {
            let safe = try CarrierStore.safe(from: row)
            ctx.safes[safe.id] = safe
        }
        ctx.approvedCopies = Set(
            try await db.raw("SELECT carrier_id FROM carrier_registers WHERE register = 'copy' AND approver <> ''" + unitFilter).all()
                .map { try $0.decode(column: "carrier_id", as: String.self) })
        let ids = Array(Set(carriers.flatMap(\.secretIDs)))
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try await db.select().column("id").column("level").from("secrets").where("id", .in, chunk).all() {
                ctx.secretLevels[try row.decode(column: "id", as: String.self)] = Level(code: try row.decode(column: "level", as: String.self))
            }
        }
        // R-CA-3 / R-CA-9 / R-CA-11: 绝密 dispatch, carrying out and destruction need two named persons.
        let steps: [String: String] = ["dispatch": "传递", "carry_out": "携带外出", "destroy": "销毁"]
        let unitOnCarrier: SQLQueryString = unitID.map { " AND c.unit_id = \(bind: $0)" } ?? ""
        let rows = try await db.raw(
            """
            SELECT e.carrier_id, e.kind, e.persons FROM carrier_events e JOIN carriers c ON c.id = e.carrier_id
            WHERE c.level = 'top_secret' AND e.kind IN ('dispatch', 'carry_out', 'destroy')
            """ + unitOnCarrier + " ORDER BY e.carrier_id, e.seq"
        ).all()
        for row in rows {
            let persons = Set(CarrierStore.split(try row.decode(column: "persons", as: String?.self)).filter { !$0.isBlank })
            if persons.count < 2 {
                ctx.shortHanded[try row.decode(column: "carrier_id", as: String.self)] = steps[try row.decode(column: "kind", as: String.self)] ?? ""
            }
        }
        return ctx
    }

    /// The live cross-checks over the carriers of the actor's unit they may know of (R-KS-4).
    public func findings(_ actor: Actor) async throws -> [CarrierFinding] {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in
            let carriers = try await CarrierStore.visible(to: viewer, filter: CarrierFilter(unitID: me.unitID), on: db)
            let ctx = try await checkContext(for: carriers, unitID: me.unitID, on: db)
            return carriers.flatMap { CarrierRules.findings(of: $0, in: ctx) }
        }
    }

    /// The nightly sweep of the carriers of every unit: a new finding is recorded once (history and audit) and kept
    /// open in `carrier_findings` until the cross-check no longer finds it. Returns (opened, resolved).
    @discardableResult
    public func sweep() async throws -> (opened: Int, resolved: Int) {
        let day = today
        return try await services.database.transaction { db in
            let carriers = try await db.raw("SELECT * FROM carriers ORDER BY id").all().map(CarrierStore.carrier(from:))
            let ctx = try await checkContext(for: carriers, unitID: nil, on: db)
            let units = Dictionary(uniqueKeysWithValues: carriers.map { ($0.id, $0) })
            var current: [String: CarrierFinding] = [:]
            for finding in carriers.flatMap({ CarrierRules.findings(of: $0, in: ctx) }) { current["\(finding.carrierID)|\(finding.rule)"] = finding }
            var open: [String: String] = [:]
            for row in try await db.raw("SELECT id, carrier_id, rule FROM carrier_findings WHERE resolved_on IS NULL").all() {
                open["\(try row.decode(column: "carrier_id", as: String.self))|\(try row.decode(column: "rule", as: String.self))"] =
                    try row.decode(column: "id", as: String.self)
            }
            var opened = 0
            for (key, finding) in current.sorted(by: { $0.key < $1.key }) where open[key] == nil {
                guard let carrier = units[finding.carrierID] else { continue }
                try await db.raw(
                    """
                    INSERT INTO carrier_findings (id, unit_id, carrier_id, rule, message, first_seen)
                    VALUES (\(bind: IDs.make()), \(bind: carrier.unitID), \(bind: carrier.id), \(bind: finding.rule), \(bind: finding.message), \(bind: day.iso))
                    """
                ).run()
                try await record(.system, carrier, kind: "finding", summary: "核查发现（\(finding.rule)）：\(finding.message)", before: carrier, on: db)
                opened += 1
            }
            var resolved = 0
            for (key, id) in open.sorted(by: { $0.key < $1.key }) where current[key] == nil {
                try await db.raw("UPDATE carrier_findings SET resolved_on = \(bind: day.iso) WHERE id = \(bind: id)").run()
                resolved += 1
            }
            return (opened, resolved)
        }
    }

    /// The day the sweep first saw each open finding of the actor's visible carriers (carrier id|rule → day).
    public func findingsSince(_ actor: Actor) async throws -> [String: Day] {
        let viewer = actor.viewer
        return try await services.database.read { db in
            var q: SQLQueryString = """
                SELECT f.carrier_id, f.rule, f.first_seen FROM carrier_findings f JOIN carriers c ON c.id = f.carrier_id
                WHERE f.resolved_on IS NULL AND
                """
            q = q + AccessFilter.visible(alias: "c", recordKind: CarrierStore.recordKind, viewer: viewer)
            var since: [String: Day] = [:]
            for row in try await db.raw(q).all() {
                since["\(try row.decode(column: "carrier_id", as: String.self))|\(try row.decode(column: "rule", as: String.self))"] = Day(
                    iso: try row.decode(column: "first_seen", as: String.self))
            }
            return since
        }
    }

}
