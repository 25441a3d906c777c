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
            try await ClassificationStore.recordReview(
                secretID: secretID, year: day.year, result: result, note: note, reviewerPersonID: me.id, on: day, on: db)
            try await ClassificationStore.event(
                secretID, at: s.nowMillis, actor: actor.displayName, kind: "annual_review",
                summary: "\(day.year)年度审查：\(result)\(note.isEmpty ? "" : "（\(note)）")",
                marking: secret.marking.render(), on: db)
            try await AuditStore.append(
                s.record(actor, "secret.annual_review", target: ClassificationStore.recordKind, id: secretID, level: secret.level.code, detail: result), on: db)
        }
    }
}
