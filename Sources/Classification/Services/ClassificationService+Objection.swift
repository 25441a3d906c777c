import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// An objection as stored.
public struct ObjectionRecord: Sendable, Hashable {
    /// The objection's record id.
    public var id: String
    /// Who objected to which secret, claiming what level or period, and why.
    public var objection: Objection
    /// `pending` (with the originating unit), `appealed` (with an administration) or `decided`.
    public var status: String
    /// The administration level an appeal goes to (R-CL-7): national for 绝密 and central organs' items, provincial otherwise.
    public var appealLevel: AdministrationLevel
    /// The decision's text; nil until decided.
    public var decision: String?
}

extension ClassificationService {
    /// R-CL-7: a reader objects to a classification. It goes to the originating unit; the appeal route (national for
    /// 绝密 and central organs' items, provincial otherwise) is recorded. Until decided the matter is protected at the
    /// highest level claimed: the stored protection rank used by every read rises accordingly.
    public func raiseObjection(_ actor: Actor, secretID: String, claimedLevel: Level?, claimedPeriod: SecrecyPeriod?, reason: String) async throws
        -> ObjectionRecord
    {
        let me = try person(actor)
        let s = services
        try claimedLevel?.checkWithin(system: s.systemLevel, field: "marking")
        let day = today
        return try await s.attempt(actor, "secret.raiseObjection", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.object, me, actor, on: secret, on: db)
            let objection = Objection(secretID: secretID, raisedBy: me.id, claimedLevel: claimedLevel, claimedPeriod: claimedPeriod, reason: reason)
            try Objections.check(objection, against: secret)
            guard let unit = try await OrganisationReads.unit(id: secret.unitID, on: db) else { throw Refusal.notFound }
            let route = Objections.appealRoute(level: max(secret.level, claimedLevel ?? secret.level), originatorKind: unit.kind)
            let id = IDs.make()
            try await ClassificationStore.insert(objection, id: id, appealLevel: route, raisedOn: day, at: s.nowMillis, on: db)
            try await applyProtection(secretID: secretID, level: secret.level, on: db)
            try await ClassificationStore.event(
                secretID, at: s.nowMillis, actor: actor.displayName, kind: "objection",
                summary: "提出异议：\(claimedLevel.map { "主张\($0.chinese)" } ?? "")\(claimedPeriod.map { "，期限\($0.rendered)" } ?? "")（\(reason)）；争议未决前按所主张的最高密级保护",
                marking: secret.marking.render(), on: db)
            try await AuditStore.append(
                s.record(actor, "secret.objection", target: ClassificationStore.recordKind, id: secretID, level: secret.level.code), on: db)
            return ObjectionRecord(id: id, objection: objection, status: "pending", appealLevel: route, decision: nil)
        }
    }

    /// R-CL-7: the originating unit's officer decides; the protection falls back to the secret's own level.
    public func decideObjection(_ actor: Actor, objectionID: String, decision: String) async throws {
        let me = try person(actor)
        let s = services
        let day = today
        try await s.attempt(actor, "objection.decideObjection", target: "objection", id: objectionID) { db in
            guard let (secretID, state) = try await objectionState(objectionID, on: db) else { throw Refusal.notFound }
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.answer, me, actor, on: secret, objection: state, on: db)
            guard !decision.isBlank else { throw ClassificationError.reasonRequired(field: "decision") }
            try await ClassificationStore.decide(objectionID: objectionID, decision: decision, by: me.id, on: day, on: db)
            try await applyProtection(secretID: secretID, level: secret.level, on: db)
            try await ClassificationStore.event(
                secretID, at: s.nowMillis, actor: actor.displayName, kind: "objection_decided", summary: "答复异议：\(decision)", marking: secret.marking.render(),
                on: db)
            try await AuditStore.append(
                s.record(actor, "secret.objection_decided", target: ClassificationStore.recordKind, id: secretID, level: secret.level.code),
                on: db)
        }
    }

    /// R-CL-7: sets the stored protection rank (what access control filters on) to the highest of the secret's level and
    /// every pending claim.
    func applyProtection(secretID: String, level: Level, on db: any SQLDatabase) async throws {
        let claims = try await ClassificationStore.undecidedClaims(secretID: secretID, on: db)
        let protection = Objections.protectionLevel(
            current: level, pending: claims.map { Objection(secretID: secretID, raisedBy: "", claimedLevel: $0, claimedPeriod: nil, reason: "") })
        try await ClassificationStore.setProtection(secretID: secretID, level: protection, on: db)
    }
}
