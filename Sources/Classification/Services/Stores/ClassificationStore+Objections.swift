import Accounts
import Classification
import Foundation
import Kernel
import SQLKit
import Storage

/// Objections to a classification and their appeals (R-CL-7), read and written through `objections`.
extension ClassificationStore {
    /// `objections.status` of an objection with the originating unit, not yet answered. No Swift enum carries the
    /// objection statuses (`ObjectionState.status` and `ObjectionRecord.status` are plain strings), so the stored values
    /// are named here and bound from these constants.
    static let objectionPending = "pending"
    /// `objections.status` of an objection appealed to an administration (R-CL-7), not yet decided there.
    static let objectionAppealed = "appealed"
    /// `objections.status` of an objection answered by the originating unit or decided by the administration.
    static let objectionDecided = "decided"

    static func objectionState(from row: any SQLRow) throws -> ObjectionState {
        ObjectionState(
            raisedBy: try row.decode(column: "raised_by_person_id", as: String.self), status: try row.decode(column: "status", as: String.self),
            appealUnitID: try row.decode(column: "appeal_unit_id", as: String?.self))
    }

    /// The state of one objection, with its secret's ID — what `SecretActions` decides on; nil when there is no such
    /// objection.
    static func objectionState(id: String, on db: any SQLDatabase) async throws -> (secretID: String, state: ObjectionState)? {
        guard
            let row = try await db.raw("SELECT secret_id, raised_by_person_id, status, appeal_unit_id FROM objections WHERE id = \(bind: id)")
                .first()
        else { return nil }
        return (try row.decode(column: "secret_id", as: String.self), try objectionState(from: row))
    }

    /// The state of every objection on a secret, with its ID — what the secret's page offers on each.
    static func objectionStates(secretID: String, on db: any SQLDatabase) async throws -> [(id: String, state: ObjectionState)] {
        try await db.raw(
            "SELECT id, raised_by_person_id, status, appeal_unit_id FROM objections WHERE secret_id = \(bind: secretID)"
        ).all().map { (try $0.decode(column: "id", as: String.self), try objectionState(from: $0)) }
    }

    /// R-CL-7: the administration level an appeal of the objection goes to, as recorded when it was raised (provincial
    /// when unreadable); nil when there is no such objection.
    static func appealLevel(objectionID: String, on db: any SQLDatabase) async throws -> AdministrationLevel? {
        guard let row = try await db.raw("SELECT appeal_level FROM objections WHERE id = \(bind: objectionID)").first() else { return nil }
        return AdministrationLevel(rawValue: try row.decode(column: "appeal_level", as: String.self)) ?? .provincial
    }

    /// R-CL-7: records an objection, pending with the originating unit, with the route an appeal would take.
    static func insert(
        _ objection: Objection, id: String, appealLevel: AdministrationLevel, raisedOn day: Day, at millis: Int64, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO objections (id, secret_id, raised_by_person_id, claimed_level, claimed_period, reason, appeal_level, status, raised_on, created_at)
            VALUES (\(bind: id), \(bind: objection.secretID), \(bind: objection.raisedBy), \(bind: objection.claimedLevel?.code),
                \(bind: objection.claimedPeriod?.rendered), \(bind: objection.reason), \(bind: appealLevel.rawValue), \(bind: objectionPending),
                \(bind: day.iso), \(bind: millis))
            """
        ).run()
    }

    /// R-CL-7: the objection goes to the administration `adminID` to decide.
    static func appeal(objectionID: String, to adminID: String, on day: Day, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE objections SET status = \(bind: objectionAppealed), appeal_unit_id = \(bind: adminID), appealed_on = \(bind: day.iso) WHERE id = \(bind: objectionID)
            """
        ).run()
    }

    /// R-CL-7: records the decision on an objection — the originating unit's answer or the administration's.
    static func decide(objectionID: String, decision: String, by personID: String, on day: Day, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE objections SET status = \(bind: objectionDecided), decision = \(bind: decision), decided_by = \(bind: personID),
                decided_on = \(bind: day.iso)
            WHERE id = \(bind: objectionID)
            """
        ).run()
    }

    /// R-CL-7: the levels claimed by the objections on a secret not yet decided (pending or appealed) — the matter is
    /// protected at the highest of them until decided.
    static func undecidedClaims(secretID: String, on db: any SQLDatabase) async throws -> [Level] {
        try await db.raw(
            "SELECT claimed_level FROM objections WHERE secret_id = \(bind: secretID) AND status IN (\(binds: [objectionPending, objectionAppealed]))"
        ).all()
            .compactMap { try $0.decode(column: "claimed_level", as: String?.self).flatMap(Level.init(code:)) }
    }

    /// R-CL-7: sets the stored protection rank of a secret (what access control filters on).
    static func setProtection(secretID: String, level: Level, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE secrets SET level_rank = \(bind: level.rawValue) WHERE id = \(bind: secretID)").run()
    }

    /// The objections on a secret, oldest first, regardless of access — callers check the secret is visible.
    static func objections(secretID: String, on db: any SQLDatabase) async throws -> [ObjectionRecord] {
        try await db.raw("SELECT * FROM objections WHERE secret_id = \(bind: secretID) ORDER BY created_at").all().map {
            ObjectionRecord(
                id: try $0.decode(column: "id", as: String.self),
                objection: Objection(
                    secretID: secretID, raisedBy: try $0.decode(column: "raised_by_person_id", as: String.self),
                    claimedLevel: try $0.decode(column: "claimed_level", as: String?.self).flatMap(Level.init(code:)), claimedPeriod: nil,
                    reason: try $0.decode(column: "reason", as: String.self)),
                status: try $0.decode(column: "status", as: String.self),
                appealLevel: AdministrationLevel(rawValue: try $0.decode(column: "appeal_level", as: String.self)) ?? .provincial,
                decision: try $0.decode(column: "decision", as: String?.self))
        }
    }

    /// R-KS-4: a query over objections in `status` joined to their secrets (alias `s`), only those `viewer` may see,
    /// narrowed to the administration an appeal went to or to the secret's unit. `columns` is what to select.
    static func visibleObjections(
        _ columns: SQLQueryString, status: String, appealUnitID: String? = nil, secretUnitID: String? = nil, viewer: Viewer, on db: any SQLDatabase
    ) async throws -> SQLQueryString {
        var q: SQLQueryString = "SELECT " + columns + " FROM objections o JOIN secrets s ON s.id = o.secret_id WHERE o.status = \(bind: status)"
        if let appealUnitID { q = q + " AND o.appeal_unit_id = \(bind: appealUnitID)" }
        if let secretUnitID { q = q + " AND s.unit_id = \(bind: secretUnitID)" }
        return try await q + " AND " + AccessFilter.visible(alias: "s", recordKind: recordKind, viewer: viewer, on: db)
    }

    /// R-KS-4: how many objections in `status` `viewer` may see, narrowed to the administration an appeal went to or to
    /// the secret's unit (the 待办's counts).
    static func objectionCount(
        status: String, appealUnitID: String? = nil, secretUnitID: String? = nil, viewer: Viewer, on db: any SQLDatabase
    ) async throws -> Int {
        let query = try await visibleObjections(
            "COUNT(*) AS n", status: status, appealUnitID: appealUnitID, secretUnitID: secretUnitID, viewer: viewer, on: db)
        return try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// R-CL-7 / R-KS-4: the objections appealed to the administration `adminID` that `viewer` may see, with their
    /// secrets, oldest appeal first (the administration's queue).
    static func appeals(to adminID: String, viewer: Viewer, on db: any SQLDatabase) async throws -> [AppealRow] {
        let q =
            try await visibleObjections(
                "o.id AS objection_id, o.reason AS objection_reason, o.claimed_level, o.decision, o.appealed_on, s.*", status: objectionAppealed,
                appealUnitID: adminID, viewer: viewer, on: db) + " ORDER BY o.appealed_on, o.id"
        return try await db.raw(q).all().map { row in
            AppealRow(
                objectionID: try row.decode(column: "objection_id", as: String.self), secret: try secret(from: row),
                reason: try row.decode(column: "objection_reason", as: String.self),
                claimedLevel: try row.decode(column: "claimed_level", as: String?.self).flatMap(Level.init(code:)),
                unitAnswer: try row.decode(column: "decision", as: String?.self),
                appealedOn: try row.decode(column: "appealed_on", as: String?.self).flatMap(Day.init(iso:)))
        }
    }
}
