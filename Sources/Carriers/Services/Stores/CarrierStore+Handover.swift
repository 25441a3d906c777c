import Carriers
import Kernel
import SQLKit
import Storage

/// 移交 (R-CA-15): what a leaver keeps passes to the successor — history, scope and custody, set-based whatever the
/// count — and the 移交清单 records it (`carrier_handovers`, created by the personnel migration, kept by this area).
extension CarrierStore {
    /// R-CA-15: what a person keeps (custodian) or uses (medium user) — what the hand-over moves — not yet returned,
    /// destroyed, dispatched or lost, as SQL over `c`.
    static func keptCondition(_ personID: String) -> SQLQueryString {
        """
         c.status NOT IN (\(binds: closedStatuses))
         AND (c.custodian_person_id = \(bind: personID) OR c.medium_user_person_id = \(bind: personID))
        """
    }

    /// R-CA-15: the carriers and media `personID` keeps or uses (`keptCondition`), by register number, regardless of
    /// access (a custody move shows no content).
    static func kept(by personID: String, on db: any SQLDatabase) async throws -> [Carrier] {
        try await db.raw("SELECT c.* FROM carriers c WHERE" + keptCondition(personID) + " ORDER BY c.number").all().map(carrier(from:))
    }

    /// R-CA-15: one history entry `handover` with `summary` on each carrier `personID` keeps (`keptCondition`), in one
    /// statement — written before the custody moves, while the condition still selects them.
    static func recordHandover(ofCarriersKeptBy personID: String, at millis: Int64, actor: String, summary: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO carrier_events (id, carrier_id, seq, at, actor_name, kind, summary, persons)
            SELECT \(bind: IDs.make()) || c.id, c.id, (SELECT COUNT(*) + 1 FROM carrier_events e WHERE e.carrier_id = c.id), \(bind: millis),
                \(bind: actor), 'handover', \(bind: summary), NULL
            FROM carriers c WHERE
            """ + keptCondition(personID)
        ).run()
    }

    /// R-CA-15: the successor `personID` joins the knowledge scope of each carrier `keeper` keeps
    /// (`keptCondition`), reason 移交, in one statement — before the custody moves, while the condition still selects them.
    static func addToScope(
        ofCarriersKeptBy keeper: String, personID: String, addedBy: String, at millis: Int64, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO knowledge_scope (record_kind, record_id, person_id, added_by, reason, added_at, order_at, order_text)
            SELECT \(bind: recordKind), c.id, \(bind: personID), \(bind: addedBy), '移交', \(bind: millis),
                \(unsafeRaw: register.orderAt("c")), \(unsafeRaw: register.orderText("c")) FROM carriers c WHERE
            """ + keptCondition(keeper) + " ON CONFLICT (record_kind, record_id, person_id) DO NOTHING"
        ).run()
    }

    /// R-CA-15: every medium `fromPersonID` uses and every carrier they keep, not yet returned, destroyed, dispatched
    /// or lost, passes to `toPersonID` — two statements (medium user, then custodian), whatever the count.
    static func handOverCustody(from fromPersonID: String, to toPersonID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE carriers SET medium_user_person_id = \(bind: toPersonID), updated_at = \(bind: millis)
            WHERE medium_user_person_id = \(bind: fromPersonID) AND status NOT IN (\(binds: closedStatuses))
            """
        ).run()
        try await db.raw(
            """
            UPDATE carriers SET custodian_person_id = \(bind: toPersonID), updated_at = \(bind: millis)
            WHERE custodian_person_id = \(bind: fromPersonID) AND status NOT IN (\(binds: closedStatuses))
            """
        ).run()
    }

    /// R-CA-15: the 移交清单 of a hand-over in the leaver's unit, with both signatures, and a line for each carrier the
    /// leaver keeps (`keptCondition`) — written before the custody moves, while the condition still selects them.
    static func insertHandover(_ handover: CarrierHandover, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO carrier_handovers (id, unit_id, from_person_id, to_person_id, handed_on, leaver_signed, successor_signed, carrier_count,
                created_at)
            VALUES (\(bind: handover.id), \(bind: handover.unitID), \(bind: handover.fromPersonID), \(bind: handover.toPersonID),
                \(bind: handover.handedOn.iso), \(bind: handover.leaverSigned), \(bind: handover.successorSigned), \(bind: handover.carrierCount),
                \(bind: millis))
            """
        ).run()
        try await db.raw(
            "INSERT INTO carrier_handover_items (handover_id, number, carrier_id) SELECT \(bind: handover.id), c.number, c.id FROM carriers c WHERE"
                + keptCondition(handover.fromPersonID)
        ).run()
    }

    static let handoverColumns = "id, unit_id, from_person_id, to_person_id, handed_on, leaver_signed, successor_signed, carrier_count"

    static func handover(from row: any SQLRow) throws -> CarrierHandover {
        CarrierHandover(
            id: try row.decode(column: "id", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            fromPersonID: try row.decode(column: "from_person_id", as: String.self), toPersonID: try row.decode(column: "to_person_id", as: String.self),
            handedOn: Day(iso: try row.decode(column: "handed_on", as: String.self)) ?? Day(daysSinceEpoch: 0),
            leaverSigned: try row.decode(column: "leaver_signed", as: String.self),
            successorSigned: try row.decode(column: "successor_signed", as: String.self), carrierCount: try row.decode(column: "carrier_count", as: Int.self))
    }
}
