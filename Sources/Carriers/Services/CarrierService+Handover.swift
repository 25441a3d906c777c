import Accounts
import Audit
import Carriers
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 移交清单 — one custody hand-over (R-CA-15): who gave, who received, both signatures, the date and how many carriers;
/// the carriers themselves are its lines (`CarrierService.handoverLines`).
public struct CarrierHandover: Sendable, Hashable {
    /// The hand-over's id.
    public var id: String
    /// The unit whose carriers passed.
    public var unitID: String
    /// 移交人
    public var fromPersonID: String
    /// 接收人
    public var toPersonID: String
    /// 移交日期
    public var handedOn: Day
    /// 移交人签字
    public var leaverSigned: String
    /// 接收人签字
    public var successorSigned: String
    /// How many carriers and media passed — all of them, whatever a reader may know.
    public var carrierCount: Int
}

extension CarrierService {
    /// R-CA-15: 移交 — every carrier the leaver keeps (and every medium they use) passes to the successor in one
    /// transaction, whatever the 保密员 may know of it (a custody move shows no content); the successor joins each
    /// carrier's scope, each carrier's history and the hand-over list record it, and one audit entry names the count.
    /// Carriers the leaver has borrowed are not handed on: they are taken back.
    public func handOver(
        _ actor: Actor, fromPersonID: String, toPersonID: String, leaverSigned: String, successorSigned: String
    ) async throws -> CarrierHandover {
        let s = services
        let day = today
        return try await gated(actor, "handover", fromPersonID) { db in
            let viewer = CarrierViewer(actor)
            if let refusal = CarrierRules.refusal(.store, by: viewer) { throw refusal }
            guard let leaver = try await OrganisationReads.person(id: fromPersonID, on: db), leaver.unitID == viewer.unitID else {
                throw Refusal.invalid("from_person_id", "请选择本单位的移交人")
            }
            let kept = try await CarrierStore.kept(by: fromPersonID, on: db)
            let successor = try await OrganisationReads.person(id: toPersonID, on: db)
            _ = try CarrierRules.handedOver(
                kept, from: fromPersonID, to: successor, leaverSigned: leaverSigned, successorSigned: successorSigned, by: viewer)
            let millis = s.nowMillis
            let summary = "移交：由\(leaver.name)移交\(successor?.name ?? "")保管（双方签字：\(leaverSigned)、\(successorSigned)）"
            // Set-based, whatever the count: the history entries and scope rows first, while the condition still selects them.
            try await CarrierStore.recordHandover(ofCarriersKeptBy: fromPersonID, at: millis, actor: actor.displayName, summary: summary, on: db)
            try await CarrierStore.addToScope(ofCarriersKeptBy: fromPersonID, personID: toPersonID, addedBy: actor.displayName, at: millis, on: db)
            let handover = CarrierHandover(
                id: IDs.make(), unitID: leaver.unitID, fromPersonID: fromPersonID, toPersonID: toPersonID, handedOn: day,
                leaverSigned: leaverSigned.trimmingSpaces, successorSigned: successorSigned.trimmingSpaces, carrierCount: kept.count)
            try await CarrierStore.insertHandover(handover, at: millis, on: db)
            try await CarrierStore.handOverCustody(from: fromPersonID, to: toPersonID, at: millis, on: db)
            try await AuditStore.append(
                s.record(
                    actor, "carrier.handover", target: "person", id: fromPersonID, level: kept.map(\.level).max()?.code,
                    detail: "移交\(kept.count)件，接收人\(toPersonID)"), on: db)
            return handover
        }
    }

    /// R-PE-16 / R-KS-4: of what the person still has (`stillWith`), those `actor` may know — how many (to 1,000) and the
    /// first 50 by number, sorted in memory: a person has a handful, the unit a hundred thousand.
    public func outstandingVisible(_ actor: Actor, personID: String) async throws -> (count: Int, first: [Carrier]) {
        let viewer = actor.viewer
        let rows = try await services.database.read { db in try await CarrierStore.outstandingVisible(personID: personID, viewer: viewer, on: db) }
        let first = Array(rows.sorted { $0.number < $1.number }.prefix(50))
        try await services.auditShown(actor, recordKind: CarrierStore.recordKind, shown: first.map { ($0.id, $0.level) })
        return (rows.count, first)
    }
}
