import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 定密 to-dos: drafts to submit, reviews to decide, unclear-matter clocks, expiry reminders (R-CL-3, R-DC-1).
/// Built only from the register the person may see (R-KS-4).
public struct ClassificationTodos: TodoProvider {
    /// Creates the provider.
    public init() {}

    /// The items `actor` must act on now, revealing only what they may know (R-KS-4).
    public func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        guard let me = actor.person, actor.viewer.personID != nil else { return [] }
        let service = services.classification
        let today = services.clock.today
        // Each item is its own narrow query (counts where only a number is shown): the register's row limit never hides work.
        func count(_ filter: SecretFilter) async throws -> Int { try await service.count(actor, filter: filter, cap: TodoCount.cap) }
        func number(_ n: Int) -> String { TodoCount.text(n) }
        var items: [TodoItem] = []
        let drafts = try await count(SecretFilter(status: .draft, handlerPersonID: me.id))
        if drafts > 0 {
            items.append(TodoItem(title: "提交定密审核", detail: "\(number(drafts)) 个拟定事项待提交定密责任人审核", link: "/secrets?status=draft"))
        }
        let reviews = try await count(SecretFilter(status: .inReview, officerPersonID: me.id))
        if reviews > 0 {
            items.append(TodoItem(title: "审核定密事项", detail: "\(number(reviews)) 个事项待您审核（R-CL-1）", link: "/secrets?status=inReview", urgent: true))
        }
        // R-AU-1: what the unit's subordinate units referred up to it (`units_parent`, `secrets_unit_status`).
        var referredUp = SecretFilter(status: .referredUp)
        referredUp.referredToUnitID = me.unitID
        let referred = try await count(referredUp)
        if referred > 0 {
            items.append(
                TodoItem(title: "确定下级报送的事项", detail: "\(number(referred)) 个无定密权单位报送的事项待确定（R-AU-1）", link: "/secrets?status=referredUp", urgent: true))
        }
        // One item per matter for the first `shown`, then one line for the rest (a 待办 is read, not scrolled).
        let shown = 20
        func rest(_ page: Page<SecretMatter>) -> String { page.totalIsCapped ? "\(page.cap) 以上" : String(page.total - shown) }
        let calendar = try await services.calendar.current()
        // R-CL-3: the reporting clock. Overdue items are escalated: urgent for the 承办人, and shown to the unit's
        // officers, leaders and 保密办 who are in the matter's scope (nobody else learns it exists, R-KS-4).
        let supervises = !actor.roles.isDisjoint(with: [.classifier, .leader, .secrecyOffice])
        // The handler's own matters, and for those who supervise the unit's matters the sweep found overdue (kept as
        // `clock_escalated`, so the 待办 reads them by index instead of checking every open matter's clock).
        var unreported = try await service.everything(actor, filter: SecretFilter(status: .unclearPendingReport, handlerPersonID: me.id))
        if supervises {
            var escalated = SecretFilter(status: .unclearPendingReport, unitID: me.unitID)
            escalated.clockEscalated = true
            let page = try await service.register(actor, filter: escalated, page: PageRequest(limit: shown))
            unreported += page.items.filter { $0.handlerPersonID != me.id }
            if page.total > shown {
                items.append(
                    TodoItem(
                        title: "督促报送逾期的不明确事项", detail: "另有 \(rest(page)) 个已超过报送期限（R-CL-3）",
                        link: "/secrets?status=unclearPendingReport", urgent: true))
            }
        }
        for secret in unreported {
            let due = try? UnclearMatters.reportDue(draftedOn: secret.draftedOn, calendar: calendar)
            let overdue = due.map { UnclearMatters.isOverdue(due: $0, today: today) } ?? true
            guard secret.handlerPersonID == me.id || overdue else { continue }
            let title = secret.handlerPersonID == me.id ? "报送不明确事项：\(secret.title)" : "督促报送逾期的不明确事项：\(secret.title)"
            let detail =
                due == nil
                ? "期限无法计算：工作日历未导入（R-SY-5）"
                : overdue ? "已超过10个工作日的报送期限，请立即报送（R-CL-3）" : "10个工作日内报送（R-CL-3）"
            items.append(TodoItem(title: title, detail: detail, link: "/secrets/\(secret.id)", due: due, urgent: overdue))
        }
        // R-CL-3: the administration's decision clock, for its staff (in scope since the report).
        if actor.roles.contains(.administrationStaff) {
            let page = try await service.register(actor, filter: SecretFilter(status: .unclearReported), page: PageRequest(limit: shown))
            if page.total > shown {
                items.append(
                    TodoItem(
                        title: "确定不明确事项", detail: "另有 \(rest(page)) 个待确定（R-CL-3）",
                        link: "/supervision"))
            }
            for secret in page.items {
                let due = secret.reportedOn.flatMap { try? UnclearMatters.decisionDue(reportedOn: $0, calendar: calendar) }
                let overdue = due.map { UnclearMatters.isOverdue(due: $0, today: today) } ?? false
                items.append(
                    TodoItem(
                        title: "确定不明确事项：\(secret.title)", detail: overdue ? "已超过10个工作日的决定期限（R-CL-3）" : "收到报送后10个工作日内作出决定（R-CL-3）",
                        link: "/secrets/\(secret.id)", due: due, urgent: overdue))
            }
        }
        items += try await supervisionItems(actor, me: me, services: services)
        // R-DU-6 / R-CL-8: flagged secrets, for the unit's officers who can see them.
        if actor.roles.contains(.classifier) {
            let flagged = try await count(SecretFilter(unitID: me.unitID, needsReview: true))
            if flagged > 0 {
                items.append(
                    TodoItem(
                        title: "复核被标记的定密事项", detail: "\(number(flagged)) 个事项因原事项变更或上级纠正需要复核（R-DU-6、R-CL-8）", link: "/secrets?flag=review", urgent: true))
            }
        }
        var mine = SecretFilter(expiringWithinDays: services.reminderLeadDays.max() ?? 0)
        mine.involvingPersonID = me.id
        let expiring = try await service.everything(actor, filter: mine)
        for secret in expiring where secret.handlerPersonID == me.id || secret.officerPersonID == me.id {
            guard let expiry = secret.expiry, let lead = Declassification.reminderDue(expiry: expiry, today: today, leadDays: services.reminderLeadDays) else {
                continue
            }
            items.append(
                TodoItem(
                    title: "保密期限即将届满：\(secret.title)", detail: "\(lead)天内到期，需要延长的须在届满前决定（R-DC-1、R-CH-3）",
                    link: "/secrets/\(secret.id)", due: expiry, urgent: lead <= 30))
        }
        // R-DC-1: every in-force secret of the unit is reviewed once a year, by its officers.
        let officers = try await service.ownOfficers(actor)
        if officers.contains(where: { $0.personID == me.id }) {
            let due = try await count(SecretFilter(unitID: me.unitID, reviewDueYear: today.year))
            if due > 0 {
                items.append(
                    TodoItem(
                        title: "年度定密审查", detail: "本单位 \(number(due)) 项在用国家秘密本年度尚未审查（R-DC-1）", link: "/secrets?review=due",
                        due: Day(year: today.year, month: 12, day: 31), urgent: today.month == 12))
            }
        }
        return items
    }

    /// Filings to review, filings returned, grant applications to decide, objections to answer or appeals to decide.
    private func supervisionItems(_ actor: Actor, me: Person, services: Services) async throws -> [TodoItem] {
        let viewer = actor.viewer
        return try await services.database.read { db in
            var items: [TodoItem] = []
            let isAdministration = actor.roles.contains(.administrationStaff)
            let manages = !actor.roles.isDisjoint(with: [.leader, .secrecyOffice])
            if isAdministration {
                let filed = try await FilingStore.count(filedWith: me.unitID, status: .filed, on: db)
                if filed > 0 { items.append(TodoItem(title: "审查下级报备", detail: "\(filed) 份备案材料待审查（R-AU-3）", link: "/supervision")) }
                let appeals = try await ClassificationStore.objectionCount(
                    status: ClassificationStore.objectionAppealed, appealUnitID: me.unitID, viewer: viewer, on: db)
                if appeals > 0 {
                    items.append(TodoItem(title: "确定异议", detail: "\(appeals) 件异议申请本部门确定（R-CL-7）", link: "/supervision", urgent: true))
                }
            }
            if manages {
                let returned = try await FilingStore.count(byUnit: me.unitID, status: .returned, on: db)
                if returned > 0 {
                    items.append(TodoItem(title: "备案被退回", detail: "\(returned) 份备案材料被保密行政管理部门退回纠正（R-CL-8）", link: "/authority", urgent: true))
                }
            }
            if manages || isAdministration {
                let pending = try await FilingStore.applications(involving: me.unitID, on: db).filter {
                    $0.grantorUnitID == me.unitID && $0.status == .pending
                }
                if !pending.isEmpty {
                    items.append(TodoItem(title: "决定定密授权申请", detail: "\(pending.count) 份定密授权申请待决定（R-AU-3）", link: "/authority"))
                }
            }
            if actor.roles.contains(.classifier) {
                let objections = try await ClassificationStore.objectionCount(
                    status: ClassificationStore.objectionPending, secretUnitID: me.unitID, viewer: viewer, on: db)
                if objections > 0 {
                    items.append(TodoItem(title: "答复异议", detail: "\(objections) 件对本单位定密的异议待答复（R-CL-7）", link: "/secrets", urgent: true))
                }
            }
            return items
        }
    }
}
