import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

extension ClassificationService {
    /// R-CL-3: the 承办人's unit reports an unclear matter to the administration the rule routes it to (绝密 and
    /// central organs' matters to the national one, others to the provincial one); that administration's staff join the
    /// scope to decide it, and its 10-working-day decision clock starts.
    public func reportUnclear(_ actor: Actor, secretID: String) async throws -> (secret: SecretMatter, administrationUnitID: String, decisionDue: Day?) {
        let me = try person(actor)
        let day = today
        let calendar = try await services.calendar.current()
        return try await services.attempt(actor, "secret.reportUnclear", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.report, me, actor, on: secret, on: db)
            guard let unit = try await OrganisationReads.unit(id: secret.unitID, on: db) else { throw Refusal.notFound }
            let level = UnclearMatters.route(level: secret.level, drafterKind: unit.kind)
            let adminID = try ClassificationChecks.administration(try await administration(at: level, above: unit.id, on: db), level: level, rule: "R-CL-3")
            var next = try UnclearMatters.report(secret)
            let staff = try await OrganisationReads.persons(unitIDs: [adminID], on: db)
            for person in staff { next.scope.insert(person.id) }
            next.reportedOn = day
            let due = try? UnclearMatters.decisionDue(reportedOn: day, calendar: calendar)
            try await persist(
                actor, next, before: secret, kind: "report",
                summary: "报\(level.chinese)保密行政管理部门确定" + (due.map { "，应于\($0.chinese)前作出决定" } ?? "（期限无法计算：工作日历未导入）"),
                reason: "不明确事项报送", on: db)
            return (next, adminID, due)
        }
    }

    /// R-CL-3: the administration decides a reported unclear matter: classify (at a level and period) or not.
    public func decideUnclear(_ actor: Actor, secretID: String, marking: Marking?, reason: String) async throws -> SecretMatter {
        let me = try person(actor)
        let day = today
        return try await services.attempt(actor, "secret.decideUnclear", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.decide, me, actor, on: secret, on: db)
            guard let admin = try await OrganisationReads.unit(id: me.unitID, on: db) else { throw Refusal.notFound }
            var next = secret
            next.officerPersonID = me.id
            if let marking {
                try marking.validate(issueDate: day)
                next.level = marking.level
                next.period = marking.period
                next.issueDate = day
                next.authority = .own(marking.level)
                next.status = .inForce
                next.markings.append(marking.render())
            } else {
                guard !reason.isBlank else { throw ClassificationError.reasonRequired(field: "reason") }
                next.status = .rejected
            }
            try await persist(
                actor, next, before: secret, kind: "decide",
                summary: marking.map { "\(admin.name)确定为国家秘密：\($0.render())（\(reason)）" } ?? "\(admin.name)确定不属于国家秘密：\(reason)", reason: "不明确事项确定", on: db)
            return next
        }
    }
}
