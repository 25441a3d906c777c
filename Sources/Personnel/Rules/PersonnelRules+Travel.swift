import Accounts
import Foundation
import Kernel

extension PersonnelRules {
    /// R-PE-5: days after return within which the return report is due ("及时"; config, default 10 days).
    public static let returnReportDays = 10

    /// R-PE-5 / R-PE-11 / R-PE-7: an application abroad. Dates in order and not in the past; no 绝密 carrier or device
    /// holding 绝密 information goes abroad; during the 脱密期 the trip needs its recorded approval.
    public static func applied(_ trip: Trip, person: ClearedPerson?, carrierLevels: [Level], topSecretDevice: Bool, today: Day) throws -> Trip {
        var t = trip
        t.destination = t.destination.trimmingSpacesAndNewlines
        t.reason = t.reason.trimmingSpacesAndNewlines
        guard !t.destination.isEmpty, t.destination.count <= 60 else { throw Refusal.invalid("destination", "请填写前往国家或地区（不超过60字）") }
        guard !t.reason.isEmpty, t.reason.count <= 200 else { throw Refusal.invalid("reason", "请填写出国（境）事由（不超过200字）") }
        guard !(t.departOn < today) else { throw Refusal.invalid("depart_on", "出国（境）须在出发前申请：出发日期不能早于今天") }
        guard !(t.returnOn < t.departOn) else { throw Refusal.invalid("return_on", "返回日期不能早于出发日期") }
        if carrierLevels.contains(.topSecret) || topSecretDevice {
            throw refusal("top_secret_abroad", "R-PE-11", field: "carrier_ids", "不得携带绝密级载体或存储绝密级信息的设备出国（境）")
        }
        if person?.status == .declearing && t.declearingApproval.trimmingSpaces.isEmpty {
            throw refusal("declearing_trip", "R-PE-7", field: "declearing_approval", "脱密期内出国（境）须经原单位批准：请填写批准文件", kind: .conflict)
        }
        if !t.delegation.isEmpty && t.delegationSecrecyPerson.trimmingSpaces.isEmpty {
            throw refusal("delegation_secrecy_person", "R-PE-11", field: "delegation_secrecy_person", "出国（境）团组须指定保密员")
        }
        t.status = .applied
        t.approvedBy = nil
        t.educatedOn = nil
        return t
    }

    /// R-PE-5: who decides an application — a 单位领导, or a 部门负责人 for the department's own staff.
    public static let tripApprovers: Set<Role> = [.leader, .departmentHead]

    /// R-PE-5: whether an account may decide applications at all (the approvals queue and its menu entry).
    public static func mayApproveTrips(_ roles: Set<Role>) -> Bool { !roles.isDisjoint(with: tripApprovers) }

    /// R-PE-5: the approvals queue is the approvers'.
    public static func checkApprover(_ roles: Set<Role>) throws {
        guard mayApproveTrips(roles) else { throw refusal("trip_approver", "R-PE-5", "出国（境）由单位领导或部门负责人审批", kind: .forbidden) }
    }

    /// R-PE-5: whose opinion a keeper enters on an application — the 组织人事部门's (its own keepers), else the
    /// 保密工作机构's (保密办, 保密员).
    public static func entersPersonnelOpinion(_ roles: Set<Role>) -> Bool { roles.contains(.personnelOffice) }

    /// R-PE-5: nobody approves their own application.
    public static func checkNotOwn(_ trip: Trip, approverPersonID: String) throws {
        guard trip.personID != approverPersonID else { throw refusal("trip_self_approval", "R-PE-5", "不得审批本人的出国（境）申请", kind: .forbidden) }
    }

    /// R-PE-5: the pre-departure education is given before departure — on an application or an approved trip.
    public static func educated(_ trip: Trip, on day: Day, today: Day) throws -> Trip {
        try checkState(.educate, on: trip, today: today)
        var t = trip
        t.educatedOn = day
        return t
    }

    /// R-PE-5: who approves. Opinions of the 组织人事部门 and the 保密工作机构 first; a 单位领导 (or a 部门负责人 for the
    /// trips of their own department's staff) approves; key-part staff's private trips only the 单位领导 (JM 要害 16); a
    /// 保密员's private trip also needs the 保密组织's prior consent (JM 保密员 9).
    public static func approved(
        _ trip: Trip, approverName: String, approverRoles: Set<Role>, keyPart: Bool, clerk: Bool, secrecyOrgConsent: String,
        sameDepartment: Bool = true
    ) throws -> Trip {
        try checkDecider(trip, approverRoles: approverRoles, keyPart: keyPart, sameDepartment: sameDepartment)
        guard !trip.personnelOpinion.isEmpty else { throw Refusal.invalid("personnel_opinion", "请先填写组织人事部门意见") }
        guard !trip.secrecyOpinion.isEmpty else { throw Refusal.invalid("secrecy_opinion", "请先填写保密工作机构意见") }
        if clerk && trip.purpose == .private && secrecyOrgConsent.trimmingSpaces.isEmpty {
            throw refusal("clerk_trip_consent", "R-PE-5", field: "secrecy_org_consent", "保密员因私出国（境）须事先征得保密组织同意", kind: .conflict)
        }
        var t = trip
        t.approvedBy = approverName
        t.status = .approved
        return t
    }

    /// R-PE-5: an application still awaiting its decision, and an approver with the authority over it — the
    /// 单位领导, or a 部门负责人 for their own department's staff; key-part staff's private trips only the 单位领导
    /// (JM 要害 16). Approving and refusing take the same authority.
    static func checkDecider(_ trip: Trip, approverRoles: Set<Role>, keyPart: Bool, sameDepartment: Bool) throws {
        guard trip.status == .applied else { throw refusal("trip_state", "R-PE-5", "该申请已审批（\(trip.status.chinese)）", kind: .conflict) }
        let leaderOnly = keyPart && trip.purpose == .private
        let allowed: Set<Role> = leaderOnly ? [.leader] : tripApprovers
        guard !approverRoles.isDisjoint(with: allowed) else {
            throw refusal(
                "trip_approver", "R-PE-5", field: "approved_by",
                leaderOnly ? "要害部门部位人员因私出国（境）须经单位主管领导批准" : "出国（境）须经单位领导或部门负责人批准", kind: .forbidden)
        }
        if !approverRoles.contains(.leader) && !sameDepartment {
            throw refusal("trip_department", "R-PE-5", field: "approved_by", "部门负责人只审批本部门人员的出国（境）申请", kind: .forbidden)
        }
    }

    /// R-PE-5: 不予批准 — whoever may approve the application may refuse it instead, with the reason, which the trip,
    /// its 审批表 and the traveller's file show. A refusal needs no opinions first: they inform an approval. The
    /// application then leaves the approvers' queue; the traveller may apply again.
    public static func refused(
        _ trip: Trip, approverName: String, approverRoles: Set<Role>, keyPart: Bool, reason: String, on day: Day, sameDepartment: Bool = true
    ) throws -> Trip {
        try checkDecider(trip, approverRoles: approverRoles, keyPart: keyPart, sameDepartment: sameDepartment)
        let reason = reason.trimmingSpacesAndNewlines
        guard !reason.isEmpty else { throw Refusal.invalid("refusal_reason", "请填写不予批准的理由", rule: "R-PE-5") }
        guard reason.count <= 500 else { throw Refusal.invalid("refusal_reason", "不予批准的理由不超过 500 字") }
        var t = trip
        t.refusedBy = approverName
        t.refusedOn = day
        t.refusalReason = reason
        t.status = .refused
        return t
    }

    /// R-PE-5: nobody leaves without approval and the pre-departure education. R-PE-11 / R-CA-9: every carrier the
    /// application lists must be out with the traveller under an exit permit (`carriedAbroad`, the carrier area's record
    /// of the carry-out step); the refusal counts them and names none.
    public static func departed(_ trip: Trip, today: Day, carriedAbroad: Set<String> = []) throws -> Trip {
        try checkState(.depart, on: trip, today: today)
        let missing = Set(trip.carrierIDs).subtracting(carriedAbroad)
        guard missing.isEmpty else {
            throw refusal(
                "trip_carriers", "R-PE-11", field: "carrier_ids",
                "申请所列\(missing.count)件涉密载体尚未由本人办理携带出境手续（须经批准并持《国家秘密载体出境许可证》，R-CA-9）", kind: .conflict)
        }
        var t = trip
        t.status = .abroad
        return t
    }

    /// R-PE-5: back, then the return report; the report is overdue `returnReportDays` after the return.
    public static func returned(_ trip: Trip, on day: Day, today: Day) throws -> Trip {
        try checkState(.returned, on: trip, today: today)
        guard !(today < day), !(day < trip.departOn) else { throw Refusal.invalid("returned_on", "返回日期应在出发日期和今天之间") }
        var t = trip
        t.returnedOn = day
        t.status = .returned
        return t
    }

    /// R-PE-5: the return report (情况报告) closes the trip.
    public static func reported(_ trip: Trip, report: String, today: Day) throws -> Trip {
        try checkState(.report, on: trip, today: today)
        let text = report.trimmingSpacesAndNewlines
        guard !text.isEmpty, text.count <= 2000 else { throw Refusal.invalid("return_report", "请填写回国（境）报告（不超过2000字）") }
        var t = trip
        t.returnReport = text
        t.reportedOn = today
        t.status = .reported
        return t
    }

    /// R-PE-5: the day the return report is due.
    public static func reportDue(_ trip: Trip) -> Day? { trip.returnedOn.map { $0.adding(days: returnReportDays) } }

    /// R-PE-6: days to report an event ("及时"; config, default 5 working days, R-SY-5). An approach: the same day.
    public static let eventWorkingDays = 5

    /// R-PE-6 / R-PE-12: the deadline of a report on the working-day calendar.
    public static func eventDue(_ kind: EventKind, occurredOn: Day, calendar: WorkCalendar) throws -> Day {
        if kind == .approach { return occurredOn }
        return try calendar.addWorkingDays(eventWorkingDays, to: occurredOn)
    }

    /// R-PE-6: a report of one of the listed kinds; it opens a 变动复审 for a serving person (XJ 31).
    public static func reportedEvent(_ event: ReportableEvent, person: ClearedPerson?, today: Day) throws -> ReportableEvent {
        var e = event
        e.details = e.details.trimmingSpacesAndNewlines
        guard !e.details.isEmpty, e.details.count <= 2000 else { throw Refusal.invalid("details", "请填写情况说明（不超过2000字）") }
        guard !(today < e.occurredOn) else { throw Refusal.invalid("occurred_on", "发生日期不能晚于今天") }
        e.reportedOn = today
        e.changeReviewOpened = person?.status == .serving
        return e
    }

    /// R-PE-12: an approach (利诱、胁迫、渗透、策反) is reported onward at once — to the superior, the 公安机关, the
    /// 国家安全机关 and the administration. Overdue from the day after it was reported.
    public static func onwardOverdue(_ event: ReportableEvent, today: Day) -> Bool {
        event.kind == .approach && event.onwardReportedOn == nil && event.reportedOn < today
    }

    /// R-PE-12: recording the onward report, naming where it went.
    public static func onwardReported(_ event: ReportableEvent, to recipients: String, today: Day) throws -> ReportableEvent {
        guard event.kind == .approach else { throw Refusal.invalid("kind", "只有被利诱、胁迫、渗透、策反的报告须向上级和有关机关报告") }
        let text = recipients.trimmingSpacesAndNewlines
        guard !text.isEmpty else { throw refusal("onward_recipients", "R-PE-12", field: "recipients", "请填写已报告的上级机关、公安机关、国家安全机关和保密行政管理部门") }
        var e = event
        e.onwardReportedOn = today
        e.handling = (e.handling.isEmpty ? "" : e.handling + "；") + "已报告：\(text)"
        return e
    }

    /// R-PE-12: a 保密员 whose spouse has become foreign leaves the post.
    public static func clerkMustLeave(_ kind: EventKind, post: SecretPost?) -> Bool { kind == .spouseForeign && post?.isClerk == true }
}
