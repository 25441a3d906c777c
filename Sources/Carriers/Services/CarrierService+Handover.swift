import Accounts
import Audit
import Carriers
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 移交清单 — one custody hand-over (R-CA-15).
public struct CarrierHandover: Sendable, Hashable {
    /// The hand-over's id.
    public var id: String
    /// 移交人
    public var fromPersonID: String
    /// 接收人
    public var toPersonID: String
    /// 移交日期
    public var handedOn: Day
    /// The carriers handed over.
    public var carrierIDs: [String]
}

extension CarrierService {
    /// What a person keeps (custodian) or uses (medium user) — what the hand-over moves — not yet returned, destroyed,
    /// dispatched or lost.
    static func keptCondition(_ personID: String) -> SQLQueryString {
        """
         c.status NOT IN ('returned', 'destroyed', 'dispatched', 'lost')
         AND (c.custodian_person_id = \(bind: personID) OR c.medium_user_person_id = \(bind: personID))
        """
    }

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
            let kept = try await db.raw("SELECT c.* FROM carriers c WHERE" + Self.keptCondition(fromPersonID) + " ORDER BY c.number").all()
                .map(CarrierStore.carrier(from:))
            let successor = try await OrganisationReads.person(id: toPersonID, on: db)
            _ = try CarrierRules.handedOver(
                kept, from: fromPersonID, to: successor, leaverSigned: leaverSigned, successorSigned: successorSigned, by: viewer)
            let millis = s.nowMillis
            let summary = "移交：由\(leaver.name)移交\(successor?.name ?? "")保管（双方签字：\(leaverSigned)、\(successorSigned)）"
            // Set-based, whatever the count: the history entries and scope rows first, while the condition still selects them.
            try await db.raw(
                """
                INSERT INTO carrier_events (id, carrier_id, seq, at, actor_name, kind, summary, persons)
                SELECT \(bind: IDs.make()) || c.id, c.id, (SELECT COUNT(*) + 1 FROM carrier_events e WHERE e.carrier_id = c.id), \(bind: millis),
                    \(bind: actor.displayName), 'handover', \(bind: summary), NULL
                FROM carriers c WHERE
                """ + Self.keptCondition(fromPersonID)
            ).run()
            try await db.raw(
                """
                INSERT INTO knowledge_scope (record_kind, record_id, person_id, added_by, reason, added_at)
                SELECT 'carrier', c.id, \(bind: toPersonID), \(bind: actor.displayName), '移交', \(bind: millis) FROM carriers c WHERE
                """ + Self.keptCondition(fromPersonID) + " ON CONFLICT (record_kind, record_id, person_id) DO NOTHING"
            ).run()
            try await db.raw(
                """
                UPDATE carriers SET medium_user_person_id = \(bind: toPersonID), updated_at = \(bind: millis)
                WHERE medium_user_person_id = \(bind: fromPersonID) AND status NOT IN ('returned', 'destroyed', 'dispatched', 'lost')
                """
            ).run()
            try await db.raw(
                """
                UPDATE carriers SET custodian_person_id = \(bind: toPersonID), updated_at = \(bind: millis)
                WHERE custodian_person_id = \(bind: fromPersonID) AND status NOT IN ('returned', 'destroyed', 'dispatched', 'lost')
                """
            ).run()
            let handover = CarrierHandover(id: IDs.make(), fromPersonID: fromPersonID, toPersonID: toPersonID, handedOn: day, carrierIDs: kept.map(\.id))
            try await db.raw(
                """
                INSERT INTO carrier_handovers (id, unit_id, from_person_id, to_person_id, handed_on, leaver_signed, successor_signed, carrier_count,
                    carrier_ids, created_at)
                VALUES (\(bind: handover.id), \(bind: leaver.unitID), \(bind: fromPersonID), \(bind: toPersonID), \(bind: day.iso),
                    \(bind: leaverSigned), \(bind: successorSigned), \(bind: kept.count), \(bind: CarrierStore.join(handover.carrierIDs)), \(bind: millis))
                """
            ).run()
            try await AuditStore.append(
                s.record(
                    actor, "carrier.handover", target: "person", id: fromPersonID, level: kept.map(\.level).max()?.code,
                    detail: "移交\(kept.count)件，接收人\(toPersonID)"), on: db)
            return handover
        }
    }

    /// R-PE-16: what a person still has, as SQL over `c` — held, kept (whoever holds it now: a kept carrier lent to
    /// someone else is still the leaver's) or used, not returned, destroyed, dispatched or lost. Driven from the person's
    /// three indexes (a `UNION` of ids), never from the register's order. The gate's count and its titles both use it.
    static func stillWith(_ personID: String) -> SQLQueryString {
        """
         c.id IN (
            SELECT x.id FROM carriers x WHERE x.holder_person_id = \(bind: personID)
            UNION SELECT x.id FROM carriers x WHERE x.custodian_person_id = \(bind: personID)
            UNION SELECT x.id FROM carriers x WHERE x.medium_user_person_id = \(bind: personID))
         AND c.status NOT IN ('returned', 'destroyed', 'dispatched', 'lost')
        """
    }

    /// R-PE-16: how many carriers and media the person still holds, keeps or uses, across the whole system and
    /// whatever the caller may know — the departure gate's count, never a list (each branch has its index).
    static func outstandingCount(ofPerson personID: String, on db: any SQLDatabase) async throws -> Int {
        let q: SQLQueryString = "SELECT COUNT(*) AS n FROM carriers c WHERE" + Self.stillWith(personID)
        return try await db.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// R-PE-16 / R-KS-4: of what the person still has (`stillWith`), those `actor` may know — how many (to 1,000) and the
    /// first 50 by number, sorted in memory: a person has a handful, the unit a hundred thousand.
    public func outstandingVisible(_ actor: Actor, personID: String) async throws -> (count: Int, first: [Carrier]) {
        let viewer = actor.viewer
        let rows = try await services.database.read { db in
            var q: SQLQueryString = "SELECT c.* FROM carriers c WHERE" + Self.stillWith(personID) + " AND "
            q = try await q + AccessFilter.visible(alias: "c", recordKind: CarrierStore.recordKind, viewer: viewer, on: db)
            q = q + " LIMIT \(unsafeRaw: String(Keyset.countCap))"
            return try await db.raw(q).all().map(CarrierStore.carrier(from:))
        }
        let first = Array(rows.sorted { $0.number < $1.number }.prefix(50))
        try await services.auditShown(actor, recordKind: CarrierStore.recordKind, shown: first.map { ($0.id, $0.level) })
        return (rows.count, first)
    }
}
