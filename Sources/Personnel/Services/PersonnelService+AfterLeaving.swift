import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

/// 脱密期管理 (IR 53–54): employment in the 脱密期 checked against its restrictions, and the two reports the unit files
/// with its same-level administration — a serious violation in the 脱密期, and 擅自离职.
extension PersonnelService {
    /// R-PE-7 / IR 54: one of the three by its kind — employment recorded, a violation or 擅自离职 reported.
    public func report(_ actor: Actor, _ input: AfterLeavingRecord) async throws -> AfterLeavingRecord {
        switch input.kind {
        case .employment: try await recordEmployment(actor, input)
        case .violation: try await reportDeclearingViolation(actor, input)
        case .absconded: try await reportAbsconded(actor, input)
        }
    }

    /// R-PE-7: records new employment of a person in the 脱密期; work the restrictions forbid (境外驻华机构, 外资企业, a
    /// foreign service, IR 53) is marked so and waits on the keepers' 待办 until a violation report is filed.
    public func recordEmployment(_ actor: Actor, _ input: AfterLeavingRecord) async throws -> AfterLeavingRecord {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "after.employment", input.personID) { db in
            _ = try await member(input.personID, of: me, on: db)
            var r = try PersonnelRules.employment(input, person: try await PersonnelStore.cleared(personID: input.personID, on: db), today: day)
            r.id = IDs.make()
            try await PersonnelStore.insert(r, unitID: me.unitID, at: s.nowMillis, on: db)
            try await audit(actor, "after.employment", id: r.id, detail: "登记就业", on: db)
            return r
        }
    }

    /// R-PE-7 / IR 54: reports a serious violation in the 脱密期 to the same-level administration — a filing of its own
    /// kind — and with it the person's restricted employment not yet reported.
    public func reportDeclearingViolation(_ actor: Actor, _ input: AfterLeavingRecord) async throws -> AfterLeavingRecord {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "after.violation", input.personID) { db in
            let person = try await member(input.personID, of: me, on: db)
            let (cleared, post) = try await PersonnelStore.standing(personID: input.personID, on: db)
            var r = try PersonnelRules.violation(input, person: cleared, today: day)
            r.id = IDs.make()
            try await PersonnelStore.insert(r, unitID: me.unitID, at: s.nowMillis, on: db)
            let employment = try await PersonnelStore.markEmploymentReported(personID: input.personID, on: day, on: db)
            let lines =
                [
                    "原涉密岗位：\(post?.name ?? "—")",
                    "脱密期：\(cleared?.declearingFrom?.chinese ?? "")至\(cleared?.declearingUntil?.chinese ?? "")", "发生日期：\(r.occurredOn.chinese)",
                    "具体情况：\(r.details)",
                ]
                + employment.map { "脱密期内就业：\($0.occurredOn.chinese)起在\($0.employer)（\($0.employerKind?.chinese ?? "")）\($0.position)" }
            try await fileReport(actor, .declearingViolation, title: "涉密人员脱密期严重违规报告", of: person, unitID: me.unitID, lines: lines, record: r, on: db)
            return r
        }
    }

    /// R-PE-7 / IR 54: reports 擅自离职 to the same-level administration — a filing of its own kind naming what the
    /// person still holds (a count, whatever the keeper may know, R-PE-16). A person still serving is removed from the
    /// post by it (clearance none, the checklist of leaving opened, R-PE-9).
    public func reportAbsconded(_ actor: Actor, _ input: AfterLeavingRecord) async throws -> AfterLeavingRecord {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "after.absconded", input.personID) { db in
            let person = try await member(input.personID, of: me, on: db)
            let (cleared, post) = try await PersonnelStore.standing(personID: input.personID, on: db)
            let leavingOpen = try await PersonnelStore.openDeparture(personID: input.personID, on: db) != nil
            var r = try PersonnelRules.absconded(input, person: cleared, leavingOpen: leavingOpen, today: day)
            r.id = IDs.make()
            if let cleared, cleared.status == .serving { _ = try await remove(cleared, ground: .absconded, unitID: me.unitID, on: db) }
            try await PersonnelStore.insert(r, unitID: me.unitID, at: s.nowMillis, on: db)
            let held = try await s.holdings(ofPerson: input.personID, on: db).filter { $0.count > 0 }
            let lines = [
                "涉密岗位：\(post?.name ?? "—")", "涉密等级：\(cleared?.tier.chinese ?? "—")", "离开日期：\(r.occurredOn.chinese)", "具体情况：\(r.details)",
                "尚未清退：" + (held.isEmpty ? "无" : held.map { "\($0.count)\($0.what)" }.joined(separator: "、")),
            ]
            try await fileReport(actor, .personnelAbsconded, title: "涉密人员擅自离职报告", of: person, unitID: me.unitID, lines: lines, record: r, on: db)
            return r
        }
    }

    /// IR 54: files a report with the same-level administration — the unit and the person first, then `lines` —
    /// under a summary that names nobody (the audit log keeps summaries, and a 三员 reads it), and audits the report.
    private func fileReport(
        _ actor: Actor, _ kind: FilingKind, title: String, of person: Person, unitID: String, lines: [String], record r: AfterLeavingRecord,
        on db: any SQLDatabase
    ) async throws {
        let unit = try await OrganisationReads.unit(id: unitID, on: db)?.name ?? ""
        try await services.fileWithAdministration(
            actor, kind: kind, unitID: unitID, rule: "R-PE-7", summary: unit + title,
            content: (["单位：\(unit)", "姓名：\(person.name)"] + lines).joined(separator: "\n"), on: db)
        try await audit(actor, "after.\(r.kind.rawValue)", id: r.id, detail: "报告保密行政管理部门", on: db)
    }
}
