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
    public struct Row: Sendable, Hashable, Codable {
        public var level: String
        public var original: Int
        public var derived: Int
        public var unclear: Int
        public var total: Int { original + derived + unclear }
    }

    public var from: Day
    public var to: Day
    /// Secrets classified (approved) in the period, by level and basis.
    public var classified: [Row]
    public var changes: Int
    public var extensions: Int
    public var declassifications: Int
    public var officersInOffice: Int
    public var grantsInForce: Int
}

extension ClassificationService {
    /// R-RP-2 / R-KS-4: statistics over the secrets the actor may know, for the period `from`…`to`.
    public func statistics(_ actor: Actor, from: Day, to: Day) async throws -> ClassificationStatistics {
        let visible = try await register(actor, filter: SecretFilter())
        let ids = visible.map(\.id)
        let fromMillis = Int64(from.startOfDay.timeIntervalSince1970 * 1000)
        let toMillis = Int64(to.adding(days: 1).startOfDay.timeIntervalSince1970 * 1000)
        let me = actor.person
        let today = today
        return try await services.database.read { db in
            var kinds: [String: Int] = [:]
            var reviewed: Set<String> = []
            if !ids.isEmpty {
                for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                    let rows = try await db.select().column("secret_id").column("kind").column("summary").from("secret_events")
                        .where("secret_id", .in, chunk).where("at", .greaterThanOrEqual, fromMillis).where("at", .lessThan, toMillis).all()
                    for row in rows {
                        let kind = try row.decode(column: "kind", as: String.self)
                        kinds[kind, default: 0] += 1
                        if kind == "review", try row.decode(column: "summary", as: String.self).contains("同意") {
                            reviewed.insert(try row.decode(column: "secret_id", as: String.self))
                        }
                    }
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
