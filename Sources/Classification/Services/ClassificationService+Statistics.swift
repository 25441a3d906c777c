import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 定密统计 for a period (R-RP-2): by level and basis, changes, extensions, declassifications, officers, grants.
public struct ClassificationStatistics: Sendable, Hashable, Codable {
    /// One line of the by-level table: the level's secrets classified in the period, by 定密依据.
    public struct Row: Sendable, Hashable, Codable {
        /// The level's Chinese name: 绝密, 机密 or 秘密.
        public var level: String
        /// 原始定密 — classified on an item of the 国家秘密事项一览表.
        public var original: Int
        /// 派生定密 — derived from an existing secret (R-CL-6).
        public var derived: Int
        /// 不明确事项 — classified as a matter of unclear secrecy (R-CL-3).
        public var unclear: Int
        /// All three together.
        public var total: Int { original + derived + unclear }
    }

    /// First day of the period (inclusive).
    public var from: Day
    /// Last day of the period (inclusive).
    public var to: Day
    /// Secrets classified (approved) in the period, by level and basis.
    public var classified: [Row]
    /// 变更 — changes of level, period or scope in the period (extensions not counted).
    public var changes: Int
    /// 延长保密期限 — period extensions in the period.
    public var extensions: Int
    /// 解密 — declassifications in the period, early or on expiry.
    public var declassifications: Int
    /// 定密责任人 of the actor's unit in office today (not over the period); 0 without a unit.
    public var officersInOffice: Int
    /// 定密授权 in force today that involve the actor's unit; 0 without a unit.
    public var grantsInForce: Int
}

extension ClassificationService {
    /// R-RP-2 / R-KS-4: statistics over the secrets the actor may know, for the period `from`…`to`.
    public func statistics(_ actor: Actor, from: Day, to: Day) async throws -> ClassificationStatistics {
        let visible = try await everything(actor, filter: SecretFilter())
        let ids = visible.map(\.id)
        let fromMillis = Int64(from.startOfDay.timeIntervalSince1970 * 1000)
        let toMillis = Int64(to.adding(days: 1).startOfDay.timeIntervalSince1970 * 1000)
        let me = actor.person
        let today = today
        return try await services.database.read { db in
            var kinds: [String: Int] = [:]
            var reviewed: Set<String> = []
            if !ids.isEmpty {
                for event in try await ClassificationStore.events(of: ids, fromMillis: fromMillis, toMillis: toMillis, on: db) {
                    kinds[event.kind, default: 0] += 1
                    if event.kind == "review", event.summary.contains("同意") { reviewed.insert(event.secretID) }
                }
            }
            let classified = Level.allCases.reversed().map { level in
                let of = visible.filter { $0.level == level && reviewed.contains($0.id) }
                return ClassificationStatistics.Row(
                    level: level.chinese, original: of.filter { if case .catalogue = $0.basis { true } else { false } }.count,
                    derived: of.filter { if case .derived = $0.basis { true } else { false } }.count, unclear: of.filter { $0.basis == .unclear }.count)
            }
            var officers = 0
            var grants = 0
            if let unitID = me?.unitID {
                officers = try await AuthorityStore.officers(unitID: unitID, on: db).filter { $0.isInOffice(on: today) }.count
                grants = try await AuthorityStore.grants(involving: [unitID], on: db).filter { $0.isInForce(on: today) }.count
            }
            return ClassificationStatistics(
                from: from, to: to, classified: classified, changes: kinds["change", default: 0], extensions: kinds["extend", default: 0],
                declassifications: kinds["declassify", default: 0], officersInOffice: officers, grantsInForce: grants)
        }
    }
}
