import Accounts
import Audit
import CarrierServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage
import Tabular

/// What a roster or training import found and did.
public struct PersonnelImportReport: Sendable, Hashable {
    /// How bad rows were treated (the carrier import's modes: 试导入, 全部导入, 部分导入).
    public var mode: CarrierImportMode
    /// 名单 or 培训记录.
    public var kind: RosterImport.Kind
    /// Data rows in the file.
    public var rows: Int
    /// Rows without a problem.
    public var accepted: Int
    /// Rows written.
    public var imported: Int
    /// The first thousand problems, by line (CSV) or row number (XLSX).
    public var problems: [RosterImport.Problem]
    /// How many problems there are in all.
    public var problemTotal: Int
}

extension PersonnelService {
    /// R-PE-3 / R-TR-1: imports a paper-era 涉密人员名单 or training record (CSV or XLSX). A dry run writes nothing;
    /// `all` writes only a file without a problem; `partial` writes the good rows. Names are matched in the keeper's
    /// unit; a roster row brings its review, commitment and appointment as history, within the post's tier (R-PE-10) —
    /// the review marked as imported from the paper files by `actor` today from its line of `fileName` (R-PE-2).
    public func importFile(
        _ actor: Actor, _ data: Data, kind: RosterImport.Kind, mode: CarrierImportMode, fileName: String = ""
    ) async throws -> PersonnelImportReport {
        let me = try await keeper(actor)
        let read: (records: [Tabular.Record], problems: [RosterImport.Problem])
        do { read = try RosterImport.records(data) } catch { throw Refusal.importLimit(error) }
        let records = read.records
        let rowCount = max(0, records.count - 1)
        guard read.problems.isEmpty else {
            return PersonnelImportReport(
                mode: mode, kind: kind, rows: rowCount, accepted: 0, imported: 0, problems: read.problems, problemTotal: read.problems.count)
        }
        let s = services
        let day = today
        return try await gated(actor, "import.\(kind.rawValue)", me.unitID) { db in
            let persons = try await PersonnelStore.personNames(unitID: me.unitID, on: db)
            let byName = Dictionary(grouping: persons, by: \.1).mapValues { $0.map(\.0) }
            func resolve(_ name: String, line: Int, field: String, into problems: inout [RosterImport.Problem]) -> String? {
                switch byName[name]?.count ?? 0 {
                case 1: return byName[name]![0]
                case 0: problems.append(.init(line: line, field: field, message: "姓名：本单位没有“\(name)”，请先由系统管理员登记人员"))
                default: problems.append(.init(line: line, field: field, message: "姓名：本单位有多名“\(name)”，无法确定是哪一位"))
                }
                return nil
            }
            var report: PersonnelImportReport
            switch kind {
            case .roster:
                let (rows, problems) = RosterImport.roster(records, today: day, systemLevel: s.systemLevel)
                var all = Tabular.ProblemList()
                all.add(contentsOf: problems)
                let serving = Set(try await PersonnelStore.servingPersonIDs(unitID: me.unitID, on: db))
                // A name registered twice keeps its first post (the register refuses a second since M021).
                var posts = Dictionary(try await PersonnelStore.posts(unitID: me.unitID, on: db).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
                // A new post named on several rows takes the level of its first row; a row giving another level is a problem.
                var newLevels: [String: Level] = [:]
                var seen: Set<String> = []
                var good: [(RosterImport.RosterRow, String)] = []
                for row in rows {
                    var rowProblems: [RosterImport.Problem] = []
                    if let id = resolve(row.name, line: row.line, field: "name", into: &rowProblems) {
                        if serving.contains(id) { rowProblems.append(.init(line: row.line, field: "name", message: "姓名：“\(row.name)”已在涉密人员名单中")) }
                        if !seen.insert(id).inserted { rowProblems.append(.init(line: row.line, field: "name", message: "姓名：“\(row.name)”在文件中重复")) }
                        let known = posts[row.post]?.highestLevel ?? newLevels[row.post]
                        if let known, known != row.highestLevel {
                            rowProblems.append(
                                .init(line: row.line, field: "highest_level", message: "岗位涉及最高密级：岗位“\(row.post)”已登记为\(known.chinese)"))
                        } else if known == nil {
                            newLevels[row.post] = row.highestLevel
                        }
                        if rowProblems.isEmpty { good.append((row, id)) }
                    }
                    all.add(contentsOf: rowProblems)
                }
                report = PersonnelImportReport(
                    mode: mode, kind: kind, rows: rowCount, accepted: good.count, imported: 0, problems: all.shown, problemTotal: all.total)
                guard mode == .partial || (mode == .all && all.isEmpty) else { return report }
                for (row, _) in good where posts[row.post] == nil {
                    let post = SecretPost(
                        id: IDs.make(), unitID: me.unitID, departmentID: nil, name: row.post, highestLevel: row.highestLevel, keyPart: row.keyPart,
                        validFrom: day)
                    try await PersonnelStore.insert(post, at: s.nowMillis, on: db)
                    posts[post.name] = post
                }
                let file = fileName.trimmingSpacesAndNewlines.isEmpty ? "导入文件" : "“\(fileName.trimmingSpacesAndNewlines.prefix(100))”"
                try await Self.writeRoster(
                    good.map { ($0.0, $0.1, posts[$0.0.post]!) }, source: { "按原纸质档案导入：\(actor.displayName)于\(day.iso)从\(file)第\($0)行导入" },
                    unitID: me.unitID, at: s.nowMillis, on: db)
                try await PersonnelStore.rosterChanged(unitID: me.unitID, at: s.nowMillis, on: db)
                report.imported = good.count
            case .training:
                let (rows, problems) = RosterImport.training(records, today: day)
                var all = Tabular.ProblemList()
                all.add(contentsOf: problems)
                var groups: [String: (row: RosterImport.TrainingRow, people: [String])] = [:]
                var order: [String] = []
                func classKey(_ c: (Day, String, String, String, TrainingKind, Int)) -> String {
                    [c.0.iso, c.1, c.2, c.3, c.4.rawValue, String(c.5)].joined(separator: "\u{1F}")
                }
                // A class already recorded (same day, content, form, organiser, kind and hours) is the same class: whoever
                // it already counts is a problem, not a second attendance (a file imported twice adds nothing).
                var recorded: [String: (TrainingClass, Set<String>)] = [:]
                if let first = rows.map(\.heldOn).min(), let last = rows.map(\.heldOn).max() {
                    for (known, attended) in try await PersonnelStore.classes(unitID: me.unitID, from: first, to: last, on: db) {
                        recorded[classKey((known.heldOn, known.content, known.form, known.organiser, known.kind, known.hours))] = (known, attended)
                    }
                }
                for row in rows {
                    var rowProblems: [RosterImport.Problem] = []
                    guard let id = resolve(row.name, line: row.line, field: "name", into: &rowProblems) else {
                        all.add(contentsOf: rowProblems)
                        continue
                    }
                    let key = classKey((row.heldOn, row.content, row.form, row.organiser, row.kind, row.hours))
                    if recorded[key]?.1.contains(id) == true {
                        all.add(.init(line: row.line, field: "name", message: "姓名：“\(row.name)”参加的这次培训已登记，不再重复计入学时"))
                        continue
                    }
                    if groups[key] == nil {
                        groups[key] = (row, [])
                        order.append(key)
                    }
                    if groups[key]!.people.contains(id) {
                        all.add(.init(line: row.line, field: "name", message: "姓名：“\(row.name)”在同一次培训中重复"))
                    } else {
                        groups[key]!.people.append(id)
                    }
                }
                let accepted = groups.values.reduce(0) { $0 + $1.people.count }
                report = PersonnelImportReport(
                    mode: mode, kind: kind, rows: rowCount, accepted: accepted, imported: 0, problems: all.shown, problemTotal: all.total)
                guard mode == .partial || (mode == .all && all.isEmpty) else { return report }
                for key in order {
                    let (row, people) = groups[key]!
                    if var known = recorded[key]?.0 {
                        known.participantIDs = people
                        try await PersonnelStore.attend(known, on: db)
                        continue
                    }
                    try await PersonnelStore.insert(
                        TrainingClass(
                            id: IDs.make(), unitID: me.unitID, kind: row.kind, heldOn: row.heldOn, hours: row.hours, content: row.content, form: row.form,
                            organiser: row.organiser, participantIDs: people), at: s.nowMillis, on: db)
                }
                report.imported = accepted
            }
            try await audit(actor, "import.\(kind.rawValue)", id: me.unitID, detail: "\(mode.rawValue)：\(report.imported)行", on: db)
            return report
        }
    }

    /// The roster rows as history: a passed 岗前审查 (marked with `source` of its line), the commitment, the appointment
    /// and the tier — in batches.
    static func writeRoster(
        _ rows: [(RosterImport.RosterRow, String, SecretPost)], source: (Int) -> String, unitID: String, at millis: Int64, on db: any SQLDatabase
    ) async throws {
        for chunk in stride(from: 0, to: rows.count, by: 200).map({ Array(rows[$0..<min($0 + 200, rows.count)]) }) {
            let history = chunk.map { (row, id, post) in
                PersonnelStore.ImportedHistory(
                    personID: id, postID: post.id, reviewedOn: row.reviewedOn, commitment: post.keyPart ? .responsibility : .pledge,
                    committedOn: row.committedOn, source: source(row.line))
            }
            try await PersonnelStore.insertHistory(history, unitID: unitID, at: millis, on: db)
            for (row, id, post) in chunk {
                let record = ClearedPerson(
                    personID: id, unitID: unitID, postID: post.id, tier: row.tier, appointedOn: row.appointedOn,
                    nextReviewOn: row.reviewedOn.adding(months: PersonnelRules.defaultReviewMonths))
                try await PersonnelStore.save(record, changeReview: nil, at: millis, on: db)
            }
            for tier in [ClearanceTier.core, .important, .general] {
                let ids = chunk.filter { $0.0.tier == tier }.map(\.1)
                guard !ids.isEmpty else { continue }
                try await OrganisationWrites.setTier(personIDs: ids, tier: tier, at: millis, on: db)
            }
        }
    }
}
