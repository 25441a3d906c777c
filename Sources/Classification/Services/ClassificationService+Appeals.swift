import Accounts
import Audit
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 定密监管 after the fact: objection appeals to the administration (R-CL-7) and a superior's correction (R-CL-8).
extension ClassificationService {
    // MARK: objection appeals (R-CL-7)

    /// R-CL-7: an objection left unanswered or still disputed goes to the administration its route names (national for
    /// 绝密 and central organs' items, provincial otherwise); that administration's staff join the scope to decide it,
    /// and the matter stays protected at the highest level claimed until they do.
    public func appealObjection(_ actor: Actor, objectionID: String) async throws {
        let me = try person(actor)
        let s = services
        let day = today
        try await s.attempt(actor, "objection.appealObjection", target: "objection", id: objectionID) { db in
            guard
                let level = try await ClassificationStore.appealLevel(objectionID: objectionID, on: db),
                let (secretID, state) = try await objectionState(objectionID, on: db)
            else { throw Refusal.notFound }
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.appeal, me, actor, on: secret, objection: state, on: db)
            let status = state.status
            let adminID = try ClassificationChecks.administration(
                try await administration(at: level, above: secret.unitID, on: db), level: level, rule: "R-CL-7")
            try await ClassificationStore.appeal(objectionID: objectionID, to: adminID, on: day, on: db)
            var next = secret
            for person in try await OrganisationReads.persons(unitIDs: [adminID], on: db) { next.scope.insert(person.id) }
            try await persist(
                actor, next, before: secret, kind: "objection_appeal",
                summary: "异议\(status == "pending" ? "未获答复" : "仍有争议")，申请\(level.chinese)保密行政管理部门确定；确定前按所主张的最高密级保护", reason: "异议申请确定",
                on: db)
            try await applyProtection(secretID: secret.id, level: secret.level, on: db)
        }
    }

    /// R-CL-7: the administration decides an appealed objection; protection falls back to the secret's own level.
    public func decideAppeal(_ actor: Actor, objectionID: String, decision: String) async throws {
        let s = services
        let day = today
        try await s.attempt(actor, "objection.decideAppeal", target: "objection", id: objectionID) { db in
            let me = try person(actor)
            guard let (secretID, state) = try await objectionState(objectionID, on: db),
                let secret = try await visibleSecret(actor, secretID, on: db)
            else { throw Refusal.notFound }
            try await authorize(.decideAppeal, me, actor, on: secret, objection: state, on: db)
            guard !decision.isBlank else { throw ClassificationError.reasonRequired(field: "decision") }
            try await ClassificationStore.decide(objectionID: objectionID, decision: "保密行政管理部门确定：" + decision, by: me.id, on: day, on: db)
            try await applyProtection(secretID: secret.id, level: secret.level, on: db)
            try await ClassificationStore.event(
                secret.id, at: s.nowMillis, actor: actor.displayName, kind: "objection_decided", summary: "保密行政管理部门确定异议：\(decision)",
                marking: secret.marking.render(), on: db)
            try await AuditStore.append(
                s.record(actor, "secret.appeal_decided", target: ClassificationStore.recordKind, id: secret.id, level: secret.level.code),
                on: db)
        }
    }

    // MARK: superior correction (R-CL-8)

    /// R-CL-8: a superior unit (an officer in office there, or staff of an administration above) that finds a
    /// subordinate's classification wrong corrects it directly: a new level/period beside the old marking, or the
    /// classification revoked. The unit is flagged to look again; derived secrets follow (R-DU-6). A unit corrects its
    /// own errors through change and declassification instead.
    public func correct(_ actor: Actor, secretID: String, level: Level?, period: SecrecyPeriod?, revoke: Bool, reason: String) async throws
        -> SecretMatter
    {
        let me = try person(actor)
        let day = today
        try level?.checkWithin(system: services.systemLevel, field: "marking")
        return try await services.attempt(actor, "secret.correct", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.correct, me, actor, on: secret, on: db)
            guard let actingUnit = try await OrganisationReads.unit(id: me.unitID, on: db) else { throw Refusal.notFound }
            var next: SecretMatter
            if revoke {
                next = try Declassification.declassify(secret, kind: .corrected, on: day, reason: reason).secret
                next.needsReview = true
            } else {
                next = try Responsibility.correct(secret, level: level, period: period, reason: reason, on: day)
            }
            try await persist(
                actor, next, before: secret, kind: "correct",
                summary: "\(actingUnit.name)纠正：" + (revoke ? "撤销定密" : next.marking.render()) + "（\(reason)）；请本单位复核并相应更改标志、通知知悉范围",
                reason: "上级纠正", on: db)
            for child in Declassification.descendants(of: secretID, edges: try await ClassificationStore.derivationEdges(below: secretID, on: db)) {
                try await ClassificationStore.flagForReview(id: child, on: db)
            }
            if revoke { try await declassifyDescendants(of: [secretID], actor: actor, on: today, db) }
            return next
        }
    }

    /// R-DU-6 / R-CL-8: an officer of the unit marks a flagged secret as looked at again.
    public func clearReviewFlag(_ actor: Actor, secretID: String, note: String) async throws {
        let me = try person(actor)
        try await services.attempt(actor, "secret.clearReviewFlag", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.recheck, me, actor, on: secret, on: db)
            guard !note.isBlank else { throw ClassificationError.reasonRequired(field: "note") }
            var next = secret
            next.needsReview = false
            try await persist(actor, next, before: secret, kind: "rechecked", summary: "定密责任人复核：\(note)", reason: "复核", on: db)
        }
    }

}
