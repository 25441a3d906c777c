import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// A member of a secret's knowledge scope, as the 知悉人员登记 shows it (R-KS-2).
public struct ScopeMember: Sendable, Hashable {
    /// The person's id.
    public var personID: String
    /// The person's name (姓名).
    public var name: String
    /// The id of the person's unit.
    public var unitID: String
    /// When the person was added, in milliseconds since 1970.
    public var addedAt: Int64
    /// Why the person was added: `拟定时确定` at drafting, or the widening's reason.
    public var reason: String
}

extension ClassificationService {
    /// R-KS-3: widens the scope. A person of the originating unit needs its head's approval (the acting 单位领导 gives it);
    /// anyone else needs the originator's written consent (its reference is recorded). R-KS-4: a person whose clearance
    /// does not cover the level cannot be added. Every widening is recorded in detail.
    public func widenScope(_ actor: Actor, secretID: String, personID: String, reason: String, consentReference: String?) async throws -> SecretMatter {
        let me = try person(actor)
        let s = services
        let day = today
        return try await s.attempt(actor, "secret.widenScope", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.widen, me, actor, on: secret, on: db)
            guard let target = try await OrganisationReads.person(id: personID, on: db) else { throw Refusal.invalid("person_id", "所选人员不存在") }
            try ClassificationChecks.clearance(of: target.name, tier: target.tier, covers: secret.level)
            let approval: WideningApproval? =
                if let reference = consentReference?.trimmingSpaces, !reference.isEmpty {
                    .originatorConsent(reference: reference)
                } else if actor.roles.contains(.leader) && me.unitID == secret.unitID {
                    .headApproval(approverPersonID: me.id)
                } else {
                    nil
                }
            let (next, record) = try KnowledgeScope.widen(
                secret, personID: personID, personUnitID: target.unitID, scopeUnitIDs: [], approval: approval, reason: reason, on: day)
            let (kind, approver, reference): (String, String?, String?) =
                switch record.approval {
                case .headApproval(let approver): ("head_approval", approver, nil)
                case .originatorConsent(let reference): ("originator_consent", nil, reference)
                }
            try await ClassificationStore.recordWidening(
                secretID: secretID, personID: personID, approvalKind: kind, approverPersonID: approver, consentReference: reference, reason: reason, on: day,
                recordedBy: actor.userID, at: s.nowMillis, on: db)
            let how = kind == "head_approval" ? "经单位负责人批准" : "经原定密单位同意（\(reference ?? "")）"
            try await persist(
                actor, next, before: secret, kind: "widen", summary: "扩大知悉范围：\(target.name)，\(how)，理由：\(reason)", reason: "扩大知悉范围：\(reason)", on: db)
            return next
        }
    }
}
