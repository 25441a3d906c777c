import Foundation
import Kernel
import Tabular

/// 导入涉密人员名单和培训记录 — reading a paper-era roster or training record from CSV or XLSX. This part checks each
/// row on its own (format, required fields, R-PE-1/R-PE-10 tiers, R-PE-2/R-PE-4 dates); the service checks what needs
/// the registers (persons by name, posts, who is already in post) and writes nothing unless every row is good (or
/// partial mode is asked for).
public enum RosterImport {
    /// What the file holds.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// 涉密人员名单: one person in post per row.
        case roster
        /// 培训记录: one person at one class per row.
        case training

        /// The columns of the kind, in the order of the template.
        public var columns: [Column] {
            switch self {
            case .roster: [.name, .post, .highestLevel, .tier, .appointedOn, .reviewedOn, .committedOn, .keyPart]
            case .training: [.name, .heldOn, .hours, .content, .form, .organiser, .trainingKind]
            }
        }

        /// The columns a file of the kind must have.
        public var required: [Column] { columns.filter { ![.keyPart, .trainingKind, .form, .organiser].contains($0) } }
    }

    /// A column, by its header as users write it.
    public enum Column: String, Sendable, CaseIterable, Codable {
        case name = "姓名"
        case post = "涉密岗位"
        case highestLevel = "岗位涉及最高密级"
        case tier = "涉密等级"
        case appointedOn = "上岗日期"
        case reviewedOn = "审查日期"
        case committedOn = "承诺书签订日期"
        case keyPart = "要害部门部位"
        case heldOn = "培训日期"
        case hours = "课时"
        case content = "培训内容"
        case form = "培训形式"
        case organiser = "组织者"
        case trainingKind = "培训类别"

        /// The machine name of the column (the API's `field`).
        public var field: String {
            switch self {
            case .name: "name"
            case .post: "post"
            case .highestLevel: "highest_level"
            case .tier: "tier"
            case .appointedOn: "appointed_on"
            case .reviewedOn: "reviewed_on"
            case .committedOn: "committed_on"
            case .keyPart: "key_part"
            case .heldOn: "held_on"
            case .hours: "hours"
            case .content: "content"
            case .form: "form"
            case .organiser: "organiser"
            case .trainingKind: "training_kind"
            }
        }
    }

    /// One bad row (or the header, line 1).
    public typealias Problem = Tabular.Problem

    /// A roster row that passed the checks that need no database.
    public struct RosterRow: Sendable, Hashable {
        /// The row's line.
        public var line: Int
        /// 姓名
        public var name: String
        /// 涉密岗位
        public var post: String
        /// 岗位涉及最高密级
        public var highestLevel: Level
        /// 涉密等级 — within the post's (R-PE-10).
        public var tier: ClearanceTier
        /// 上岗日期
        public var appointedOn: Day
        /// 审查日期 — on or before the appointment (R-PE-2).
        public var reviewedOn: Day
        /// 承诺书签订日期 (R-PE-4).
        public var committedOn: Day
        /// 要害部门部位
        public var keyPart: Bool
    }

    /// A training row that passed the checks that need no database.
    public struct TrainingRow: Sendable, Hashable {
        /// The row's line.
        public var line: Int
        /// 姓名
        public var name: String
        /// 培训日期
        public var heldOn: Day
        /// 课时
        public var hours: Int
        /// 培训内容
        public var content: String
        /// 培训形式
        public var form: String
        /// 组织者
        public var organiser: String
        /// 培训类别
        public var kind: TrainingKind
    }

    /// The most rows one file may hold; the other bounds are every import's (`Tabular.Limits`).
    public static let limits = Tabular.Limits(rows: 50_000, cells: 1_000_000)

    /// Reads the file's records: XLSX when the bytes are a ZIP container, otherwise UTF-8 CSV — within `limits`, which
    /// also bound the records kept. A file that is not a table is a problem of the file; one beyond a limit throws.
    public static func records(_ data: Data) throws(Tabular.LimitExceeded) -> (records: [Tabular.Record], problems: [Problem]) {
        var records: [Tabular.Record] = []
        var counters = Tabular.Counters()
        do throws(Tabular.Failure) {
            if Tabular.isZIP(data) {
                try Tabular.xlsx(data, limits: limits, counters: &counters) { records.append($0) }
            } else {
                try Tabular.csv(data, limits: limits, counters: &counters) { records.append($0) }
            }
        } catch {
            switch error {
            case .limit(let exceeded): throw exceeded
            case .unreadable(let unreadable): return ([], [Problem(unreadable)])
            }
        }
        return (records, [])
    }

    /// The header's columns by position, and its problems.
    static func header(_ records: [Tabular.Record], kind: Kind) -> (index: [Column: Int], problems: [Problem]) {
        guard let header = records.first else { return ([:], [Problem(line: 1, field: "file", message: "文件为空，第1行应为表头")]) }
        return Tabular.header(header, columns: kind.columns, required: kind.required)
    }

    /// A cell reader of one record that collects its problems.
    struct Reader {
        let record: Tabular.Record
        let index: [Column: Int]
        var problems: [Problem] = []

        func value(_ c: Column) -> String {
            guard let i = index[c], i < record.cells.count else { return "" }
            return record.cells[i].trimmingSpacesAndNewlines
        }
        mutating func bad(_ c: Column, _ message: String) { problems.append(Problem(line: record.line, field: c.field, message: "\(c.rawValue)：\(message)")) }
        mutating func text(_ c: Column, max: Int) -> String {
            let v = value(c)
            if v.isEmpty { bad(c, "不能为空") } else if v.count > max { bad(c, "不超过\(max)字") }
            return v
        }
        /// A date as Excel, WPS or a person writes it (`Day(written:)`); a workbook's date cells arrive as ISO dates.
        mutating func day(_ c: Column, today: Day) -> Day? {
            let v = value(c)
            guard let d = Day(written: v, date1904: record.date1904) else {
                bad(c, v.isEmpty ? "不能为空" : "“\(v)”不是日期（应为 2025-03-01、2025/3/1 或 2025年3月1日）")
                return nil
            }
            if today < d { bad(c, "不能晚于今天") }
            return d
        }
    }

    /// R-PE-1 / R-PE-10 / R-PE-2 / R-PE-4 / R-DV-7: checks the roster rows on their own — the post's level (not above
    /// the system's), the tier within the post's, the review on or before the appointment, the commitment signed.
    public static func roster(_ records: [Tabular.Record], today: Day, systemLevel: Level) -> (rows: [RosterRow], problems: [Problem]) {
        let (index, headerProblems) = header(records, kind: .roster)
        guard headerProblems.isEmpty else { return ([], headerProblems) }
        var rows: [RosterRow] = []
        var problems: [Problem] = []
        for record in records.dropFirst() {
            var r = Reader(record: record, index: index)
            let name = r.text(.name, max: 30)
            let post = r.text(.post, max: 60)
            let level = Level(chinese: r.value(.highestLevel))
            if level == nil { r.bad(.highestLevel, "应为绝密、机密或秘密") }
            if let level, level > systemLevel { r.bad(.highestLevel, "本系统为\(systemLevel.chinese)级，不得登记\(level.chinese)级岗位（R-DV-7）") }
            let tier = ClearanceTier(chinese: r.value(.tier))
            if tier == nil || tier == ClearanceTier.none { r.bad(.tier, "应为核心、重要或一般") }
            if let level, let tier, tier != ClearanceTier.none, tier.rank > ClearanceTier(forHighest: level).rank {
                r.bad(.tier, "\(tier.chinese)高于岗位的涉密等级（\(ClearanceTier(forHighest: level).chinese)）（R-PE-10）")
            }
            let appointed = r.day(.appointedOn, today: today)
            let reviewed = r.day(.reviewedOn, today: today)
            let committed = r.day(.committedOn, today: today)
            if let appointed, let reviewed, appointed < reviewed { r.bad(.reviewedOn, "审查日期晚于上岗日期：未通过保密审查的不得任用（R-PE-2）") }
            let keyPartText = r.value(.keyPart)
            if !["", "是", "否"].contains(keyPartText) { r.bad(.keyPart, "应为“是”或“否”") }
            if r.problems.isEmpty, let level, let tier, let appointed, let reviewed, let committed {
                rows.append(
                    RosterRow(
                        line: record.line, name: name, post: post, highestLevel: level, tier: tier, appointedOn: appointed, reviewedOn: reviewed,
                        committedOn: committed, keyPart: keyPartText == "是"))
            }
            problems += r.problems
        }
        return (rows, problems)
    }

    /// R-TR-1 / R-KP-4: checks the training rows on their own — date, 1–40 hours, content.
    public static func training(_ records: [Tabular.Record], today: Day) -> (rows: [TrainingRow], problems: [Problem]) {
        let (index, headerProblems) = header(records, kind: .training)
        guard headerProblems.isEmpty else { return ([], headerProblems) }
        var rows: [TrainingRow] = []
        var problems: [Problem] = []
        for record in records.dropFirst() {
            var r = Reader(record: record, index: index)
            let name = r.text(.name, max: 30)
            let held = r.day(.heldOn, today: today)
            let hours = Int(written: r.value(.hours))
            if hours == nil || !(1...40).contains(hours!) { r.bad(.hours, "应为1至40的整数") }
            let content = r.text(.content, max: 500)
            let kindText = r.value(.trainingKind)
            let kind = kindText.isEmpty ? .general : TrainingKind.allCases.first { $0.chinese == kindText }
            if kind == nil { r.bad(.trainingKind, "应为\(TrainingKind.allCases.map(\.chinese).joined(separator: "、"))之一") }
            if r.problems.isEmpty, let held, let hours, let kind {
                rows.append(
                    TrainingRow(
                        line: record.line, name: name, heldOn: held, hours: hours, content: content, form: r.value(.form).isEmpty ? "集中培训" : r.value(.form),
                        organiser: r.value(.organiser).isEmpty ? "保密办" : r.value(.organiser), kind: kind))
            }
            problems += r.problems
        }
        return (rows, problems)
    }
}
