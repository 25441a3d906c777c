import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

extension ClassificationService {
    /// R-DC-1: records the year's review of an in-force secret by an officer of its unit: 继续保密, or that it must be
    /// changed or declassified (which then goes through its own procedure).
    public func recordAnnualReview(_ actor: Actor, secretID: String, result: String, note: String) async throws {
        let me = try person(actor)
        let s = services
        let day = today
        _ = try ClassificationChecks.annualReviewResult(result)
        try await s.attempt(actor, "secret.recordAnnualReview", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.annualReview, me, actor, on: secret, on: db)
            try await db.raw("DELETE FROM secret_reviews WHERE secret_id = \(bind: secretID) AND year = \(bind: day.year)").run()
            try await db.raw(
                """
                INSERT INTO secret_reviews (id, secret_id, year, result, note, reviewer_person_id, reviewed_on)
                VALUES (\(bind: IDs.make()), \(bind: secretID), \(bind: day.year), \(bind: result), \(bind: note), \(bind: me.id), \(bind: day.iso))
                """
            ).run()
            try await db.raw("UPDATE secrets SET last_reviewed_year = \(bind: day.year), needs_review = 0 WHERE id = \(bind: secretID)").run()
            try await ClassificationStore.event(
                secretID, at: s.nowMillis, actor: actor.displayName, kind: "annual_review",
                summary: "\(day.year)年度审查：\(result)\(note.isEmpty ? "" : "（\(note)）")",
                marking: secret.marking.render(), on: db)
            try await AuditStore.append(
                s.record(actor, "secret.annual_review", target: ClassificationStore.recordKind, id: secretID, level: secret.level.code, detail: result), on: db)
        }
    }
}
