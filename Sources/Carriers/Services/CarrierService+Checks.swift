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

/// A 清点 (count) the 保密员 recorded for a scheduled check (R-CA-10).
public struct CarrierCount: Sendable, Hashable, Codable {
    /// The count's record id.
    public var id: String
    /// The scheduled check it closes: 每月清点, 每季度核查 or the year-end 清退.
    public var check: CarrierRules.Check
    /// `2026-11` (month), `2026-Q4` (quarter), `2025` (the year returned by Q1).
    public var period: String
    /// The day the count was made.
    public var onDay: Day
    /// Carriers expected in stock, as the viewer may know of them.
    public var expected: Int
    /// Register numbers expected but not found (the viewer's visible ones only).
    public var missing: [String]
    /// What was found but is not in the register (typed by the 保密员).
    public var unexpected: [String]
    /// The name of the 保密员 who counted.
    public var handledBy: String
    /// The 保密员's remark.
    public var note: String
}

/// A scheduled check of the period containing today, with the count that closed it, if any.
public struct CarrierCheckDue: Sendable, Hashable {
    /// Which scheduled check.
    public var check: CarrierRules.Check
    /// The period it covers: `2026-11`, `2026-Q4` or `2025` (see `CarrierService.period(of:on:)`).
    public var period: String
    /// The last day to do it.
    public var due: Day
    /// The count that closed it; nil while still open.
    public var done: CarrierCount?
}

extension CarrierService {
    /// Loads the context of the cross-checks for `carriers`: their safes, their copy approvals, their secrets' levels and
    /// their 绝密 steps — each read by the carriers' ids, so the cost follows the carriers checked, not the register.
    func checkContext(for carriers: [Carrier], on db: any SQLDatabase) async throws -> CarrierRules.CheckContext {
        var ctx = CarrierRules.CheckContext(today: today)
        let safeIDs = Array(Set(carriers.compactMap(\.safeID)))
        for chunk in safeIDs.chunks() {
            for safe in try await CarrierStore.safes(ids: chunk, on: db) { ctx.safes[safe.id] = safe }
        }
        for chunk in carriers.filter({ $0.originalID != nil }).map(\.id).chunks() {
            ctx.approvedCopies.formUnion(try await CarrierStore.approvedCopies(among: chunk, on: db))
        }
        let ids = Array(Set(carriers.flatMap(\.secretIDs)))
        for chunk in ids.chunks() {
            ctx.secretLevels.merge(try await ClassificationReads.levels(ofSecrets: chunk, on: db)) { _, new in new }
        }
        // R-CA-3 / R-CA-9 / R-CA-11: 绝密 dispatch, carrying out and destruction need two named persons.
        let steps: [String: String] = ["dispatch": "传递", "carry_out": "携带外出", "destroy": "销毁"]
        for chunk in carriers.filter({ $0.level == .topSecret }).map(\.id).chunks() {
            for step in try await CarrierStore.twoPersonSteps(ofCarriers: chunk, on: db) {
                let persons = Set(step.persons.filter { !$0.isBlank })
                if persons.count < 2 { ctx.shortHanded[step.carrierID] = steps[step.kind] ?? "" }
            }
        }
        return ctx
    }
}
