import Foundation
import Kernel

/// 出国（境）— one trip (R-PE-5, R-PE-11).
public struct Trip: Sendable, Hashable, Codable {
    /// The trip's id.
    public var id: String
    /// The traveller.
    public var personID: String
    /// The traveller's unit.
    public var unitID: String
    /// 因公 / 因私.
    public var purpose: TripPurpose
    /// 前往国家或地区
    public var destination: String
    /// 事由
    public var reason: String
    /// 出发日期
    public var departOn: Day
    /// 返回日期 (planned)
    public var returnOn: Day
    /// 团组 — the delegation, if any; its named secrecy person (BJ 32).
    public var delegation: String
    /// 团组保密员
    public var delegationSecrecyPerson: String
    /// 组织人事部门意见
    public var personnelOpinion: String
    /// 保密工作机构意见
    public var secrecyOpinion: String
    /// 审批人 — the approving authority's person.
    public var approvedBy: String?
    /// 不予批准 — who refused the application, on which day, and why (R-PE-5).
    public var refusedBy: String?
    /// The day of the refusal.
    public var refusedOn: Day?
    /// The reason given for the refusal.
    public var refusalReason: String
    /// 出国（境）前保密教育 — the day it was given.
    public var educatedOn: Day?
    /// Carriers taken, with their carry-out step (R-CA-9).
    public var carrierIDs: [String]
    /// 实际返回日期
    public var returnedOn: Day?
    /// 回国（境）报告
    public var returnReport: String
    /// 回国（境）报告日期
    public var reportedOn: Day?
    /// 脱密期内出境的批准 (R-PE-7).
    public var declearingApproval: String
    /// 出境证件 — the traveller's exit documents, by name and number (护照、往来港澳通行证 …).
    public var exitDocuments: String
    /// The trip's state.
    public var status: TripStatus

    /// Creates a trip application.
    public init(
        id: String, personID: String, unitID: String, purpose: TripPurpose, destination: String, reason: String, departOn: Day, returnOn: Day,
        delegation: String = "", delegationSecrecyPerson: String = "", personnelOpinion: String = "", secrecyOpinion: String = "",
        approvedBy: String? = nil, educatedOn: Day? = nil, carrierIDs: [String] = [], returnedOn: Day? = nil, returnReport: String = "",
        reportedOn: Day? = nil, declearingApproval: String = "", status: TripStatus = .applied, refusedBy: String? = nil, refusedOn: Day? = nil,
        refusalReason: String = "", exitDocuments: String = ""
    ) {
        self.id = id
        self.personID = personID
        self.unitID = unitID
        self.purpose = purpose
        self.destination = destination
        self.reason = reason
        self.departOn = departOn
        self.returnOn = returnOn
        self.delegation = delegation
        self.delegationSecrecyPerson = delegationSecrecyPerson
        self.personnelOpinion = personnelOpinion
        self.secrecyOpinion = secrecyOpinion
        self.approvedBy = approvedBy
        self.educatedOn = educatedOn
        self.carrierIDs = carrierIDs
        self.returnedOn = returnedOn
        self.returnReport = returnReport
        self.reportedOn = reportedOn
        self.declearingApproval = declearingApproval
        self.status = status
        self.refusedBy = refusedBy
        self.refusedOn = refusedOn
        self.refusalReason = refusalReason
        self.exitDocuments = exitDocuments
    }
}

extension Trip {
    /// R-PE-5: the decision as the register, the file and the 审批表 show it — approved by whom, refused by whom, on
    /// which day and why, or still awaiting it.
    public var decisionText: String {
        if let approvedBy { return "批准（\(approvedBy)）" }
        if let refusedBy { return "不予批准（\(refusedBy)\(refusedOn.map { "，\($0.chinese)" } ?? "")）：\(refusalReason)" }
        return "待审批"
    }

    /// Who decided the application; empty while it awaits the decision.
    public var decidedBy: String { approvedBy ?? refusedBy ?? "" }
}

/// 重大事项报告 — one reportable event (R-PE-6, R-PE-12).
public struct ReportableEvent: Sendable, Hashable, Codable {
    /// The event's id.
    public var id: String
    /// The person it concerns.
    public var personID: String
    /// The person's unit.
    public var unitID: String
    /// Which kind.
    public var kind: EventKind
    /// 发生（知悉）日期
    public var occurredOn: Day
    /// 报告日期
    public var reportedOn: Day
    /// 报告期限 — on the working-day calendar.
    public var dueOn: Day
    /// 情况说明
    public var details: String
    /// 处理情况
    public var handling: String
    /// 向上级、公安机关、国家安全机关和保密行政管理部门报告的日期 (R-PE-12).
    public var onwardReportedOn: Day?
    /// The 变动复审 the event opened.
    public var changeReviewOpened: Bool

    /// Creates an event.
    public init(
        id: String, personID: String, unitID: String, kind: EventKind, occurredOn: Day, reportedOn: Day, dueOn: Day, details: String,
        handling: String = "", onwardReportedOn: Day? = nil, changeReviewOpened: Bool = false
    ) {
        self.id = id
        self.personID = personID
        self.unitID = unitID
        self.kind = kind
        self.occurredOn = occurredOn
        self.reportedOn = reportedOn
        self.dueOn = dueOn
        self.details = details
        self.handling = handling
        self.onwardReportedOn = onwardReportedOn
        self.changeReviewOpened = changeReviewOpened
    }

    /// Reported after its deadline.
    public var late: Bool { dueOn < reportedOn }
}

/// 离岗离职 — one departure with its checklist (R-PE-7).
public struct Departure: Sendable, Hashable, Codable {
    /// The departure's id.
    public var id: String
    /// The leaver.
    public var personID: String
    /// The leaver's unit.
    public var unitID: String
    /// 离岗 / 离职 / 调动.
    public var kind: DepartureKind
    /// 离岗日期
    public var leavingOn: Day
    /// 脱密期（月）— at least the tier's floor.
    public var declearingMonths: Int
    /// Items done, with who recorded them and a note.
    public var done: [DepartureItem: String]
    /// 去向（新工作单位）
    public var destination: String
    /// 保密组织同意提前离岗 — a 保密员 before two years (R-PE-8).
    public var earlyConsent: String
    /// 完成日期
    public var completedOn: Day?

    /// Creates a departure.
    public init(
        id: String, personID: String, unitID: String, kind: DepartureKind, leavingOn: Day, declearingMonths: Int, done: [DepartureItem: String] = [:],
        destination: String = "", earlyConsent: String = "", completedOn: Day? = nil
    ) {
        self.id = id
        self.personID = personID
        self.unitID = unitID
        self.kind = kind
        self.leavingOn = leavingOn
        self.declearingMonths = declearingMonths
        self.done = done
        self.destination = destination
        self.earlyConsent = earlyConsent
        self.completedOn = completedOn
    }

    /// The 脱密期 end: from the leaving day (or the completion, if the checklist closed after it) plus the months.
    public var declearingUntil: Day {
        let from = completedOn.map { leavingOn < $0 ? $0 : leavingOn } ?? leavingOn
        return from.adding(months: declearingMonths)
    }
}

/// 培训 — one class (R-TR-1, R-KP-4): date, 课时, content, form, organiser, participants and absentees.
public struct TrainingClass: Sendable, Hashable, Codable {
    /// The class's id.
    public var id: String
    /// The organising unit.
    public var unitID: String
    /// What it counts for.
    public var kind: TrainingKind
    /// 培训日期
    public var heldOn: Day
    /// 课时 (hours).
    public var hours: Int
    /// 培训内容
    public var content: String
    /// 培训形式 (讲座、视频、考试、参观 …)
    public var form: String
    /// 组织者
    public var organiser: String
    /// Persons who attended.
    public var participantIDs: [String]
    /// Persons expected but absent.
    public var absentIDs: [String]
    /// Persons who passed the exam (定密培训, R-TR-3).
    public var passedIDs: [String]

    /// Creates a class.
    public init(
        id: String, unitID: String, kind: TrainingKind, heldOn: Day, hours: Int, content: String, form: String, organiser: String,
        participantIDs: [String], absentIDs: [String] = [], passedIDs: [String] = []
    ) {
        self.id = id
        self.unitID = unitID
        self.kind = kind
        self.heldOn = heldOn
        self.hours = hours
        self.content = content
        self.form = form
        self.organiser = organiser
        self.participantIDs = participantIDs
        self.absentIDs = absentIDs
        self.passedIDs = passedIDs
    }
}

/// 外部培训 — a course outside the unit, with its certificate (R-TR-4).
public struct ExternalCourse: Sendable, Hashable, Codable {
    /// The record's id.
    public var id: String
    /// The trainee.
    public var personID: String
    /// Which course.
    public var kind: ExternalCourseKind
    /// 培训机构
    public var provider: String
    /// 完成日期
    public var completedOn: Day
    /// 课时
    public var hours: Int
    /// 证书编号
    public var certificateNumber: String
    /// 证书有效期至
    public var certificateValidUntil: Day?

    /// Creates a record.
    public init(
        id: String, personID: String, kind: ExternalCourseKind, provider: String, completedOn: Day, hours: Int, certificateNumber: String,
        certificateValidUntil: Day? = nil
    ) {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.provider = provider
        self.completedOn = completedOn
        self.hours = hours
        self.certificateNumber = certificateNumber
        self.certificateValidUntil = certificateValidUntil
    }
}

/// 权益保障 — a restriction borne and the treatment given (R-PE-14).
public struct RightsRecord: Sendable, Hashable, Codable {
    /// The record's id.
    public var id: String
    /// The person.
    public var personID: String
    /// 承担的限制 (出境、就业 …)
    public var restriction: String
    /// 给予的待遇或补偿
    public var measure: String
    /// 日期
    public var recordedOn: Day

    /// Creates a record.
    public init(id: String, personID: String, restriction: String, measure: String, recordedOn: Day) {
        self.id = id
        self.personID = personID
        self.restriction = restriction
        self.measure = measure
        self.recordedOn = recordedOn
    }
}
