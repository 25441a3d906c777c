import Accounts
import Audit
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import Tabular

/// How an import treats bad rows.
public enum CarrierImportMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 试导入: check every row, write nothing.
    case dryRun = "dry_run"
    /// 全部导入: write only if every row is good; otherwise nothing.
    case all
    /// 部分导入: write the good rows, report the bad ones (asked for explicitly).
    case partial
}

/// What an import found and did.
public struct CarrierImportReport: Sendable, Hashable, Codable {
    /// How the import treated bad rows.
    public var mode: CarrierImportMode
    /// Data rows in the file (the header not counted).
    public var rows: Int
    /// Rows that passed every check.
    public var accepted: Int
    /// Rows written to the register.
    public var imported: Int
    /// The first thousand problems, by line number in the file (the header is line 1).
    public var problems: [CarrierImport.Problem]
    /// How many problems there are in all.
    public var problemTotal: Int
    /// Register numbers given to the imported carriers, in file order.
    public var numbers: [String]
}

extension CarrierService {
    /// 导入纸质台账 from CSV text (UTF-8): the JSON operation's file, and the demo's.
    public func importCSV(_ actor: Actor, _ text: String, mode: CarrierImportMode) async throws -> CarrierImportReport {
        _ = try requireClerk(actor)
        var text = text
        let checked = try text.withUTF8 { utf8 in try readCSV(UnsafeRawBufferPointer(utf8)) }
        return try await importChecked(actor, checked, mode: mode)
    }

    /// Reads a CSV file's bytes and checks each row on its own as it is read, within the import's limits
    /// (`CarrierImport.limits`): a file beyond one is refused as a whole (`import.limit`), naming it, before the work
    /// it would take. The caller settles who imports first (`checkClerk`).
    public func readCSV(_ bytes: UnsafeRawBufferPointer) throws -> CarrierImport.Checked {
        do {
            return try CarrierImport.read(csv: bytes, today: today, systemLevel: services.systemLevel)
        } catch {
            throw Refusal.importLimit(error)
        }
    }

    /// 导入纸质台账: every row read is checked — on its own, then against the register (safes by name with R-CA-6,
    /// persons of the unit by name with their clearance, linked secrets the clerk may know of with R-DU-7 and R-CA-4).
    /// Nothing is written unless every row is good, except in partial mode. Problems never reveal a carrier or secret
    /// the clerk may not know of: a hidden secret reads as a missing one (R-KS-4). A report lists the first thousand
    /// problems and how many there are.
    public func importChecked(_ actor: Actor, _ checked: CarrierImport.Checked, mode: CarrierImportMode) async throws -> CarrierImportReport {
        let me = try requireClerk(actor)
        let day = today
        let rows = checked.rows
        if checked.unusable {
            return CarrierImportReport(
                mode: mode, rows: rows, accepted: 0, imported: 0, problems: checked.problems.shown, problemTotal: checked.problems.total, numbers: [])
        }
        return try await services.database.transaction { db in
            var problems = checked.problems
            let persons = try await OrganisationReads.persons(unitIDs: [me.unitID], on: db)
            let byName = Dictionary(grouping: persons, by: \.name)
            let safes = Dictionary(grouping: try await CarrierStore.safes(unitID: me.unitID, on: db), by: \.name)
            var secrets: [String: SecretMatter?] = [:]
            var good: [(draft: CarrierImport.Draft, carrier: Carrier, scope: Set<String>)] = []
            var accepted = 0
            // 部分导入 writes the good rows; 全部导入 only a file without a problem; a dry run nothing.
            func mayWrite() -> Bool { mode == .partial || (mode == .all && problems.isEmpty) }
            for draft in checked.drafts {
                var rowProblems: [CarrierImport.Problem] = []
                func bad(_ column: CarrierImport.Column, _ message: String) {
                    rowProblems.append(.init(line: draft.line, field: column.field, message: "\(column.rawValue)：\(message)"))
                }
                let level = draft.marking.level
                func person(_ name: String, _ column: CarrierImport.Column) -> Person? {
                    guard let found = byName[name], !found.isEmpty else {
                        bad(column, "本单位没有名为“\(name)”的人员")
                        return nil
                    }
                    guard found.count == 1 else {
                        bad(column, "本单位有\(found.count)名“\(name)”，请改为在系统中逐件登记")
                        return nil
                    }
                    guard found[0].tier.covers(.stateSecret(level)) else {
                        bad(column, "“\(name)”的涉密等级不能知悉\(level.chinese)载体（R-KS-4）")
                        return nil
                    }
                    return found[0]
                }
                var scope: Set<String> = [me.id]
                var safeID: String?
                if let name = draft.safeName {
                    if let safe = safes[name]?.first {
                        if (try? CarrierRules.checkStorage(level: level, safe: safe)) == nil {
                            bad(.safe, "\(safe.name)（\(safe.level.chinese)\(safe.topSecretOnly ? "，绝密专用" : "")）不能存放\(level.chinese)载体（R-CA-6）")
                        }
                        safeID = safe.id
                    } else {
                        bad(.safe, "本单位没有登记名为“\(name)”的保密柜（R-CA-6）")
                    }
                }
                var holderID: String?
                if let name = draft.holderName, let holder = person(name, .holder) {
                    holderID = holder.id
                    scope.insert(holder.id)
                }
                for name in draft.scopeNames { if let p = person(name, .scope) { scope.insert(p.id) } }
                var medium: MediumInfo?
                if draft.kind == .medium, let name = draft.mediumUserName, let user = person(name, .mediumUser) {
                    scope.insert(user.id)
                    medium = MediumInfo(mediaType: draft.mediaType ?? "", purchasedCentrally: true, userPersonID: user.id)
                }
                if let id = draft.secretID {
                    if secrets[id] == nil { secrets[id] = try await services.classification.visibleSecret(actor, id, on: db) }
                    // R-KS-4: a secret the clerk may not know of reads exactly like one that does not exist.
                    if let secret = secrets[id] ?? nil, secret.status.isProtected {
                        if level < secret.level { bad(.marking, "载体密级（\(level.chinese)）低于所载事项的密级（\(secret.level.chinese)）（R-DU-7）") }
                        if !scope.isSubset(of: secret.scope) { bad(.scope, "知悉范围不得超出所载事项的知悉范围（R-CA-4）") }
                    } else {
                        bad(.secretID, "所填国家秘密事项不存在")
                    }
                }
                if draft.status == .lent, let due = draft.dueOn, due < draft.registeredOn { bad(.dueOn, "归还日期早于登记日期") }
                guard rowProblems.isEmpty else {
                    problems.add(contentsOf: rowProblems)
                    // What was kept for writing goes once nothing may be written.
                    if !mayWrite() { good.removeAll() }
                    continue
                }
                accepted += 1
                // A dry run, or 全部导入 once a problem is found, keeps only the count.
                guard mayWrite() else { continue }
                let carrier = Carrier(
                    id: IDs.make(), number: "", kind: draft.kind, title: draft.title, documentNumber: draft.documentNumber,
                    originatingUnit: draft.originatingUnit, unitID: me.unitID, marking: draft.marking, secretIDs: draft.secretID.map { [$0] } ?? [],
                    copies: draft.copies, serials: draft.serials, custodianPersonID: me.id, safeID: safeID, status: draft.status,
                    registeredOn: draft.registeredOn, medium: medium, holderPersonID: holderID, dueOn: draft.status == .lent ? draft.dueOn : nil)
                good.append((draft, carrier, scope))
            }
            guard mayWrite(), !good.isEmpty else {
                return CarrierImportReport(
                    mode: mode, rows: rows, accepted: accepted, imported: 0, problems: problems.shown, problemTotal: problems.total, numbers: [])
            }
            // Register numbers continue the unit's sequence for this year (ZT- for documents and devices, JZ- for media).
            var next: [String: Int] = [:]
            for prefix in ["ZT", "JZ"] { next[prefix] = try await CarrierStore.numbersUsed(unitID: me.unitID, prefix: prefix, year: day.year, on: db) }
            var numbered: [(carrier: Carrier, scope: Set<String>, summary: String)] = []
            for item in good {
                let prefix = item.carrier.kind == .medium ? "JZ" : "ZT"
                next[prefix, default: 0] += 1
                var carrier = item.carrier
                carrier.number = "\(prefix)-" + CarrierRules.registerNumber(year: day.year, sequence: next[prefix] ?? 1)
                let legacy = item.draft.legacyNumber.isEmpty ? "" : "原登记编号\(item.draft.legacyNumber)，"
                numbered.append((carrier, item.scope, "导入纸质台账：\(legacy)导入文件第\(item.draft.line)行，原登记日期\(item.draft.registeredOn.chinese)"))
            }
            try await CarrierStore.insertMany(numbered, at: services.nowMillis, actor: actor.displayName, addedBy: actor.userID, on: db)
            try await AuditStore.append(
                services.record(
                    actor, "carrier.import", target: CarrierStore.recordKind, id: nil,
                    detail: "导入纸质台账（\(mode.rawValue)）：\(rows) 行，导入 \(numbered.count) 件，问题 \(problems.total) 处"), on: db)
            return CarrierImportReport(
                mode: mode, rows: rows, accepted: accepted, imported: numbered.count, problems: problems.shown, problemTotal: problems.total,
                numbers: numbered.map(\.carrier.number))
        }
    }
}

extension Refusal {
    /// An import's file beyond one of its limits (`Tabular.Limits`): refused as a whole, naming the limit.
    public static func importLimit(_ exceeded: Tabular.LimitExceeded) -> Refusal {
        Refusal(code: "import.limit", field: "file", message: exceeded.message, kind: .validation)
    }
}
