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

/// 载体 to-dos: the scheduled 清点/清退 (R-CA-10) and their discrepancies, the cross-check findings, open incidents
/// (R-CA-14) for the 保密员 and 保密办; the reminders to return what a person holds (R-CA-5). Only carriers the person
/// may know of count (R-KS-4).
public struct CarrierTodos: TodoProvider {
    /// Creates the provider.
    public init() {}

    /// The items `actor` must act on now, revealing only what they may know (R-KS-4).
    public func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        guard let me = actor.person, actor.viewer.personID != nil else { return [] }
        let service = services.carriers
        let today = services.clock.today
        var items: [TodoItem] = []
        // R-CA-5 / R-CA-4 / R-CA-9: what this person holds.
        for carrier in try await service.heldBy(actor, personID: me.id) {
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
        let findings = try await service.findingSummary(actor)
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
                let overdue = findings.first { $0.rule == "R-CA-10" }?.count ?? 0
                let left = try await service.unreturned(actor, year: today.year - 1)
                detail = "\(today.year - 1)年度密件尚有 \(left) 件未清退或归档（R-CA-10）" + (overdue > 0 ? "，另有更早年度 \(overdue) 件逾期" : "")
            }
            let days = check.due.daysSinceEpoch - today.daysSinceEpoch
            items.append(
                TodoItem(
                    title: "\(check.check.chinese)（\(check.period)）", detail: detail, link: "/carriers/checks?check=\(check.check.rawValue)", due: check.due,
                    urgent: days <= 3))
        }
        for (rule, count, first) in findings {
            let number = TodoCount.text(count)
            items.append(
                TodoItem(
                    title: "载体核查问题（\(rule)）", detail: "\(number) 件：" + first.map { "\($0.number) \($0.message)" }.joined(separator: "；"),
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
