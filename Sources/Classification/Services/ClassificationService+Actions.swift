import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// What the viewer may do on a secret's page now: the actions on the secret, and on each of its objections.
public struct SecretActionOffer: Sendable, Hashable {
    /// The actions on the secret as a whole, in page order.
    public var onSecret: [SecretAction]
    /// The actions on each objection, by objection ID.
    public var onObjections: [String: [SecretAction]]
}

extension ClassificationService {
    /// Loads what `SecretActions` needs to know about the acting person, for one secret, in the caller's transaction.
    func viewer(_ me: Person, _ actor: Actor, for secret: SecretMatter, on db: any SQLDatabase) async throws -> SecretViewer {
        let day = today
        let appointments = try await AuthorityStore.officers(personID: me.id, on: db).filter { $0.isInOffice(on: day) }
        let decidingUnit = secret.status == .referredUp ? me.unitID : secret.unitID
        var allowance = PeriodAllowance.standard
        if case .catalogue(let id) = secret.basis, let item = try await AuthorityStore.item(id: id, on: db) { allowance = item.allowance }
        return SecretViewer(
            personID: me.id, unitID: me.unitID, roles: actor.roles,
            officerOf: Dictionary(appointments.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first }),
            subordinateUnits: Set(try await OrganisationReads.subtree(of: me.unitID, on: db)).subtracting([me.unitID]),
            atAdministration: try await OrganisationReads.unit(id: me.unitID, on: db)?.kind.isAdministration == true,
            decidingUnitCap: try await AuthorityStore.ownCap(unitID: decidingUnit, on: db),
            decidingUnitGrants: try await AuthorityStore.grants(involving: [decidingUnit], on: db), allowance: allowance)
    }

    /// Enforces one action of the secret's page: the same decision the page used to offer it (`SecretActions`).
    func authorize(_ action: SecretAction, _ me: Person, _ actor: Actor, on secret: SecretMatter, objection: ObjectionState? = nil, on db: any SQLDatabase)
        async throws
    {
        try SecretActions.check(action, on: secret, by: try await viewer(me, actor, for: secret, on: db), objection: objection, today: today)
    }

    /// The state of one objection, with its secret's ID; nil when there is no such objection.
    func objectionState(_ objectionID: String, on db: any SQLDatabase) async throws -> (secretID: String, state: ObjectionState)? {
        try await ClassificationStore.objectionState(id: objectionID, on: db)
    }

    /// The actions `me` may take on `secret` (which they may read) and on each of its objections.
    func offer(on secret: SecretMatter, to me: Person, _ actor: Actor, today day: Day, on db: any SQLDatabase) async throws -> SecretActionOffer {
        let viewer = try await viewer(me, actor, for: secret, on: db)
        var onObjections: [String: [SecretAction]] = [:]
        for (id, state) in try await ClassificationStore.objectionStates(secretID: secret.id, on: db) {
            onObjections[id] = SecretActions.allowed(on: state, of: secret, by: viewer, today: day)
        }
        return SecretActionOffer(onSecret: SecretActions.allowed(on: secret, by: viewer, today: day), onObjections: onObjections)
    }
}

extension ClassificationService {
    /// Throws what the operation would answer if `actor` took `action` now — for the action's form page, which
    /// shows only what may be done (a hidden secret or objection is `notFound`, R-KS-4).
    public func checkAction(_ actor: Actor, _ action: SecretAction, secretID: String, objectionID: String? = nil) async throws {
        let me = try person(actor)
        try await services.database.transaction { db in
            var objection: ObjectionState?
            if action.isOnObjection {
                guard let objectionID, let (ofSecret, state) = try await objectionState(objectionID, on: db), ofSecret == secretID else {
                    throw Refusal.notFound
                }
                objection = state
            }
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(action, me, actor, on: secret, objection: objection, on: db)
        }
    }
}
