import Accounts
import Foundation
import Kernel
import Organisation
import Personnel
import SQLKit
import Storage

/// 涉密人员 to-dos for the unit's keepers (组织人事部门, 保密工作机构): 定期复审 and 变动复审 due, return reports
/// overdue, approaches not reported onward, open departures, staff under their training floor, the annual plan, the
/// roster to file again. Each a count read by a partial or leading index — kept state, never a recount of the unit.
/// Nobody else sees these (R-PE-15).
public struct PersonnelTodos: TodoProvider {
    /// Creates the provider.
    public init() {}

    /// The items `actor` must act on now.
    public func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        guard let me = actor.person, !actor.roles.contains(where: \.isAdministrator) else { return [] }
        // R-PE-5: the applications abroad a 单位领导 or 部门负责人 may decide (trips_unit).
        let waiting =
            !PersonnelRules.mayApproveTrips(actor.roles)
            ? 0
            : try await services.database.read { db in
                try await PersonnelStore.countAwaitingApproval(by: me, wholeUnit: actor.roles.contains(.leader), on: db)
            }
        let approvals = waiting > 0 ? [TodoItem(title: "出国（境）申请待审批", detail: "\(waiting)份出国（境）申请待您审批", link: "/personnel/approvals")] : []
        guard PersonnelService.fileViewer(actor).keepsFiles else { return approvals }
        let today = services.clock.today
        let unit = me.unitID
        return try await services.database.read { db in
            // Each count stops at the 待办's cap (`TodoCount`), on its partial or leading index.
            var items: [TodoItem] = []
            // R-PE-2: 定期复审 due (cleared_persons_review).
            let reviews = try await PersonnelStore.reviewsDue(unitID: unit, today: today, on: db)
            if reviews > 0 { items.append(TodoItem(title: "定期复审到期", detail: "\(TodoCount.text(reviews))名涉密人员应进行定期复审", link: "/personnel", urgent: true)) }
            // R-PE-10 / R-PE-6: 变动复审 opened by a change or an event (cleared_persons_change).
            let changes = try await PersonnelStore.changeReviewsOpen(unitID: unit, on: db)
            if changes > 0 {
                items.append(TodoItem(title: "变动复审待办", detail: "\(TodoCount.text(changes))名涉密人员因岗位变动或重大事项应进行变动复审", link: "/personnel", urgent: true))
            }
            // R-PE-7 / IR 54: employment in the 脱密期 the restrictions forbid, not yet reported (after_leaving_unreported).
            let employment = try await PersonnelStore.unreportedEmployment(unitID: unit, on: db)
            if employment > 0 {
                items.append(
                    TodoItem(
                        title: "脱密期内就业违反限制", detail: "\(TodoCount.text(employment))项脱密期内就业违反限制，应及时报告同级保密行政管理部门", link: "/personnel?status=declearing",
                        urgent: true))
            }
            // R-PE-5: return reports overdue (trips_report_due).
            let reports = try await PersonnelStore.returnReportsOverdue(unitID: unit, today: today, on: db)
            if reports > 0 {
                items.append(TodoItem(title: "回国（境）报告逾期", detail: "\(TodoCount.text(reports))人次回国（境）后未按期报告", link: "/personnel/trips", urgent: true))
            }
            // R-PE-13: 保密员 certificates run out, or running out within 60 days (cleared_persons_certificate).
            let expired = try await PersonnelStore.certificatesRunningOut(unitID: unit, from: nil, before: today, on: db)
            if expired > 0 {
                items.append(
                    TodoItem(
                        title: "保密员上岗资格证书已过期", detail: "\(TodoCount.text(expired))名在岗保密员的上岗资格证书已过有效期，须持有效证书上岗", link: "/personnel",
                        urgent: true))
            }
            let expiring = try await PersonnelStore.certificatesRunningOut(
                unitID: unit, from: today, before: today.adding(days: PersonnelRules.certificateNoticeDays + 1), on: db)
            if expiring > 0 {
                items.append(
                    TodoItem(
                        title: "保密员上岗资格证书即将到期",
                        detail: "\(TodoCount.text(expiring))名在岗保密员的上岗资格证书将在\(PersonnelRules.certificateNoticeDays)日内到期，请安排培训考试换证", link: "/personnel"))
            }
            // R-PE-5: travellers still abroad after their return date (trips_abroad_return).
            let abroad = try await PersonnelStore.overdueAbroad(unitID: unit, today: today, on: db)
            if abroad > 0 {
                items.append(
                    TodoItem(
                        title: "出国（境）逾期未归", detail: "\(TodoCount.text(abroad))人次已过返回日期仍未登记回国（境），请核实情况", link: "/personnel/trips",
                        urgent: true))
            }
            // R-PE-12: approaches not yet reported onward (reportable_events_onward).
            let onward = try await PersonnelStore.approachesNotReportedOnward(unitID: unit, on: db)
            if onward > 0 {
                items.append(
                    TodoItem(
                        title: "策反等情况须立即上报", detail: "\(TodoCount.text(onward))起被利诱、胁迫、渗透、策反的报告尚未报上级机关、公安机关、国家安全机关和保密行政管理部门", link: "/personnel/events",
                        urgent: true))
            }
            // R-PE-7: departures in progress (departures_open).
            let open = try await PersonnelStore.openDepartures(unitID: unit, on: db)
            if open > 0 { items.append(TodoItem(title: "离岗离职手续办理中", detail: "\(TodoCount.text(open))人的离岗离职清单尚未办结", link: "/personnel/departures")) }
            // R-KP-4: under the yearly floor, from September.
            if TrainingRules.floorWarningsDue(today: today) {
                let under = try await PersonnelStore.underFloor(unitID: unit, year: today.year, limit: 0, on: db).count
                if under > 0 {
                    items.append(
                        TodoItem(
                            title: "年度培训学时不足", detail: "\(TodoCount.text(under))名涉密人员今年的保密教育学时未达要求（核心16学时，重要、一般8学时）", link: "/personnel/training",
                            due: Day(year: today.year, month: 12, day: 31)))
                }
            }
            // R-TR-1: the annual plan.
            let planned = try await PersonnelStore.plannedYears(unitID: unit, from: today.year, on: db)
            if let year = TrainingRules.planDueYear(today: today, planned: planned) {
                items.append(TodoItem(title: "年度保密教育培训计划", detail: "请制定\(year)年度保密教育培训计划", link: "/personnel/training"))
            }
            // R-TR-2: the 保密宣传教育月 reminder.
            if TrainingRules.aprilReminder(today: today) {
                items.append(TodoItem(title: "保密宣传教育月", detail: "四月为保密宣传教育月，请落实计划中的活动", link: "/personnel/training"))
            }
            // R-PE-3: the roster changed since it was filed.
            let roster = try await PersonnelStore.roster(unitID: unit, on: db)
            if PersonnelRules.rosterFilingDue(changedAt: roster.changed, filedAt: roster.filed) {
                items.append(TodoItem(title: "涉密人员名单变动", detail: "名单已变动，请重新报同级保密行政管理部门和出入境管理部门备案", link: "/personnel"))
            }
            return approvals + items
        }
    }
}

extension PersonnelService {
    /// R-PE-7: the daily sweep ends every 脱密期 that ran out (`cleared_persons_declearing`); returns how many.
    public func sweep() async throws -> Int {
        let s = services
        let day = today
        return try await s.database.transaction { db in
            let ended = try await PersonnelStore.endDeclearing(before: day, at: s.nowMillis, on: db)
            guard !ended.isEmpty else { return 0 }
            try await AuditStore.append(
                s.record(.system, "personnel.declearing_ended", target: Self.recordKind, detail: "脱密期届满\(ended.count)人：" + ended.joined(separator: ",")), on: db
            )
            return ended.count
        }
    }
}
