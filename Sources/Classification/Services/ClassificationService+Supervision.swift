import Accounts
import Audit
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// An objection appealed to an administration (R-CL-7), as its queue shows it.
public struct AppealRow: Sendable, Hashable {
    /// The objection's record id.
    public var objectionID: String
    /// The secret objected to.
    public var secret: SecretMatter
    /// The objector's reason.
    public var reason: String
    /// The level the objector claims is right; nil when only the period is disputed.
    public var claimedLevel: Level?
    /// The originating unit's answer to the objection; nil when it gave none before the appeal.
    public var unitAnswer: String?
    /// The day the objection was appealed to the administration.
    public var appealedOn: Day?
}

/// What a secrecy administration sees of its subordinate units' 定密 work.
public struct SupervisionOverview: Sendable {
    /// The secrecy administration (保密行政管理部门) whose view this is.
    public var administration: OrgUnit
    /// 备案 received (R-AU-3, R-AU-5, R-AU-6, R-RP-2).
    public var filings: [Filing]
    /// Unclear matters reported here and awaiting decision, with their decision due day (R-CL-3).
    public var unclear: [(secret: SecretMatter, due: Day?)]
    /// Objections appealed here (R-CL-7).
    public var appeals: [AppealRow]
    /// Names of every unit, for display.
    public var unitNames: [String: String]
}

extension ClassificationService {
    // MARK: filings (备案)

    /// Records a filing with an administration, and audits it.
    func file(
        _ actor: Actor, kind: FilingKind, unitID: String, subjectID: String?, filedWith: String, summary: String, content: String, on db: any SQLDatabase
    ) async throws {
        let filing = Filing(
            id: IDs.make(), kind: kind, unitID: unitID, subjectID: subjectID, filedWithUnitID: filedWith, filedOn: today, filedBy: actor.displayName,
            summary: summary, content: content, status: .filed)
        try await FilingStore.insert(filing, at: services.nowMillis, on: db)
        try await AuditStore.append(services.record(actor, "filing.\(kind.rawValue)", target: "filing", id: filing.id, detail: summary), on: db)
    }

    /// The administration a unit files its own documents with (its same-level administration), or a refusal.
    func filingTarget(of unitID: String, rule: String, on db: any SQLDatabase) async throws -> String {
        try ClassificationChecks.administration(try await nearestAdministration(above: unitID, on: db), level: nil, rule: rule)
    }

    /// R-AU-5 (DM 15): files the unit's current roster of 定密责任人 with its same-level administration.
    public func fileRoster(_ actor: Actor, unitID: String) async throws -> FilingKind {
        let day = today
        try await services.attempt(actor, "unit.fileRoster", target: "unit", id: unitID) { db in
            try requireActingFor(actor, unitID: unitID)
            guard let unit = try await OrganisationReads.unit(id: unitID, on: db) else { throw Refusal.notFound }
            let officers = try await AuthorityStore.officers(unitID: unitID, on: db).filter { $0.isInOffice(on: day) }
            try ClassificationChecks.roster(officers)
            var lines = ["单位：\(unit.name)", "报备日期：\(day.chinese)"]
            for o in officers {
                let name = try await OrganisationReads.person(id: o.personID, on: db)?.name ?? ""
                lines.append("\(name)｜\(o.kind.chinese)｜\(o.cap.chinese)｜指定日期：\(o.appointedOn.chinese)｜培训：\(o.trainedOn?.chinese ?? "未培训")")
            }
            try await file(
                actor, kind: .roster, unitID: unitID, subjectID: nil, filedWith: try await filingTarget(of: unitID, rule: "R-AU-5", on: db),
                summary: "\(unit.name)定密责任人名单（\(officers.count)人）", content: lines.joined(separator: "\n"), on: db)
        }
        return .roster
    }

    /// R-AU-6: files the unit's current 国家秘密事项一览表 with its same-level administration.
    public func fileCatalogue(_ actor: Actor, unitID: String) async throws -> FilingKind {
        let day = today
        try await services.attempt(actor, "unit.fileCatalogue", target: "unit", id: unitID) { db in
            try requireActingFor(actor, unitID: unitID)
            guard let unit = try await OrganisationReads.unit(id: unitID, on: db) else { throw Refusal.notFound }
            let items = try await AuthorityStore.catalogue(unitID: unitID, on: db)
            try ClassificationChecks.catalogue(items)
            let lines = ["单位：\(unit.name)", "报备日期：\(day.chinese)"] + items.map { "\(Self.catalogueLine($0))｜第\($0.revision)版" }
            try await file(
                actor, kind: .catalogue, unitID: unitID, subjectID: nil, filedWith: try await filingTarget(of: unitID, rule: "R-AU-6", on: db),
                summary: "\(unit.name)国家秘密事项一览表（\(items.count)项）", content: lines.joined(separator: "\n"), on: db)
        }
        return .catalogue
    }

    /// R-RP-2: files the unit's 定密工作统计 for a period with its same-level administration. The figures are the ones
    /// the filing person may see (R-KS-4) — the unit decides what it reports, as on paper; the administration sees
    /// numbers, never the secrets behind them.
    public func fileStatistics(_ actor: Actor, from: Day, to: Day) async throws -> FilingKind {
        let me = try person(actor)
        try requireRole(actor, [.leader, .secrecyOffice], "报送定密统计")
        let stats = try await statistics(actor, from: from, to: to)
        try await services.attempt(actor, "unit.fileStatistics", target: "unit", id: nil) { db in
            guard let unit = try await OrganisationReads.unit(id: me.unitID, on: db) else { throw Refusal.notFound }
            var lines = ["单位：\(unit.name)", "统计期间：\(from.chinese)至\(to.chinese)", "密级｜原始定密｜派生定密｜不明确事项｜合计"]
            for row in stats.classified { lines.append("\(row.level)｜\(row.original)｜\(row.derived)｜\(row.unclear)｜\(row.total)") }
            lines += [
                "变更：\(stats.changes)", "延长保密期限：\(stats.extensions)", "解密：\(stats.declassifications)",
                "在任定密责任人：\(stats.officersInOffice)", "有效定密授权：\(stats.grantsInForce)",
            ]
            try await file(
                actor, kind: .statistics, unitID: unit.id, subjectID: nil, filedWith: try await filingTarget(of: unit.id, rule: "R-RP-2", on: db),
                summary: "\(unit.name)定密工作统计（\(from.chinese)至\(to.chinese)，定密\(stats.classified.reduce(0) { $0 + $1.total })件）",
                content: lines.joined(separator: "\n"), on: db)
        }
        return .statistics
    }

    /// The filings a unit made (for its leader and 保密办), newest first.
    public func filingsMade(_ actor: Actor, unitID: String) async throws -> [Filing] {
        try await services.database.read { db in
            try await requireManageable(actor, unitID: unitID, on: db)
            // A kind with readers of its own (R-PE-15: the filed 涉密人员名单, its keepers') is not listed to the leaders.
            return try await FilingStore.filings(byUnit: unitID, on: db).filter { services.areas.readers(of: $0.kind) == nil }
        }
    }

    /// One filing, for the unit that made it or the administration that received it (its printout).
    public func filing(_ actor: Actor, id: String) async throws -> Filing {
        let found: Filing? = try await services.database.read { db in
            guard let filing = try await FilingStore.filing(id: id, on: db) else { return nil }
            if try await isStaff(actor, of: filing.filedWithUnitID, on: db) { return filing }
            // A kind with readers of its own is read in the unit only by them (R-PE-15: the 涉密人员名单 is personal
            // information — its keepers, the 组织人事部门 and the 保密工作机构, read the copy filed, not the leaders).
            if let readers = services.areas.readers(of: filing.kind) {
                return !actor.roles.isDisjoint(with: readers) && actor.person?.unitID == filing.unitID ? filing : nil
            }
            if try await manageableUnits(actor, on: db).contains(filing.unitID) { return filing }
            return nil
        }
        guard let found else { throw Refusal.notFound }
        return found
    }

    /// Whether the actor works in the administration `unitID`.
    func isStaff(_ actor: Actor, of unitID: String, on db: any SQLDatabase) async throws -> Bool {
        guard actor.roles.contains(.administrationStaff), let me = actor.person, actor.viewer.personID != nil, me.unitID == unitID else { return false }
        return try await OrganisationReads.unit(id: unitID, on: db)?.kind.isAdministration == true
    }

    /// R-AU-3 / R-CL-8: the administration reviews a filing: 已备案, or returned with its correction opinion (the
    /// superior notifies the unit of what it found wrong).
    public func replyFiling(_ actor: Actor, filingID: String, accept: Bool, reply: String) async throws {
        let s = services
        let day = today
        try await s.attempt(actor, "filing.replyFiling", target: "filing", id: filingID) { db in
            guard let filing = try await FilingStore.filing(id: filingID, on: db), try await isStaff(actor, of: filing.filedWithUnitID, on: db) else {
                throw Refusal.notFound
            }
            guard filing.status == .filed else { throw ClassificationError.wrongStatus(current: filing.status.chinese, operation: "审查备案") }
            try ClassificationChecks.filingReply(accept: accept, reply: reply)
            let status: Filing.Status = accept ? .acknowledged : .returned
            try await FilingStore.reply(id: filingID, status: status, reply: reply, by: actor.displayName, on: day, on: db)
            try await AuditStore.append(s.record(actor, "filing.\(status.rawValue)", target: "filing", id: filingID), on: db)
        }
    }

    // MARK: the administration's view

    /// The administration's queue over its subordinate units: filings received, unclear matters to decide, objections
    /// appealed. Only what the staff member may see (R-KS-4): unclear matters and appeals are in their scope because
    /// reporting or appealing put the administration's staff there.
    public func supervision(_ actor: Actor) async throws -> SupervisionOverview {
        let me = try person(actor)
        try requireRole(actor, [.administrationStaff], "监管下级单位定密工作")
        let viewer = actor.viewer
        let day = today
        let calendar = try? await services.calendar.current()
        return try await services.database.read { db in
            guard let admin = try await OrganisationReads.unit(id: me.unitID, on: db), admin.kind.isAdministration else {
                throw Refusal(code: "classification.not_administration", message: "只有保密行政管理部门可以查看下级单位定密工作", kind: .forbidden)
            }
            let unclear = try await ClassificationStore.visible(to: viewer, filter: SecretFilter(status: .unclearReported), today: day, on: db).map {
                s -> (SecretMatter, Day?) in
                (s, s.reportedOn.flatMap { reported in calendar.flatMap { try? UnclearMatters.decisionDue(reportedOn: reported, calendar: $0) } })
            }
            let appeals = try await ClassificationStore.appeals(to: admin.id, viewer: viewer, on: db)
            let names = Dictionary(uniqueKeysWithValues: try await OrganisationReads.units(on: db).map { ($0.id, $0.name) })
            return SupervisionOverview(
                administration: admin, filings: try await FilingStore.filings(filedWith: admin.id, on: db), unclear: unclear, appeals: appeals,
                unitNames: names)
        }
    }
}
