import Accounts
import Audit
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 定密授权申请 (DM 9) and the catalogue's revision history (R-AU-3, R-AU-6).
extension ClassificationService {
    // MARK: grant applications (DM 9)

    /// R-AU-3 (DM 9): a unit applies to a grantor for 定密权, stating the requested authority, matter scope, term,
    /// basis and reasons.
    public func applyForGrant(
        _ actor: Actor, applicantUnitID: String, grantorUnitID: String, cap: Level, matterScope: String, validFrom: Day, validUntil: Day, basis: String,
        reasons: String
    ) async throws -> GrantApplication {
        let s = services
        let day = today
        for (field, what, value) in [("matter_scope", "申请的事项范围", matterScope), ("basis", "申请依据", basis), ("reasons", "申请理由", reasons)]
        where value.isBlank {
            throw ClassificationError.grantIncomplete(field: field, what: what)
        }
        guard validUntil > validFrom else { throw ClassificationError.grantIncomplete(field: "valid_until", what: "申请的授权期限（止日应晚于起日）") }
        return try await s.attempt(actor, "unit.applyForGrant", target: "unit", id: applicantUnitID) { db in
            try requireActingFor(actor, unitID: applicantUnitID)
            try ClassificationChecks.grantor(
                grantorUnitID, exists: try await OrganisationReads.unit(id: grantorUnitID, on: db) != nil, applicantUnitID: applicantUnitID)
            let application = GrantApplication(
                id: IDs.make(), applicantUnitID: applicantUnitID, grantorUnitID: grantorUnitID, cap: cap, matterScope: matterScope, validFrom: validFrom,
                validUntil: validUntil, basis: basis, reasons: reasons, appliedOn: day, status: .pending)
            try await FilingStore.insert(application, appliedBy: actor.displayName, at: s.nowMillis, on: db)
            try await AuditStore.append(
                s.record(actor, "grant.apply", target: "grant_application", id: application.id, level: cap.code), on: db)
            return application
        }
    }

    /// The applications a unit made or received.
    public func applications(_ actor: Actor, unitID: String) async throws -> [GrantApplication] {
        try await services.database.read { db in
            try await requireManageable(actor, unitID: unitID, on: db)
            return try await FilingStore.applications(involving: unitID, on: db)
        }
    }

    /// R-AU-2 / R-AU-3: the grantor decides an application: a grant (checked and filed like any other, DM 10) or a
    /// refusal with its reason.
    public func decideApplication(_ actor: Actor, applicationID: String, approve: Bool, note: String) async throws -> GrantApplication {
        let day = today
        return try await services.attempt(actor, "grant_application.decideApplication", target: "grant_application", id: applicationID) { db in
            guard var application = try await FilingStore.application(id: applicationID, on: db) else { throw Refusal.notFound }
            try requireActingFor(actor, unitID: application.grantorUnitID)
            guard application.status == .pending else {
                throw ClassificationError.wrongStatus(current: application.status.chinese, operation: "决定授权申请")
            }
            var grantID: String?
            if approve {
                let grant = try await decideGrant(
                    actor, grantorUnitID: application.grantorUnitID,
                    grant: Grant(
                        id: "", grantorUnitID: application.grantorUnitID, granteeUnitID: application.applicantUnitID, cap: application.cap,
                        matterScope: application.matterScope, validFrom: application.validFrom, validUntil: application.validUntil),
                    basis: application.basis, reasons: application.reasons, on: db)
                grantID = grant.id
            } else if note.isBlank {
                throw ClassificationError.reasonRequired(field: "note")
            }
            application.status = approve ? .granted : .refused
            application.decisionNote = note
            application.grantID = grantID
            try await FilingStore.decide(id: applicationID, status: application.status, note: note, grantID: grantID, on: day, on: db)
            try await AuditStore.append(
                services.record(actor, "grant.application_\(application.status.rawValue)", target: "grant_application", id: applicationID), on: db
            )
            return application
        }
    }

    /// R-AU-6: a unit's catalogue revisions, newest first.
    public func catalogueRevisions(_ actor: Actor, unitID: String) async throws -> [CatalogueRevision] {
        try await services.database.read { db in
            try await requireManageable(actor, unitID: unitID, on: db)
            return try await FilingStore.revisions(unitID: unitID, on: db)
        }
    }

}
