import Accounts
import Classification
import Foundation
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// The secrets' clocks and history: what the sweep finds due, the unclear matters' escalation, the annual review, the
/// widenings of scope and the history entries.
extension ClassificationStore {
    /// In-force secrets whose period has run out by `day` (the sweep's work, R-DC-2). System use only.
    static func due(on day: Day, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw(
            "SELECT id FROM secrets WHERE status = \(bind: SecretStatus.inForce.rawValue) AND expiry IS NOT NULL AND expiry <= \(bind: day.iso) ORDER BY id"
        )
        .all().map { try $0.decode(column: "id", as: String.self) }
    }

    /// Flags a secret for review (a source changed, R-DU-6).
    static func flagForReview(id: String, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE secrets SET needs_review = 1 WHERE id = \(bind: id)").run()
    }

    /// R-CL-3: the unclear matters not yet escalated whose clock ran out — awaiting their report and drafted on or before
    /// `reportCutoff`, or reported and awaiting the decision since on or before `decisionCutoff`. Each branch reads its
    /// own index (`secrets_unclear_report`, `secrets_unclear_decision`), whatever the number of open matters. System use
    /// only.
    static func overdueClocks(reportCutoff: Day, decisionCutoff: Day, on db: any SQLDatabase) async throws -> [SecretMatter] {
        let rows =
            try await db.raw(
                """
                SELECT * FROM secrets s WHERE s.status = \(bind: SecretStatus.unclearPendingReport.rawValue) AND s.clock_escalated = 0 AND s.drafted_on <= \(bind: reportCutoff.iso)
                """
            ).all()
            + db.raw(
                """
                SELECT * FROM secrets s WHERE s.status = \(bind: SecretStatus.unclearReported.rawValue) AND s.clock_escalated = 0 AND s.reported_on <= \(bind: decisionCutoff.iso)
                """
            ).all()
        return try rows.map(secret(from:))
    }

    /// R-CL-3: marks a secret's clock for its current status as escalated (`save` clears the mark when the status moves on).
    static func markClockEscalated(id: String, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE secrets SET clock_escalated = 1 WHERE id = \(bind: id)").run()
    }

    /// R-DC-1: records the year's review of a secret (one per year: a second review that year replaces the first) and
    /// clears its review flag.
    static func recordReview(
        secretID: String, year: Int, result: String, note: String, reviewerPersonID: String, on day: Day, on db: any SQLDatabase
    ) async throws {
        try await db.raw("DELETE FROM secret_reviews WHERE secret_id = \(bind: secretID) AND year = \(bind: year)").run()
        try await db.raw(
            """
            INSERT INTO secret_reviews (id, secret_id, year, result, note, reviewer_person_id, reviewed_on)
            VALUES (\(bind: IDs.make()), \(bind: secretID), \(bind: year), \(bind: result), \(bind: note), \(bind: reviewerPersonID), \(bind: day.iso))
            """
        ).run()
        try await db.raw("UPDATE secrets SET last_reviewed_year = \(bind: year), needs_review = 0 WHERE id = \(bind: secretID)").run()
    }

    /// R-KS-3: records a widening of a secret's scope in detail — who was added, on whose approval (`head_approval` with
    /// the approver, or `originator_consent` with its reference), why, and who recorded it.
    static func recordWidening(
        secretID: String, personID: String, approvalKind: String, approverPersonID: String?, consentReference: String?, reason: String, on day: Day,
        recordedBy userID: String?, at millis: Int64, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO scope_widenings (id, secret_id, person_id, approval_kind, approver_person_id, consent_reference, reason, on_day, recorded_by, created_at)
            VALUES (\(bind: IDs.make()), \(bind: secretID), \(bind: personID), \(bind: approvalKind), \(bind: approverPersonID), \(bind: consentReference), \(bind: reason),
                \(bind: day.iso), \(bind: userID), \(bind: millis))
            """
        ).run()
    }

    /// R-KS-2: the persons in a secret's knowledge scope, with when and why each was added, in the order they were added
    /// — regardless of access; callers check the secret is visible.
    static func knowers(secretID: String, on db: any SQLDatabase) async throws -> [ScopeMember] {
        let rows = try await db.raw(
            """
            SELECT k.person_id, k.added_at, k.reason, p.name, p.unit_id FROM knowledge_scope k JOIN persons p ON p.id = k.person_id
            WHERE k.record_kind = \(bind: recordKind) AND k.record_id = \(bind: secretID) ORDER BY k.added_at, p.name
            """
        ).all()
        return try rows.map {
            ScopeMember(
                personID: try $0.decode(column: "person_id", as: String.self), name: try $0.decode(column: "name", as: String.self),
                unitID: try $0.decode(column: "unit_id", as: String.self), addedAt: try $0.decode(column: "added_at", as: Int64.self),
                reason: try $0.decode(column: "reason", as: String.self))
        }
    }

    /// Appends a history entry.
    static func event(_ secretID: String, at millis: Int64, actor: String, kind: String, summary: String, marking: String, on db: any SQLDatabase) async throws
    {
        try await appendEvents([(secretID, kind, summary, marking)], at: millis, actor: actor, on: db)
    }

    /// R-RP-2: the history entries of the secrets `ids` recorded from `fromMillis` (inclusive) to `toMillis` (exclusive)
    /// — kind and summary, for the period's statistics; read a chunk of ids at a time.
    static func events(of ids: [String], fromMillis: Int64, toMillis: Int64, on db: any SQLDatabase) async throws -> [(
        secretID: String, kind: String, summary: String
    )] {
        var events: [(secretID: String, kind: String, summary: String)] = []
        for chunk in ids.chunks() {
            let rows = try await db.select().column("secret_id").column("kind").column("summary").from("secret_events")
                .where("secret_id", .in, chunk).where("at", .greaterThanOrEqual, fromMillis).where("at", .lessThan, toMillis).all()
            for row in rows {
                events.append(
                    (
                        try row.decode(column: "secret_id", as: String.self), try row.decode(column: "kind", as: String.self),
                        try row.decode(column: "summary", as: String.self)
                    ))
            }
        }
        return events
    }

    /// A secret's history, oldest first.
    static func events(_ secretID: String, on db: any SQLDatabase) async throws -> [SecretEvent] {
        try await db.raw("SELECT * FROM secret_events WHERE secret_id = \(bind: secretID) ORDER BY seq").all().map {
            SecretEvent(
                at: try $0.decode(column: "at", as: Int64.self), actorName: try $0.decode(column: "actor_name", as: String.self),
                kind: try $0.decode(column: "kind", as: String.self), summary: try $0.decode(column: "summary", as: String.self),
                marking: try $0.decode(column: "marking", as: String.self))
        }
    }

    /// R-CL-3 / R-IN-4: the unit's unclear matters whose reporting time has passed (escalated by the sweep), whatever
    /// anyone may know, up to the 待办's cap — by the index on the unit and status.
    static func unclearOverdueCount(unitID: String, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count(
            """
            FROM secrets WHERE unit_id = \(bind: unitID) AND status = \(bind: SecretStatus.unclearPendingReport.rawValue) AND clock_escalated = 1
            """, cap: TodoCount.cap, on: db)
    }
}
