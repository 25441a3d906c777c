import Foundation
import Kernel

/// 脱密期管理 — what is recorded of a person after leaving (IR 53–54): new employment during the 脱密期, a serious
/// violation in it, or leaving without the procedure (擅自离职).
public enum AfterLeavingKind: String, CaseIterable, Codable, Sendable {
    /// 脱密期内就业
    case employment
    /// 脱密期内严重违反国家保密规定 — reported to the administration (IR 54).
    case violation
    /// 擅自离职 — reported to the administration (IR 54).
    case absconded

    /// The file's word.
    public var chinese: String {
        switch self {
        case .employment: "脱密期内就业"
        case .violation: "脱密期违规报告"
        case .absconded: "擅自离职报告"
        }
    }
}

/// 就业单位类别 — where a person in the 脱密期 works, as the leaving commitment restricts it (IR 53).
public enum EmployerKind: String, CaseIterable, Codable, Sendable {
    /// 国内机关、单位、企业
    case domestic
    /// 境外驻华机构、组织
    case foreignAgency = "foreign_agency"
    /// 外资企业
    case foreignFunded = "foreign_funded"
    /// 为境外组织、人员或者外资企业提供劳务、咨询或者其他服务
    case foreignService = "foreign_service"

    /// The form's words.
    public var chinese: String {
        switch self {
        case .domestic: "国内机关、单位、企业"
        case .foreignAgency: "境外驻华机构、组织"
        case .foreignFunded: "外资企业"
        case .foreignService: "为境外组织、人员或外资企业提供劳务、咨询等服务"
        }
    }

    /// IR 53 and the leaving commitment: during the 脱密期 none but domestic employment is allowed.
    public var isRestricted: Bool { self != .domestic }
}

/// One record of 脱密期管理 on a person's file.
public struct AfterLeavingRecord: Sendable, Hashable, Codable {
    /// The record's id.
    public var id: String
    /// The person.
    public var personID: String
    /// 就业 / 违规报告 / 擅自离职报告
    public var kind: AfterLeavingKind
    /// 就业日期 / 发生日期 / 离开日期
    public var occurredOn: Day
    /// 就业单位 (employment only)
    public var employer: String
    /// 就业单位类别 (employment only)
    public var employerKind: EmployerKind?
    /// 职务 (employment only)
    public var position: String
    /// 具体情况
    public var details: String
    /// Employment the restrictions forbid (IR 53) — to be reported to the administration.
    public var restricted: Bool
    /// 报告保密行政管理部门的日期: a report's own day; for a restricted employment, the day a violation report named it.
    public var reportedOn: Day?

    /// Creates a record.
    public init(
        id: String, personID: String, kind: AfterLeavingKind, occurredOn: Day, employer: String = "", employerKind: EmployerKind? = nil,
        position: String = "", details: String, restricted: Bool = false, reportedOn: Day? = nil
    ) {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.occurredOn = occurredOn
        self.employer = employer
        self.employerKind = employerKind
        self.position = position
        self.details = details
        self.restricted = restricted
        self.reportedOn = reportedOn
    }
}

extension PersonnelRules {
    /// R-PE-7: new employment is recorded for a person in the 脱密期, begun within it and not after today, and checked
    /// against the restrictions (IR 53): work for a 境外驻华机构, a 外资企业 or a foreign service is marked restricted — a
    /// serious violation the unit reports to the administration (IR 54).
    public static func employment(_ record: AfterLeavingRecord, person: ClearedPerson?, today: Day) throws -> AfterLeavingRecord {
        let from = try inDeclearing(person)
        var r = record
        r.kind = .employment
        r.employer = r.employer.trimmingSpacesAndNewlines
        r.position = r.position.trimmingSpacesAndNewlines
        r.details = r.details.trimmingSpacesAndNewlines
        guard !r.employer.isEmpty, r.employer.count <= 100 else { throw Refusal.invalid("employer", "请填写就业单位（不超过100字）") }
        guard r.position.count <= 50 else { throw Refusal.invalid("position", "职务不超过50字") }
        guard r.details.count <= 500 else { throw Refusal.invalid("details", "情况说明不超过500字") }
        guard let kind = r.employerKind else { throw Refusal.invalid("employer_kind", "请选择就业单位类别") }
        guard !(today < r.occurredOn) else { throw Refusal.invalid("occurred_on", "就业日期不能晚于今天") }
        guard !(r.occurredOn < from) else { throw Refusal.invalid("occurred_on", "就业日期早于脱密期开始（\(from.iso)），不属于脱密期内就业") }
        r.restricted = kind.isRestricted
        r.reportedOn = nil
        return r
    }

    /// R-PE-7 / IR 54: a serious violation in the 脱密期 is reported for a person in it, with what happened, on or after
    /// the 脱密期 began and not after today.
    public static func violation(_ record: AfterLeavingRecord, person: ClearedPerson?, today: Day) throws -> AfterLeavingRecord {
        let from = try inDeclearing(person)
        var r = try reported(record, kind: .violation, today: today)
        guard !(r.occurredOn < from) else { throw Refusal.invalid("occurred_on", "发生日期早于脱密期开始（\(from.iso)）") }
        r.restricted = false
        return r
    }

    /// R-PE-7 / IR 54: 擅自离职 — a person still serving, or removed with the checklist of leaving still open, left
    /// without the procedure; reported with what happened, the day they left not after today.
    public static func absconded(_ record: AfterLeavingRecord, person: ClearedPerson?, leavingOpen: Bool, today: Day) throws -> AfterLeavingRecord {
        guard let person, person.status == .serving || leavingOpen else {
            throw refusal(
                "not_absconded", "R-PE-7", field: "person_id", "擅自离职报告适用于在岗或离岗离职手续尚未办结的涉密人员", kind: .conflict)
        }
        return try reported(record, kind: .absconded, today: today)
    }

    /// The 脱密期's first day of a person in it; refused for anyone else.
    static func inDeclearing(_ person: ClearedPerson?) throws -> Day {
        guard let person, person.status == .declearing, let from = person.declearingFrom else {
            throw refusal("not_declearing", "R-PE-7", field: "person_id", "该人员不在脱密期内", kind: .conflict)
        }
        return from
    }

    /// A report to the administration of `kind`: what happened (required), its day not after today, reported today.
    static func reported(_ record: AfterLeavingRecord, kind: AfterLeavingKind, today: Day) throws -> AfterLeavingRecord {
        var r = record
        r.kind = kind
        r.employer = ""
        r.employerKind = nil
        r.position = ""
        r.details = r.details.trimmingSpacesAndNewlines
        guard !r.details.isEmpty, r.details.count <= 1000 else { throw Refusal.invalid("details", "请填写具体情况（不超过1000字）") }
        guard !(today < r.occurredOn) else { throw Refusal.invalid("occurred_on", "日期不能晚于今天") }
        r.reportedOn = today
        return r
    }
}
