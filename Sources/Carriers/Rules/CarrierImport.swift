import Foundation
import Kernel
import Tabular

/// 导入纸质台账 — reading the paper-era carrier register from a spreadsheet (CSV, or XLSX rows). This part checks each
/// row on its own (format, required fields, rules that need no database); the service checks what needs the
/// register (safes, persons, secrets) and writes nothing unless every row is good (or partial mode is asked for).
public enum CarrierImport {
    /// The columns, by their header in the paper register. Headers are matched exactly (surrounding spaces ignored);
    /// columns may come in any order; unknown columns are refused so that nothing typed is silently dropped.
    public enum Column: String, CaseIterable, Sendable {
        case legacyNumber = "原登记编号"
        case kind = "类别"
        case title = "标题"
        case documentNumber = "文号"
        case originatingUnit = "制发单位"
        case marking = "密级标志"
        case copies = "份数"
        case serials = "份号"
        case registeredOn = "登记日期"
        case safe = "保密柜"
        case status = "状态"
        case holder = "持有人"
        case dueOn = "归还日期"
        case scope = "知悉范围"
        case secretID = "事项编号"
        case mediaType = "介质类型"
        case mediumUser = "使用人"
        case purchasedCentrally = "统一购置"

        /// The machine name used in API reports.
        public var field: String {
            switch self {
            case .legacyNumber: "legacy_number"
            case .kind: "kind"
            case .title: "title"
            case .documentNumber: "document_number"
            case .originatingUnit: "originating_unit"
            case .marking: "marking"
            case .copies: "copies"
            case .serials: "serials"
            case .registeredOn: "registered_on"
            case .safe: "safe"
            case .status: "status"
            case .holder: "holder"
            case .dueOn: "due_on"
            case .scope: "scope"
            case .secretID: "secret_id"
            case .mediaType: "media_type"
            case .mediumUser: "medium_user"
            case .purchasedCentrally: "purchased_centrally"
            }
        }

        static let required: [Column] = [.kind, .title, .marking, .copies, .registeredOn]
    }

    /// One bad row (or the header, line 1).
    public typealias Problem = Tabular.Problem

    /// A row that passed the checks that need no database.
    public struct Draft: Sendable, Hashable {
        /// The line in the file the row starts on.
        public var line: Int
        /// 原登记编号 — the number in the paper register, empty if none; noted in the history, never reused as the new number.
        public var legacyNumber: String
        /// 类别 — the kind of carrier.
        public var kind: CarrierKind
        /// 标题 — the document's title or the item's name.
        public var title: String
        /// 文号, empty if none.
        public var documentNumber: String
        /// 制发单位, by name; empty if none.
        public var originatingUnit: String
        /// 密级标志 — the parsed marking, never above the system's level.
        public var marking: Marking
        /// 份数, 1–999.
        public var copies: Int
        /// 份号 — one per copy, no two alike; `001`, `002` … when the column is blank.
        public var serials: [String]
        /// 登记日期 — not later than the day of the import.
        public var registeredOn: Day
        /// 保密柜 — the safe by name, found among the unit's safes by the service; nil if blank.
        public var safeName: String?
        /// 在库 or 借出 only: the register holds what the unit holds now.
        public var status: CarrierStatus
        /// 持有人 — the borrower by name, required when the status is 借出; nil if blank.
        public var holderName: String?
        /// 归还日期 — the due day, required when the status is 借出.
        public var dueOn: Day?
        /// 知悉范围 — persons by name, found among the unit's persons by the service.
        public var scopeNames: [String]
        /// 事项编号 — the id of the state secret it carries, if given.
        public var secretID: String?
        /// 介质类型 — U盘, 光盘 …; required for removable media, nil if blank.
        public var mediaType: String?
        /// 使用人 — the medium's user by name; required for removable media, nil if blank.
        public var mediumUserName: String?
    }

    /// The most rows one file may hold (about 64 MB of CSV); the other bounds are every import's (`Tabular.Limits`).
    public static let limits = Tabular.Limits(rows: 200_000, cells: 4_000_000)

    /// What reading a file found: the rows that passed the checks needing no database, the problems (the first
    /// thousand and how many in all) and the number of data rows.
    public struct Checked: Sendable {
        /// Rows that passed the checks needing no database, in file order.
        public var drafts: [Draft] = []
        /// Problems of the file, its header and its rows.
        public var problems = Tabular.ProblemList()
        /// Data rows in the file (the header not counted).
        public var rows = 0
        /// Whether the file itself or its header is unusable: no row was checked.
        public var unusable = false
    }

    /// Reads a CSV file's bytes one record at a time into `Checker` — nothing of the file is kept but the drafts —
    /// within `limits`. A file that is not CSV is a problem of the file; a file beyond a limit throws.
    public static func read(csv bytes: UnsafeRawBufferPointer, today: Day, systemLevel: Level) throws(Tabular.LimitExceeded) -> Checked {
        var checker = Checker(today: today, systemLevel: systemLevel)
        var counters = Tabular.Counters()
        do throws(Tabular.Failure) {
            try Tabular.csv(bytes, limits: limits, counters: &counters) { checker.check($0) }
        } catch {
            switch error {
            case .limit(let exceeded): throw exceeded
            case .unreadable(let unreadable):
                var checked = checker.finish()
                checked.problems.add(Problem(unreadable))
                checked.unusable = true
                return checked
            }
        }
        return checker.finish()
    }

    /// Checks the header, then every row on its own, as they are read.
    /// R-DV-7: a row above `systemLevel` is refused like any other bad cell.
    public struct Checker {
        let today: Day
        let systemLevel: Level
        private var index: [Column: Int] = [:]
        private var headerWidth = 0
        private var headerRead = false
        private var seenLegacy: [String: Int] = [:]
        private var markings: [String: Marking?] = [:]
        private var checked = Checked()

        /// A checker for an import on `today`, on a system of `systemLevel`.
        public init(today: Day, systemLevel: Level = .topSecret) {
            self.today = today
            self.systemLevel = systemLevel
        }

        /// What was found; an empty file is a problem of its first line.
        public func finish() -> Checked {
            var result = checked
            if !headerRead {
                result.problems.add(Problem(line: 1, field: "file", message: "文件为空，第1行应为表头"))
                result.unusable = true
            }
            return result
        }

        /// Checks the next record: the first is the header.
        public mutating func check(_ record: Tabular.Record) {
            guard headerRead else { return readHeader(record) }
            checked.rows += 1
            // Rows after an unusable header are counted, not checked.
            guard !checked.unusable else { return }
            checkRow(record)
        }

        private mutating func readHeader(_ header: Tabular.Record) {
            headerRead = true
            headerWidth = header.cells.count
            let problems: [Problem]
            (index, problems) = Tabular.header(header, columns: Column.allCases, required: Column.required)
            checked.problems.add(contentsOf: problems)
            checked.unusable = !problems.isEmpty
        }

        private mutating func checkRow(_ record: Tabular.Record) {
            let index = index
            func value(_ c: Column) -> String {
                guard let i = index[c], i < record.cells.count else { return "" }
                return record.cells[i].trimmingSpaces
            }
            var rowProblems: [Problem] = []
            func bad(_ c: Column, _ message: String) { rowProblems.append(Problem(line: record.line, field: c.field, message: "\(c.rawValue)：\(message)")) }
            if record.cells.count > headerWidth {
                rowProblems.append(Problem(line: record.line, field: "row", message: "列数（\(record.cells.count)）多于表头（\(headerWidth)），请检查未加引号的逗号"))
            }
            func given(_ c: Column) -> String? { let v = value(c); return v.isEmpty ? nil : v }
            for c in Column.required where value(c).isEmpty { bad(c, "必填") }
            let kindText = value(.kind)
            let kind = CarrierImport.kind(kindText)
            if kind == nil && !kindText.isEmpty { bad(.kind, "应为 纸质密件、电子文件、移动存储介质 或 密品") }
            var marking: Marking?
            if let markingText = given(.marking) {
                marking = parsedMarking(markingText)
                if marking == nil { bad(.marking, "无法识别“\(markingText)”，应如 机密★10年（R-LV-2）") }
                if let level = marking?.level, level > systemLevel {
                    bad(.marking, "本系统为\(systemLevel.chinese)级，不得登记\(level.chinese)级载体（R-DV-7）")
                    marking = nil
                }
            }
            let copiesText = value(.copies)
            let copies = Int(written: copiesText)
            if !copiesText.isEmpty, copies.map({ !CarrierRules.copiesRange.contains($0) }) ?? true { bad(.copies, "应为1至999的整数") }
            var serials = value(.serials).listItems
            if let copies, CarrierRules.copiesRange.contains(copies) {
                if serials.isEmpty { serials = (try? CarrierRules.serials(copies: copies)) ?? [] }
                if serials.count != copies || Set(serials).count != serials.count { bad(.serials, "份号须与份数一致且不重复（R-CA-2）") }
            }
            let registeredText = value(.registeredOn)
            let registered = Day(written: registeredText)
            if registered == nil && !registeredText.isEmpty { bad(.registeredOn, "日期格式应为 2024-03-15、2024/3/15 或 2024年3月15日") }
            if let registered, registered > today { bad(.registeredOn, "不能晚于今天") }
            let statusText = value(.status)
            let status: CarrierStatus? = statusText.isEmpty || statusText == "在库" ? .inStock : statusText == "借出" ? .lent : nil
            if status == nil { bad(.status, "导入只接受在册的载体：在库 或 借出（已销毁、已清退的留在纸质登记簿）") }
            let dueText = given(.dueOn)
            let due = dueText.flatMap { Day(written: $0) }
            if due == nil && dueText != nil { bad(.dueOn, "日期格式应为 2024-03-15、2024/3/15 或 2024年3月15日") }
            if status == .lent {
                if given(.holder) == nil { bad(.holder, "借出的载体须填写持有人（R-CA-5）") }
                if dueText == nil { bad(.dueOn, "借出的载体须填写归还日期（R-CA-5）") }
            }
            if kind == .medium {
                if given(.mediaType) == nil { bad(.mediaType, "移动存储介质须填写介质类型（R-MD-1）") }
                if given(.mediumUser) == nil { bad(.mediumUser, "移动存储介质标识须含使用人（R-MD-1）") }
                if ["否", "no", "0"].contains(value(.purchasedCentrally)) { bad(.purchasedCentrally, "涉密移动存储介质须由单位保密组织统一购置（R-MD-1）") }
            }
            let legacy = value(.legacyNumber)
            if !legacy.isEmpty {
                if let first = seenLegacy[legacy] {
                    bad(.legacyNumber, "与第\(first)行重复")
                } else {
                    seenLegacy[legacy] = record.line
                }
            }
            guard rowProblems.isEmpty, let kind, let marking, let copies, let registered, let status else {
                checked.problems.add(contentsOf: rowProblems)
                return
            }
            checked.drafts.append(
                Draft(
                    line: record.line, legacyNumber: legacy, kind: kind, title: value(.title), documentNumber: value(.documentNumber),
                    originatingUnit: value(.originatingUnit), marking: marking, copies: copies, serials: serials, registeredOn: registered,
                    safeName: given(.safe), status: status, holderName: given(.holder), dueOn: due, scopeNames: value(.scope).listItems,
                    secretID: given(.secretID), mediaType: given(.mediaType), mediumUserName: given(.mediumUser)))
        }

        /// A marking as `Marking.parse` reads it (R-LV-2), each distinct text parsed once per file: a paper register's
        /// rows mostly share a handful of markings.
        private mutating func parsedMarking(_ text: String) -> Marking? {
            if let known = markings[text] { return known }
            let parsed = try? Marking.parse(text)
            if markings.count < 1_024 { markings[text] = parsed }
            return parsed
        }
    }

    /// The kind from its Chinese name (or its code).
    static func kind(_ text: String) -> CarrierKind? {
        switch text {
        case "纸质密件", "纸质", "密件", "paper": .paper
        case "电子文件", "electronic": .electronic
        case "移动存储介质", "介质", "medium": .medium
        case "密品", "设备", "密品/设备", "device": .device
        default: nil
        }
    }

    /// A template file with the header and one example row.
    public static let template: String =
        Column.allCases.map(\.rawValue).joined(separator: ",") + "\r\n"
        + "ZT-2019-0001,纸质密件,关于某项目的实施方案,江工信〔2019〕12号,江海市工业和信息化局,机密★10年,2,\"001、002\",2019-03-15,1号保密柜,在库,,,,,,,\r\n"
}
