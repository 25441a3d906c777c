import Accounts
import Foundation
import Kernel
import Organisation
import SQLKit

/// R-PE-16: one area's answer to "what does this person still hold?" — carriers today; devices, system accounts and
/// area access as those areas come. The departure gate asks every registered holder; the count is the whole system's,
/// the items only those the viewer may know (R-KS-4).
public protocol HoldingsPort: Sendable {
    /// The refusal's field and the prefix of its code (`carriers` → `carriers_outstanding`).
    var field: String { get }
    /// What the count is of, as the gate and its refusal say it after the number (`件涉密载体、介质未清退或移交`).
    var what: String { get }
    /// How many the person still holds, across the whole system and whatever anyone may know, read on `db` (inside
    /// the caller's transaction when it writes).
    func count(ofPerson personID: String, on db: any SQLDatabase) async throws -> Int
    /// Of those, what `actor` may know: how many (up to `Keyset.countCap`) and the first ones, each a line of the gate.
    func visible(_ actor: Actor, ofPerson personID: String, services: Services) async throws -> (count: Int, items: [HeldItem])
}

/// One thing a person still holds, as the departure gate lists it to someone who may know it.
public struct HeldItem: Sendable, Hashable {
    /// The record's ID.
    public let id: String
    /// Its number in its register (载体编号 …).
    public let number: String
    /// Its title.
    public let title: String
    /// Where it stands, in Chinese.
    public let status: String

    /// Creates an item.
    public init(id: String, number: String, title: String, status: String) {
        self.id = id
        self.number = number
        self.title = title
        self.status = status
    }
}

/// 备案 — a kind of document a unit files with its secrecy administration. The kinds belong to the areas that file them
/// (`AreaRegistration.filingKinds`); the filing mechanism stores the code.
public struct FilingKind: RawRepresentable, Sendable, Hashable, Codable {
    /// The stored code (`grant`, `personnel_roster` …); encoded as the bare code.
    public let rawValue: String

    /// The kind with this code.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A filing kind with the name the queues show, and who in the filing unit reads the copy filed.
public struct FilingKindName: Sendable, Hashable {
    /// The kind.
    public let kind: FilingKind
    /// Its Chinese name (`涉密人员名单`).
    public let chinese: String
    /// Who in the unit reads the copy filed: nil for those who manage the unit (its leaders and 保密办); a set of roles
    /// for a filing that only they may read (R-PE-15: the 涉密人员名单 is its keepers').
    public let readers: Set<Role>?

    /// Names a kind.
    public init(_ kind: FilingKind, _ chinese: String, readers: Set<Role>? = nil) {
        self.kind = kind
        self.chinese = chinese
        self.readers = readers
    }
}

/// The filing mechanism: records a filing of a registered kind with the unit's same-level administration, inside the
/// caller's transaction, and audits it. Answered by the one area that keeps the filings.
public protocol FilingPort: Sendable {
    /// Files `content` as a filing of `kind` for `unitID`; refused naming `rule` when the unit has no administration
    /// to file with.
    func file(
        _ services: Services, actor: Actor, kind: FilingKind, unitID: String, rule: String, summary: String, content: String,
        on db: any SQLDatabase
    ) async throws
}

/// A course a training register keeps (定密培训 …); the codes belong to the area that keeps the register.
public struct TrainingCourse: RawRepresentable, Sendable, Hashable {
    /// The stored code (`classification` …).
    public let rawValue: String

    /// The course with this code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 定密培训 — the training a 定密责任人 must have (R-AU-5, R-TR-3).
    public static let classification = TrainingCourse(rawValue: "classification")
}

/// R-TR-3: the training register's answer to "when did this person last pass this course?", read on `db` inside the
/// caller's transaction. Answered by the one area that keeps the register; without one, nobody has a registered course.
public protocol TrainingPort: Sendable {
    /// The latest day the person passed `course`, in the unit or outside it; nil when the register has none.
    func lastPassed(_ course: TrainingCourse, personID: String, on db: any SQLDatabase) async throws -> Day?
}

/// R-DV-1: the devices register's answer to "what is this computer or device?", read on `db` inside the caller's
/// transaction. Carriers ask before a carrier is produced on a computer or a medium written from one (R-DV-10, R-MD-2),
/// instead of taking the caller's word. Answered by the one area that keeps the register.
public protocol DevicePort: Sendable {
    /// The unit's device of this register number (设备编号); nil when the unit's register has none.
    func device(unitID: String, number: String, on db: any SQLDatabase) async throws -> DeviceFacts?
}

/// 泄密事件 — an incident as it is opened: a known or possible leak, from whichever area found it (R-IC-1, R-IC-5).
public struct IncidentOpening: Sendable, Hashable {
    /// The unit it happened in.
    public let unitID: String
    /// The kind of record it arose from (`carrier` …).
    public let sourceKind: String
    /// That record's ID.
    public let sourceID: String
    /// What happened (丢失、被盗、泄密 …).
    public let kind: String
    /// The facts as first told.
    public let summary: String
    /// When it was discovered, in milliseconds since 1970: the 24-hour clock runs from here.
    public let discoveredAt: Int64

    /// Describes an incident to open.
    public init(unitID: String, sourceKind: String, sourceID: String, kind: String, summary: String, discoveredAt: Int64) {
        self.unitID = unitID
        self.sourceKind = sourceKind
        self.sourceID = sourceID
        self.kind = kind
        self.summary = summary
        self.discoveredAt = discoveredAt
    }
}

/// R-IC-1: the incident register's answer to "an incident was opened": it records the incident inside the caller's
/// transaction and starts the 24-hour clock of the report to the administration. One area keeps the register; an area
/// that keeps an interim one (carriers' loss reports, until the incidents area is registered) says so and yields.
public protocol IncidentPort: Sendable {
    /// Whether this register stands in only until a full incidents register is registered.
    var interim: Bool { get }
    /// Opens the incident; its ID and when its report is due (milliseconds since 1970).
    func open(_ incident: IncidentOpening, on db: any SQLDatabase) async throws -> (id: String, reportDueAt: Int64)
}

/// 检查事项 — the 13 areas of IR 58 a unit assesses itself over and the administration inspects (R-IN-1, R-IN-4).
public enum InspectionArea: Int, Sendable, Hashable, CaseIterable, Comparable {
    case responsibility = 1, rules, education, personnel, classification, carriers, systems, internet, places, procurement, meetings,
        publication, other

    /// The item's number as IR 58 writes it (（一）…（十三）).
    public var numeral: String { "（" + ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"][rawValue - 1] + "）" }

    /// The item as IR 58 words it.
    public var chinese: String {
        switch self {
        case .responsibility: "保密工作责任制落实情况"
        case .rules: "保密制度建设情况"
        case .education: "保密宣传教育培训情况"
        case .personnel: "涉密人员保密管理情况"
        case .classification: "国家秘密确定、变更、解除情况"
        case .carriers: "国家秘密载体管理情况"
        case .systems: "信息系统和信息设备保密管理情况"
        case .internet: "互联网使用保密管理情况"
        case .places: "涉密场所及保密要害部门、部位管理情况"
        case .procurement: "采购涉及国家秘密的工程、货物、服务，或者委托企业事业单位从事涉密业务管理情况"
        case .meetings: "涉及国家秘密会议、活动管理情况"
        case .publication: "信息公开保密审查情况"
        case .other: "其他遵守保密法律法规和相关制度的情况"
        }
    }

    /// In IR 58's order.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One live-data indicator of a self-assessment: what it checks, under which of the 13 areas, and how many records fall
/// short — a count over the whole unit, never which ones (R-IN-4: counts only, whoever reads it, R-KS-4).
public struct Indicator: Sendable, Hashable {
    /// The area of IR 58 it scores.
    public let area: InspectionArea
    /// A stable code (`personnel.reviews_overdue`).
    public let code: String
    /// What it checks, in Chinese (`定期复审逾期`).
    public let chinese: String
    /// The rule it checks.
    public let rule: String
    /// How many records fall short, up to `cap` (`TodoCount.cap`); 0 is a pass.
    public let failing: Int
    /// Whether `failing` reached the cap (shown as "N 以上").
    public let capped: Bool

    /// Creates an indicator; `failing` at or above `cap` is shown as capped.
    public init(_ area: InspectionArea, code: String, chinese: String, rule: String, failing: Int, cap: Int = TodoCount.cap) {
        self.area = area
        self.code = code
        self.chinese = chinese
        self.rule = rule
        self.failing = min(failing, cap)
        self.capped = failing >= cap
    }

    /// Whether it passes: nothing falls short.
    public var passes: Bool { failing == 0 }
}

/// R-IN-4: an area's answer to "what can you say of the unit for its self-assessment?" — its indicators under IR 58's 13
/// areas, each a count over the whole unit read from kept state by index. Every registered area may answer; the
/// inspections area asks, and an area of the 13 nobody answers is 未接入.
public protocol IndicatorPort: Sendable {
    /// The unit's indicators as of `today`.
    func indicators(unitID: String, today: Day, now: Int64, on db: any SQLDatabase) async throws -> [Indicator]
}
