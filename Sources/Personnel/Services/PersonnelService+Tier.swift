import Accounts
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

extension PersonnelService {
    /// R-PE-1 / R-SY-1 / R-PE-10: sets a person's clearance tier (安全保密管理员) — within the tier of the 涉密岗位 the
    /// person serves in; a tier for a person with no post is refused (非涉密 always allowed). The tier the access checks
    /// read is the organisation's (`OrganisationWrites.setTier`); the personnel register keeps the same tier, and its
    /// 涉密人员名单 is to be filed again (R-PE-3). A serving person's tier changed opens a 变动复审 (R-PE-10).
    public func setTier(_ actor: Actor, personID: String, tier: ClearanceTier) async throws {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.assignClearance, roles: actor.roles) }
        try await s.attempt(actor, "person.tier", target: "person", id: personID) { db in
            guard let person = try await OrganisationReads.person(id: personID, on: db) else { throw Refusal.notFound }
            let standing = try await PersonnelStore.standing(personID: personID, on: db)
            try PersonnelRules.checkTier(tier, post: standing.post, status: standing.record?.status)
            try await OrganisationWrites.setTier(personID: personID, tier: tier, at: s.nowMillis, on: db)
            if standing.post != nil {
                /// R-PE-10: a serving person's tier changed opens a 变动复审.
                let review = PersonnelRules.tierChangeReview(standing.record, tier: tier, today: s.clock.today)
                try await PersonnelStore.setTier(personID: personID, tier: tier, changeReview: review, at: s.nowMillis, on: db)
                try await PersonnelStore.rosterChanged(unitID: person.unitID, at: s.nowMillis, on: db)
            }
            try await AuditStore.append(
                s.record(actor, "person.tier", target: "person", id: personID, before: person.tier.rawValue, after: tier.rawValue), on: db)
        }
    }
}
