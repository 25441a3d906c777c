import Foundation
import Kernel

/// 保密教育培训 — plans, classes, hours and certificates (R-TR-1..4, R-KP-4).
public enum TrainingRules {
    /// R-KP-4: hours before taking up a key-part post.
    public static let prePostHours = 16

    /// R-KP-4: the yearly floor by tier — 核心 16 hours, 重要 and 一般 8 (applied per tier to all cleared staff).
    public static func annualFloor(_ tier: ClearanceTier) -> Int {
        switch tier {
        case .core: 16
        case .important, .general: 8
        case .none: 0
        }
    }

    /// R-KP-4: the hours still missing this year, nil when the floor is met.
    public static func shortfall(hours: Int, tier: ClearanceTier) -> Int? {
        let floor = annualFloor(tier)
        return hours < floor ? floor - hours : nil
    }

    /// R-KP-4: people under their floor reach the 保密员's 待办 from September on, while there is time to catch up
    /// (the spec says only "before the year ends"; config).
    public static let warnFromMonth = 9

    /// R-KP-4: whether the floor warnings show today.
    public static func floorWarningsDue(today: Day) -> Bool { today.month >= warnFromMonth }

    /// R-TR-1 / R-TR-3: a class has a date, 1–40 hours, content, form and organiser, at least one participant; nobody
    /// is both present and absent; exam passes (定密培训) only among participants.
    public static func validClass(_ c: TrainingClass, today: Day) throws -> TrainingClass {
        var x = c
        x.content = x.content.trimmingSpacesAndNewlines
        x.form = x.form.trimmingSpacesAndNewlines
        x.organiser = x.organiser.trimmingSpacesAndNewlines
        guard (1...40).contains(x.hours) else { throw Refusal.invalid("hours", "课时应为1至40") }
        guard !x.content.isEmpty, x.content.count <= 500 else { throw Refusal.invalid("content", "请填写培训内容（不超过500字）") }
        guard !x.form.isEmpty, x.form.count <= 30 else { throw Refusal.invalid("form", "请填写培训形式（不超过30字）") }
        guard !x.organiser.isEmpty, x.organiser.count <= 60 else { throw Refusal.invalid("organiser", "请填写组织者（不超过60字）") }
        guard !(today < x.heldOn) else { throw Refusal.invalid("held_on", "培训日期不能晚于今天：培训举办后登记") }
        x.participantIDs = Array(Set(x.participantIDs)).sorted()
        x.absentIDs = Array(Set(x.absentIDs)).sorted()
        x.passedIDs = Array(Set(x.passedIDs)).sorted()
        guard !x.participantIDs.isEmpty else { throw Refusal.invalid("participant_ids", "请选择参加人员") }
        guard Set(x.participantIDs).isDisjoint(with: x.absentIDs) else { throw Refusal.invalid("absent_ids", "同一人不能既参加又缺席") }
        if x.kind == .classification {
            guard Set(x.passedIDs).isSubset(of: x.participantIDs) else {
                throw Refusal(
                    code: "training.exam_not_participant", ruleID: "R-TR-3", field: "passed_ids", message: "考试合格人员须为参加培训的人员", kind: .validation)
            }
        } else {
            x.passedIDs = []
        }
        return x
    }

    /// R-TR-4: a course outside the unit is recorded with its certificate; the certificate number is required for the
    /// 保密员 exam, the 三员 training and 定密培训.
    public static func validExternal(_ e: ExternalCourse, today: Day) throws -> ExternalCourse {
        var x = e
        x.provider = x.provider.trimmingSpacesAndNewlines
        x.certificateNumber = x.certificateNumber.trimmingSpacesAndNewlines
        guard !x.provider.isEmpty, x.provider.count <= 60 else { throw Refusal.invalid("provider", "请填写培训机构（不超过60字）") }
        guard (1...400).contains(x.hours) else { throw Refusal.invalid("hours", "课时应为1至400") }
        guard !(today < x.completedOn) else { throw Refusal.invalid("completed_on", "完成日期不能晚于今天") }
        if x.kind != .other && x.certificateNumber.isEmpty {
            throw Refusal(
                code: "training.certificate_missing", ruleID: "R-TR-4", field: "certificate_number", message: "\(x.kind.chinese)须登记证书编号",
                kind: .validation)
        }
        if let until = x.certificateValidUntil, until < x.completedOn { throw Refusal.invalid("certificate_valid_until", "证书有效期不能早于完成日期") }
        return x
    }

    /// One line of the annual plan (R-TR-1): month, content, form, hours, audience.
    public struct PlanItem: Sendable, Hashable, Codable {
        /// 月份
        public var month: Int
        /// 内容
        public var content: String
        /// 形式
        public var form: String
        /// 课时
        public var hours: Int
        /// 对象
        public var audience: String

        /// Creates an item.
        public init(month: Int, content: String, form: String, hours: Int, audience: String) {
            self.month = month
            self.content = content
            self.form = form
            self.hours = hours
            self.audience = audience
        }
    }

    /// R-TR-1 / R-TR-2: the annual plan lists its items by month; April (保密宣传教育月) holds at least one.
    public static func validPlan(year: Int, items: [PlanItem]) throws -> [PlanItem] {
        guard (2000...2100).contains(year) else { throw Refusal.invalid("year", "年度应为2000至2100") }
        guard !items.isEmpty, items.count <= 100 else { throw Refusal.invalid("items", "计划至少一项，最多100项") }
        for (i, item) in items.enumerated() {
            guard (1...12).contains(item.month) else { throw Refusal.invalid("items[\(i)].month", "第\(i + 1)项：月份应为1至12") }
            guard (1...40).contains(item.hours) else { throw Refusal.invalid("items[\(i)].hours", "第\(i + 1)项：课时应为1至40") }
            guard !item.content.trimmingSpaces.isEmpty else { throw Refusal.invalid("items[\(i)].content", "第\(i + 1)项：请填写内容") }
        }
        guard items.contains(where: { $0.month == 4 }) else {
            throw Refusal(
                code: "training.april_missing", ruleID: "R-TR-2", field: "items", message: "年度计划须安排四月保密宣传教育月活动", kind: .validation)
        }
        return items.sorted { $0.month < $1.month }
    }

    /// R-TR-1: the plan for next year is due before 1 January — on the 待办 from December; this year's, if still
    /// missing, at once.
    public static func planDueYear(today: Day, planned: Set<Int>) -> Int? {
        if !planned.contains(today.year) { return today.year }
        if today.month == 12 && !planned.contains(today.year + 1) { return today.year + 1 }
        return nil
    }

    /// R-TR-2: the March reminder of the 保密宣传教育月.
    public static func aprilReminder(today: Day) -> Bool { today.month == 3 }
}
