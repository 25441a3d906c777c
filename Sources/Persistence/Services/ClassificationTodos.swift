import Accounts
import Classification
import Foundation
import Kernel

/// 定密 to-dos: drafts to submit, reviews to decide, unclear-matter clocks, expiry reminders (R-CL-3, R-DC-1).
/// Built only from the register the person may see (R-KS-4).
struct ClassificationTodos: TodoProvider {
    func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        guard let me = actor.person, actor.viewer.personID != nil else { return [] }
        let service = services.classification
        let today = services.clock.today
        // Each item is its own narrow query (counts where only a number is shown): the register's row limit never hides work.
        func count(_ filter: SecretFilter) async throws -> Int { try await service.counts(actor, filter: filter).reduce(0) { $0 + $1.n } }
        var items: [TodoItem] = []
        let drafts = try await count(SecretFilter(status: .draft, handlerPersonID: me.id))
        if drafts > 0 {
            items.append(TodoItem(title: "提交定密审核", detail: "\(drafts) 个拟定事项待提交定密责任人审核", link: "/secrets?status=draft"))
        }
        let reviews = try await count(SecretFilter(status: .inReview, officerPersonID: me.id))
        if reviews > 0 {
            items.append(TodoItem(title: "审核定密事项", detail: "\(reviews) 个事项待您审核（R-CL-1）", link: "/secrets?status=inReview", urgent: true))
        }
        let referred = try await service.register(actor, filter: SecretFilter(status: .referredUp)).filter { $0.unitID != me.unitID }
        if !referred.isEmpty {
            items.append(TodoItem(title: "确定下级报送的事项", detail: "\(referred.count) 个无定密权单位报送的事项待确定（R-AU-1）", link: "/secrets?status=referredUp", urgent: true))
        }
        let calendar = try await services.calendar.current()
        for secret in try await service.register(actor, filter: SecretFilter(status: .unclearPendingReport, handlerPersonID: me.id)) {
            let due = try? UnclearMatters.reportDue(draftedOn: secret.draftedOn, calendar: calendar)
            items.append(
                TodoItem(
                    title: "报送不明确事项：\(secret.title)", detail: due == nil ? "期限无法计算：工作日历未导入（R-SY-5）" : "10个工作日内报送（R-CL-3）",
                    link: "/secrets/\(secret.id)", due: due, urgent: due.map { UnclearMatters.isOverdue(due: $0, today: today) } ?? true))
        }
        let expiring = try await service.register(actor, filter: SecretFilter(expiringWithinDays: services.reminderLeadDays.max() ?? 0))
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
                        title: "年度定密审查", detail: "本单位 \(due) 项在用国家秘密本年度尚未审查（R-DC-1）", link: "/secrets?review=due",
                        due: Day(year: today.year, month: 12, day: 31), urgent: today.month == 12))
            }
        }
        return items
    }
}
