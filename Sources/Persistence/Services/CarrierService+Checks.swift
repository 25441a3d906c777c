import Accounts
import Audit
import Carriers
import Foundation
import Kernel
import Organisation
import SQLKit

/// A 清点 (count) the 保密员 recorded for a scheduled check (R-CA-10).
public struct CarrierCount: Sendable, Hashable, Codable {
    public var id: String
    public var check: CarrierRules.Check
    /// `2026-11` (month), `2026-Q4` (quarter), `2025` (the year returned by Q1).
    public var period: String
    public var onDay: Day
    /// Carriers expected in stock, as the viewer may know of them.
    public var expected: Int
    /// Register numbers expected but not found (the viewer's visible ones only).
    public var missing: [String]
    /// What was found but is not in the register (typed by the 保密员).
    public var unexpected: [String]
    public var handledBy: String
    public var note: String
}

/// A scheduled check of the period containing today, with the count that closed it, if any.
public struct CarrierCheckDue: Sendable, Hashable {
    public var check: CarrierRules.Check
    public var period: String
    public var due: Day
    public var done: CarrierCount?
}

extension CarrierService {
    /// What the cross-checks need besides the carriers themselves.
    struct CheckContext {
        var safes: [String: Safe] = [:]
        /// Copies with an approved line in the 复印登记.
        var approvedCopies: Set<String> = []
        var secretLevels: [String: Level] = [:]
        /// 绝密 carriers with a step done by fewer than two persons: carrier id → the step.
        var shortHanded: [String: String] = [:]
        var today: Day
    }

    /// The cross-checks of one carrier: level below its secret (R-DU-7), safe below its level (R-CA-6), loan overdue
    /// (R-CA-5), copy without an approval line (R-CA-7), 绝密 step without a second person (R-CA-3, R-CA-9, R-CA-11),
    /// medium holding higher content (R-MD-2), a year's carriers not returned by the end of Q1 (R-CA-10).
    static func evaluate(_ c: Carrier, _ ctx: CheckContext) -> [CarrierFinding] {
        var found: [CarrierFinding] = []
        func add(_ rule: String, _ message: String) { found.append(CarrierFinding(carrierID: c.id, number: c.number, rule: rule, message: message)) }
        if let step = ctx.shortHanded[c.id] { add(c.level == .topSecret ? "R-CA-11" : "R-CA-3", "绝密级载体\(step)时不足二人，须查明并补正记录") }
        guard !c.status.isFinal else { return found }
        if let highest = c.secretIDs.compactMap({ ctx.secretLevels[$0] }).max(), c.level < highest {
            add("R-DU-7", "载体密级低于所载事项（\(highest.chinese)），须按新密级重新标志")
        }
        if let safeID = c.safeID, let safe = ctx.safes[safeID], (try? CarrierRules.checkStorage(level: c.level, safe: safe)) == nil {
            add("R-CA-6", "存放在\(safe.name)，与其密级不符")
        }
        if CarrierRules.isOverdue(c, today: ctx.today) { add("R-CA-5", "借阅逾期未还（应于\(c.dueOn?.chinese ?? "")归还）") }
        if c.originalID != nil && !ctx.approvedCopies.contains(c.id) { add("R-CA-7", "复印件无审批登记") }
        if let m = c.medium, let content = m.contentLevel, content > c.level { add("R-MD-2", "介质存有高于其密级的信息") }
        if CarrierRules.isReturnOverdue(c, today: ctx.today) { add("R-CA-10", "\(c.registeredOn.year)年度密件未在次年第一季度末前清退") }
        return found
    }

    /// Loads the context of the cross-checks for `carriers` of one unit (or all units when `unitID` is nil).
    func checkContext(for carriers: [Carrier], unitID: String?, on db: any SQLDatabase) async throws -> CheckContext {
        var ctx = CheckContext(today: today)
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
            let carriers = try await CarrierStore.visible(to: viewer, filter: CarrierFilter(unitID: me.unitID), limit: 1_000_000, on: db)
            let ctx = try await checkContext(for: carriers, unitID: me.unitID, on: db)
            return carriers.flatMap { Self.evaluate($0, ctx) }
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
            for finding in carriers.flatMap({ Self.evaluate($0, ctx) }) { current["\(finding.carrierID)|\(finding.rule)"] = finding }
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

    // MARK: R-CA-10 清点、清退

    /// The period a check covers on `day`: `2026-11`, `2026-Q4`, or the previous year for the Q1 return.
    public static func period(of check: CarrierRules.Check, on day: Day) -> String {
        switch check {
        case .monthlyCount: String(format: "%04d-%02d", day.year, day.month)
        case .quarterlyReturn: "\(day.year)-Q\((day.month - 1) / 3 + 1)"
        case .yearEndReturn: String(day.year - 1)
        }
    }

    /// R-CA-10: the checks due in the current period for the actor's unit, each with the count that closed it.
    public func checksDue(_ actor: Actor) async throws -> [CarrierCheckDue] {
        let me = try person(actor)
        let day = today
        var out: [CarrierCheckDue] = []
        for (check, due) in CarrierRules.checksDue(on: day) {
            let period = Self.period(of: check, on: day)
            let done = try await counts(actor, unitID: me.unitID, check: check, period: period).first
            out.append(CarrierCheckDue(check: check, period: period, due: due, done: done))
        }
        return out
    }

    /// The counts recorded, newest first; the carrier numbers shown are only those the actor may know of (R-KS-4).
    public func counts(_ actor: Actor, unitID: String? = nil, check: CarrierRules.Check? = nil, period: String? = nil) async throws -> [CarrierCount] {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in
            var q: SQLQueryString = "SELECT * FROM carrier_counts WHERE unit_id = \(bind: unitID ?? me.unitID)"
            if let check { q = q + " AND check_kind = \(bind: check.rawValue)" }
            if let period { q = q + " AND period = \(bind: period)" }
            var out: [CarrierCount] = []
            for row in try await db.raw(q + " ORDER BY created_at DESC, id DESC").all() {
                let expected = CarrierStore.split(try row.decode(column: "expected_ids", as: String.self))
                let missing = CarrierStore.split(try row.decode(column: "missing_ids", as: String.self))
                let visible = try await CarrierStore.visibleNumbers(ids: expected, viewer: viewer, on: db)
                out.append(
                    CarrierCount(
                        id: try row.decode(column: "id", as: String.self),
                        check: CarrierRules.Check(rawValue: try row.decode(column: "check_kind", as: String.self)) ?? .monthlyCount,
                        period: try row.decode(column: "period", as: String.self),
                        onDay: Day(iso: try row.decode(column: "on_day", as: String.self)) ?? today, expected: visible.count,
                        missing: missing.compactMap { visible[$0] }.sorted(),
                        unexpected: CarrierStore.split(try row.decode(column: "unexpected", as: String.self)),
                        handledBy: try row.decode(column: "handled_by", as: String.self), note: try row.decode(column: "note", as: String.self)))
            }
            return out
        }
    }

    /// R-CA-10: records a count: every carrier of the unit the 保密员 holds (in stock or out with a reader, borrower or
    /// trip) is expected; `foundIDs` are those seen or accounted for. Missing ones are reported (discrepancy on the
    /// 待办, each in its history) so the 保密员 can trace them or report a loss (R-CA-14).
    public func recordCount(
        _ actor: Actor, check: CarrierRules.Check, foundIDs: [String], unexpected: [String], note: String
    ) async throws -> CarrierCount {
        let me = try requireClerk(actor)
        let viewer = actor.viewer
        let day = today
        let period = Self.period(of: check, on: day)
        let id = IDs.make()
        try await services.database.transaction { db in
            let held = try await CarrierStore.visible(to: viewer, filter: CarrierFilter(unitID: me.unitID), limit: 1_000_000, on: db)
                .filter(\.status.isHeld)
            let found = Set(foundIDs)
            let expectedIDs = held.map(\.id)
            let missing = held.filter { !found.contains($0.id) }
            let extras = unexpected.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try await db.raw(
                """
                INSERT INTO carrier_counts (id, unit_id, check_kind, period, on_day, expected_ids, missing_ids, unexpected, note, handled_by, created_at)
                VALUES (\(bind: id), \(bind: me.unitID), \(bind: check.rawValue), \(bind: period), \(bind: day.iso),
                    \(bind: CarrierStore.join(expectedIDs)), \(bind: CarrierStore.join(missing.map(\.id))), \(bind: CarrierStore.join(extras)),
                    \(bind: note), \(bind: me.name), \(bind: services.nowMillis))
                """
            ).run()
            for carrier in missing {
                try await CarrierStore.event(
                    carrier.id, at: services.nowMillis, actor: actor.displayName, kind: "count_missing",
                    summary: "\(check.chinese)（\(period)）未清点到，须查明去向；确认丢失的立即报告（R-CA-14）", on: db)
            }
            try await AuditStore.append(
                services.record(
                    actor, "carrier.count", target: "carrier_count", id: id,
                    detail: "\(check.chinese)（\(period)）：应在 \(held.count) 件，缺 \(missing.count) 件，账外 \(extras.count) 件"), on: db)
        }
        guard let count = try await counts(actor, check: check, period: period).first(where: { $0.id == id }) else { throw Refusal.notFound }
        return count
    }

    /// Open loss/theft incidents of the actor's unit, on carriers they may know of, with the 24-hour report deadline.
    public func openIncidents(_ actor: Actor) async throws -> [(carrier: Carrier, kind: String, reportDueAt: Int64)] {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in
            var q: SQLQueryString = """
                SELECT c.*, i.kind AS incident_kind, i.report_due_at FROM carrier_incidents i JOIN carriers c ON c.id = i.carrier_id
                WHERE i.reported_at IS NULL AND i.unit_id = \(bind: me.unitID) AND
                """
            q = q + AccessFilter.visible(alias: "c", recordKind: CarrierStore.recordKind, viewer: viewer) + " ORDER BY i.report_due_at"
            return try await db.raw(q).all().map {
                (
                    try CarrierStore.carrier(from: $0), try $0.decode(column: "incident_kind", as: String.self),
                    try $0.decode(column: "report_due_at", as: Int64.self)
                )
            }
        }
    }
}

/// 载体 to-dos: the scheduled 清点/清退 (R-CA-10) and their discrepancies, the cross-check findings, open incidents
/// (R-CA-14) for the 保密员 and 保密办; the reminders to return what a person holds (R-CA-5). Only carriers the person
/// may know of count (R-KS-4).
struct CarrierTodos: TodoProvider {
    func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        guard let me = actor.person, actor.viewer.personID != nil else { return [] }
        let service = services.carriers
        let today = services.clock.today
        var items: [TodoItem] = []
        // R-CA-5 / R-CA-4 / R-CA-9: what this person holds.
        for carrier in try await service.ledgerRows(actor, personID: me.id) where carrier.holderPersonID == me.id {
            let overdue = CarrierRules.isOverdue(carrier, today: today)
            let what: String =
                switch carrier.status {
                case .lent: overdue ? "借阅已逾期，请立即归还（R-CA-5）" : "借阅的密件，按期归还保密员（R-CA-5）"
                case .circulating: "阅毕直接退回保密员，不得转给他人（R-CA-4）"
                default: "携带外出的密件，返回后交回保密员（R-CA-9）"
                }
            items.append(
                TodoItem(title: "交还\(carrier.number)：\(carrier.title)", detail: what, link: "/carriers/\(carrier.id)", due: carrier.dueOn, urgent: overdue))
        }
        guard !actor.roles.isDisjoint(with: [.secrecyClerk, .secrecyOffice]) else { return items }
        for check in try await service.checksDue(actor) {
            if let done = check.done {
                if !done.missing.isEmpty || !done.unexpected.isEmpty {
                    items.append(
                        TodoItem(
                            title: "处理\(check.check.chinese)差异（\(check.period)）",
                            detail: "未清点到 \(done.missing.count) 件：\(done.missing.joined(separator: "、"))"
                                + (done.unexpected.isEmpty ? "" : "；账外 \(done.unexpected.count) 件") + "。查明去向，确认丢失的立即报告（R-CA-14）",
                            link: "/carriers/checks", urgent: true))
                }
                continue
            }
            var detail = "清点本单位在册密件，登记差异（R-CA-10）"
            if check.check == .yearEndReturn {
                let findings = try await service.findings(actor).filter { $0.rule == "R-CA-10" }.count
                let left = try await service.register(actor, filter: CarrierFilter(unitID: me.unitID, registeredYear: today.year - 1), limit: 1_000_000)
                    .filter { $0.status.isHeld && !$0.retained }.count
                detail = "\(today.year - 1)年度密件尚有 \(left) 件未清退或归档（R-CA-10）" + (findings > 0 ? "，另有更早年度 \(findings) 件逾期" : "")
            }
            let days = check.due.daysSinceEpoch - today.daysSinceEpoch
            items.append(
                TodoItem(
                    title: "\(check.check.chinese)（\(check.period)）", detail: detail, link: "/carriers/checks?check=\(check.check.rawValue)", due: check.due,
                    urgent: days <= 3))
        }
        let findings = try await service.findings(actor)
        for (rule, group) in Dictionary(grouping: findings, by: \.rule).sorted(by: { $0.key < $1.key }) {
            items.append(
                TodoItem(
                    title: "载体核查问题（\(rule)）", detail: "\(group.count) 件：" + group.prefix(5).map { "\($0.number) \($0.message)" }.joined(separator: "；"),
                    link: "/carriers/findings", urgent: true))
        }
        for incident in try await service.openIncidents(actor) {
            items.append(
                TodoItem(
                    title: "报告载体\(incident.kind)：\(incident.carrier.number)", detail: "发现后24小时内报告保密行政管理部门（R-CA-14），截止 \(formatMillis(incident.reportDueAt))",
                    link: "/carriers/\(incident.carrier.id)", urgent: true))
        }
        return items
    }
}
