import Foundation
import Kernel

/// 保密审查 — the kind of eligibility review (R-PE-2).
public enum ReviewKind: String, CaseIterable, Codable, Sendable {
    /// 岗前审查 — before appointment.
    case preAppointment = "pre_appointment"
    /// 定期复审 — on the configured interval.
    case periodic
    /// 变动复审 — on a change of post or tier, or a reportable event (R-PE-10, R-PE-6).
    case change

    /// The form's word.
    public var chinese: String {
        switch self {
        case .preAppointment: "岗前审查"
        case .periodic: "定期复审"
        case .change: "变动复审"
        }
    }
}

/// 涉密人员状态 — in post, in the 脱密期, or cleared of it.
public enum PersonnelStatus: String, CaseIterable, Codable, Sendable {
    /// 在岗
    case serving
    /// 脱密期 — de-clearance period (R-PE-7).
    case declearing
    /// 已脱密
    case cleared
    /// 调离涉密岗位 — removed from the post (R-PE-9).
    case removed

    /// The register's word.
    public var chinese: String {
        switch self {
        case .serving: "在岗"
        case .declearing: "脱密期"
        case .cleared: "已脱密"
        case .removed: "已调离"
        }
    }
}

/// 承诺书/责任书 — the kinds of written commitment (R-PE-4).
public enum CommitmentKind: String, CaseIterable, Codable, Sendable {
    /// 保密承诺书 — on appointment (IR 51).
    case pledge
    /// 保密责任书 — key-part staff on taking up the post (JM 要害 11).
    case responsibility
    /// 离岗离职保密承诺书 — on leaving (IR 53).
    case leaving
    /// 离岗保密协议书 — a 保密员 leaving (JM 保密员 12).
    case clerkLeaving = "clerk_leaving"

    /// The document's title.
    public var chinese: String {
        switch self {
        case .pledge: "保密承诺书"
        case .responsibility: "保密责任书"
        case .leaving: "离岗离职保密承诺书"
        case .clerkLeaving: "离岗保密协议书"
        }
    }

    /// Whether the commitment belongs to leaving rather than appointment.
    public var isLeaving: Bool { self == .leaving || self == .clerkLeaving }
}

/// 出国（境）— official or private (the inspection form counts both, R-PE-5).
public enum TripPurpose: String, CaseIterable, Codable, Sendable {
    /// 因公
    case official
    /// 因私
    case `private`

    /// The form's word.
    public var chinese: String { self == .official ? "因公" : "因私" }
}

/// 出国（境）审批状态.
public enum TripStatus: String, CaseIterable, Codable, Sendable {
    /// 已申请 — awaiting approval.
    case applied
    /// 已批准 — approved, not yet gone.
    case approved
    /// 已出境 — abroad.
    case abroad
    /// 已回国（境）— back, report pending.
    case returned
    /// 已报告 — the return report is in.
    case reported
    /// 未批准
    case refused

    /// The register's word.
    public var chinese: String {
        switch self {
        case .applied: "待审批"
        case .approved: "已批准"
        case .abroad: "在外"
        case .returned: "已回国（境），待报告"
        case .reported: "已报告"
        case .refused: "未批准"
        }
    }
}

/// 重大事项 — the kinds a cleared person must report (R-PE-6: JM 要害 14, JM 守则 16, BJ 22).
public enum EventKind: String, CaseIterable, Codable, Sendable {
    /// 发生泄密或者可能泄密
    case leak
    /// 与境外人员通婚或者恋爱
    case foreignMarriage = "foreign_marriage"
    /// 拟因私出国（境）或者移居国（境）外
    case privateTravel = "private_travel"
    /// 配偶、子女在国（境）外学习、工作、定居
    case relativesAbroad = "relatives_abroad"
    /// 与境外人员非公务交往
    case foreignContact = "foreign_contact"
    /// 拟辞职、调动
    case resignation
    /// 被利诱、胁迫、渗透、策反
    case approach
    /// 配偶加入外国国籍
    case spouseForeign = "spouse_foreign"

    /// The report form's words.
    public var chinese: String {
        switch self {
        case .leak: "发生泄密或者可能泄密"
        case .foreignMarriage: "与境外人员通婚或者恋爱"
        case .privateTravel: "拟因私出国（境）或者移居国（境）外"
        case .relativesAbroad: "配偶、子女在国（境）外学习、工作、定居"
        case .foreignContact: "与境外人员非公务交往"
        case .resignation: "拟辞职、调动"
        case .approach: "被利诱、胁迫、渗透、策反"
        case .spouseForeign: "配偶加入外国国籍"
        }
    }
}

/// 离岗离职 — the kind of departure.
public enum DepartureKind: String, CaseIterable, Codable, Sendable {
    /// 离岗 — leaves the 涉密岗位, stays in the unit.
    case leavePost = "leave_post"
    /// 离职 — leaves the unit.
    case leaveJob = "leave_job"
    /// 调动 — transferred to another unit.
    case transfer

    /// The form's word.
    public var chinese: String {
        switch self {
        case .leavePost: "离岗"
        case .leaveJob: "离职"
        case .transfer: "调动"
        }
    }
}

/// 离岗离职清单 — one item of the departure checklist (R-PE-7, R-PE-16). Devices, system access and area access are
/// items that the devices, systems and places areas fill; until they exist an operator records them by hand.
public enum DepartureItem: String, CaseIterable, Codable, Sendable {
    /// 单位审批
    case approval
    /// 保密提醒谈话
    case reminderTalk = "reminder_talk"
    /// 签订离岗离职保密承诺书
    case leavingCommitment = "leaving_commitment"
    /// 涉密载体和介质全部清退或移交 — counted by the system, never ticked by hand (R-PE-16).
    case carriersCleared = "carriers_cleared"
    /// 涉密设备清退
    case devicesReturned = "devices_returned"
    /// 本系统账号锁定、角色撤销 — done by the system when the departure completes.
    case accountLocked = "account_locked"
    /// 涉密信息系统权限撤销
    case systemAccessRevoked = "system_access_revoked"
    /// 涉密场所出入权限撤销
    case areaAccessRevoked = "area_access_revoked"
    /// 定密责任人任职终止 — done by the system when the departure completes.
    case officerEnded = "officer_ended"
    /// 要害部门部位人员变动报告
    case keyPartReported = "key_part_reported"
    /// 保密员工作交接（移交）
    case clerkHandover = "clerk_handover"
    /// 上岗资格证书交回发证机关
    case certificateReturned = "certificate_returned"

    /// The checklist's words.
    public var chinese: String {
        switch self {
        case .approval: "单位审批"
        case .reminderTalk: "保密提醒谈话"
        case .leavingCommitment: "签订离岗离职保密承诺书"
        case .carriersCleared: "涉密载体、介质全部清退或移交"
        case .devicesReturned: "涉密设备清退"
        case .accountLocked: "系统账号锁定、角色撤销"
        case .systemAccessRevoked: "涉密信息系统权限撤销"
        case .areaAccessRevoked: "涉密场所出入权限撤销"
        case .officerEnded: "定密责任人任职终止"
        case .keyPartReported: "要害部门部位人员变动报告"
        case .clerkHandover: "保密员工作交接"
        case .certificateReturned: "上岗资格证书交回发证机关"
        }
    }

    /// Items the operator ticks with a note; the others the system does or counts itself.
    public var recordedByHand: Bool { ![.carriersCleared, .accountLocked, .officerEnded, .leavingCommitment].contains(self) }
}

/// 培训类别 — what a class counts for.
public enum TrainingKind: String, CaseIterable, Codable, Sendable {
    /// 保密教育 — the general annual hours (R-KP-4).
    case general
    /// 岗前培训 — before taking up a key-part post (R-KP-4).
    case prePost = "pre_post"
    /// 定密培训 — with an exam, for 定密责任人 and 承办人 (R-TR-3).
    case classification
    /// 出国（境）前保密教育 (R-PE-5, R-PE-11).
    case preDeparture = "pre_departure"

    /// The register's word.
    public var chinese: String {
        switch self {
        case .general: "保密教育"
        case .prePost: "岗前培训"
        case .classification: "定密培训"
        case .preDeparture: "出国（境）前保密教育"
        }
    }
}

/// 外部培训 — training outside the unit, recorded with its certificate (R-TR-4).
public enum ExternalCourseKind: String, CaseIterable, Codable, Sendable {
    /// 保密员/保密干部上岗培训和考试 — gives the 上岗资格证书 (R-PE-13).
    case clerkQualification = "clerk_qualification"
    /// 三员 training by the administration (BJ 18).
    case administrators
    /// 定密培训 by the administration (R-TR-3).
    case classification
    /// 其他
    case other

    /// The register's word.
    public var chinese: String {
        switch self {
        case .clerkQualification: "保密员（保密干部）上岗培训考试"
        case .administrators: "三员专业培训"
        case .classification: "定密培训"
        case .other: "其他专业培训"
        }
    }
}

extension ClearanceTier {
    /// R-PE-1 / R-PE-10: the order of tiers, none lowest, for "never exceeds the post's".
    public var rank: Int { ceiling?.rawValue ?? 0 }

    /// R-PE-1: the tier fixed by the highest level of a post (绝密→核心, 机密→重要, 秘密→一般).
    public init(forHighest level: Level) {
        switch level {
        case .topSecret: self = .core
        case .confidential: self = .important
        case .secret: self = .general
        }
    }
}
