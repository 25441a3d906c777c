import Accounts
import Audit
import Carriers
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

extension CarrierService {
    // MARK: R-CA-10 清点、清退

    /// The period a check covers on `day`: `2026-11`, `2026-Q4`, or the previous year for the Q1 return.
    public static func period(of check: CarrierRules.Check, on day: Day) -> String {
        switch check {
        case .monthlyCount: String(format: "%04d-%02d", day.year, day.month)
        case .quarterlyReturn: "\(day.year)-Q\((day.month - 1) / 3 + 1)"
        case .yearEndReturn: String(day.year - 1)
        }
    }

    /// R-CA-10: the checks due in the current period for the actor's unit, each with the count that closed it.
    public func checksDue(_ actor: Actor) async throws -> [CarrierCheckDue] {
        let me = try person(actor)
        let day = today
        var out: [CarrierCheckDue] = []
        for (check, due) in CarrierRules.checksDue(on: day) {
            let period = Self.period(of: check, on: day)
            let done = try await counts(actor, unitID: me.unitID, check: check, period: period).first
            out.append(CarrierCheckDue(check: check, period: period, due: due, done: done))
        }
        return out
    }

    /// The counts recorded, newest first; the carrier numbers shown are only those the actor may know of (R-KS-4).
    public func counts(_ actor: Actor, unitID: String? = nil, check: CarrierRules.Check? = nil, period: String? = nil) async throws -> [CarrierCount] {
        let me = try person(actor)
        let viewer = actor.viewer
        let fallback = today
        return try await services.database.read { db in
            try await CarrierStore.counts(unitID: unitID ?? me.unitID, check: check, period: period, viewer: viewer, fallback: fallback, on: db)
        }
    }

    /// R-CA-10: records a count: every carrier of the unit the 保密员 holds (in stock or out with a reader, borrower or
    /// trip) is expected; `foundIDs` are those seen or accounted for. Missing ones are reported (discrepancy on the
    /// 待办, each in its history) so the 保密员 can trace them or report a loss (R-CA-14).
    public func recordCount(
        _ actor: Actor, check: CarrierRules.Check, foundIDs: [String], unexpected: [String], note: String
    ) async throws -> CarrierCount {
        let me = try requireClerk(actor)
        let viewer = actor.viewer
        let day = today
        let period = Self.period(of: check, on: day)
        let id = IDs.make()
        try await services.database.transaction { db in
            let held = try await CarrierStore.visible(to: viewer, filter: CarrierFilter(unitID: me.unitID), on: db)
                .filter(\.status.isHeld)
            let found = Set(foundIDs)
            let expectedIDs = held.map(\.id)
            let missing = held.filter { !found.contains($0.id) }
            let extras = unexpected.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            try await CarrierStore.insertCount(
                id: id, unitID: me.unitID, check: check, period: period, on: day, expectedIDs: expectedIDs, missingIDs: missing.map(\.id),
                unexpected: extras, note: note, handledBy: me.name, at: services.nowMillis, on: db)
            for carrier in missing {
                try await CarrierStore.event(
                    carrier.id, at: services.nowMillis, actor: actor.displayName, kind: "count_missing",
                    summary: "\(check.chinese)（\(period)）未清点到，须查明去向；确认丢失的立即报告（R-CA-14）", on: db)
            }
            try await AuditStore.append(
                services.record(
                    actor, "carrier.count", target: "carrier_count", id: id,
                    detail: "\(check.chinese)（\(period)）：应在 \(held.count) 件，缺 \(missing.count) 件，账外 \(extras.count) 件"), on: db)
        }
        guard let count = try await counts(actor, check: check, period: period).first(where: { $0.id == id }) else { throw Refusal.notFound }
        return count
    }

    /// Open loss/theft incidents of the actor's unit, on carriers they may know of, with the 24-hour report deadline.
    public func openIncidents(_ actor: Actor) async throws -> [(carrier: Carrier, kind: String, reportDueAt: Int64)] {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in try await CarrierStore.openIncidents(unitID: me.unitID, viewer: viewer, on: db) }
    }
}
