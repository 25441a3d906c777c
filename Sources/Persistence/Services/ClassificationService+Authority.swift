import Accounts
import Audit
import Classification
import Foundation
import Kernel
import SQLKit

extension ClassificationService {
    /// The units whose authority register the actor keeps: their own unit, and for administration staff the subtree.
    func manageableUnits(_ actor: Actor, on db: any SQLDatabase) async throws -> Set<String> {
        if actor.isSystem { return Set(try await OrganisationStore.units(on: db).map(\.id)) }
        let me = try person(actor)
        if actor.roles.contains(.administrationStaff) { return Set(try await OrganisationStore.subtree(of: me.unitID, on: db)) }
        guard !actor.roles.isDisjoint(with: [.leader, .secrecyOffice]) else { return [] }
        return [me.unitID]
    }

    func requireManageable(_ actor: Actor, unitID: String, on db: any SQLDatabase) async throws {
        guard try await manageableUnits(actor, on: db).contains(unitID) else {
            throw Refusal(code: "classification.not_your_unit", message: "只能管理本单位（保密行政管理部门：所辖单位）的定密事务", kind: .forbidden)
        }
    }

    /// R-AU-1: records a unit's own 定密权 (by its administration, or the command line).
    public func setOwnAuthority(_ actor: Actor, unitID: String, cap: Level?, basis: String) async throws {
        let s = services
        try await s.database.transaction { db in
            try await requireManageable(actor, unitID: unitID, on: db)
            let before = try await AuthorityStore.ownCap(unitID: unitID, on: db)
            try await AuthorityStore.setOwnCap(unitID: unitID, cap: cap, basis: basis, at: s.nowMillis, on: db)
            try await AuditStore.append(
                s.record(actor, "authority.own", target: "unit", id: unitID, before: before?.code, after: cap?.code, detail: basis), on: db)
        }
    }

    /// R-AU-2 / R-AU-3: the grantor unit decides a grant; it is filed with the administration the rule names.
    public func decideGrant(_ actor: Actor, grantorUnitID: String, grant input: Grant, basis: String, reasons: String) async throws -> Grant {
        let s = services
        let day = today
        return try await s.database.transaction { db in
            try await requireManageable(actor, unitID: grantorUnitID, on: db)
            guard let grantor = try await OrganisationStore.unit(id: grantorUnitID, on: db) else { throw Refusal.notFound }
            guard try await OrganisationStore.unit(id: input.granteeUnitID, on: db) != nil else { throw Refusal.invalid("grantee_unit_id", "被授权单位不存在") }
            var grant = input
            grant.id = IDs.make()
            grant.grantorUnitID = grantorUnitID
            let ownCap = try await AuthorityStore.ownCap(unitID: grantorUnitID, on: db)
            let granted = try await AuthorityStore.grants(involving: [grantorUnitID], on: db).filter {
                $0.granteeUnitID == grantorUnitID && $0.isInForce(on: day)
            }
            try AuthorityRules.checkGrant(
                grantorKind: grantor.kind, grantorOwnCap: ownCap, grantorHoldsOnlyGrantedAuthority: ownCap == nil && !granted.isEmpty, grant: grant)
            if basis.trimmingCharacters(in: .whitespaces).isEmpty { throw ClassificationError.grantIncomplete(field: "basis", what: "授权依据") }
            let filedWith = try await administration(at: AuthorityRules.grantFilingLevel(grantorKind: grantor.kind), above: grantorUnitID, on: db)
            try await AuthorityStore.insert(grant, basis: basis, reasons: reasons, decidedOn: day, filedWith: filedWith, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "grant.decide", target: "grant", id: grant.id, level: grant.cap.code, after: grant), on: db)
            return grant
        }
    }

    /// R-AU-3: the administration of `level` on the way up the tree from `unitID` (where the filing goes).
    func administration(at level: AdministrationLevel?, above unitID: String, on db: any SQLDatabase) async throws -> String? {
        guard let level else { return nil }
        var current = try await OrganisationStore.unit(id: unitID, on: db)
        while let unit = current {
            if unit.kind == .administration(level) { return unit.id }
            guard let parent = unit.parentID else { return nil }
            current = try await OrganisationStore.unit(id: parent, on: db)
        }
        return nil
    }

    /// R-AU-4: revokes a grant; from that day it authorises nothing.
    public func revokeGrant(_ actor: Actor, grantID: String, reason: String) async throws {
        let s = services
        let day = today
        try await s.database.transaction { db in
            guard let grant = try await AuthorityStore.grant(id: grantID, on: db) else { throw Refusal.notFound }
            try await requireManageable(actor, unitID: grant.grantorUnitID, on: db)
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ClassificationError.reasonRequired(field: "reason") }
            try await AuthorityStore.revoke(id: grantID, on: day, reason: reason, on: db)
            try await AuditStore.append(s.record(actor, "grant.revoke", target: "grant", id: grantID, level: grant.cap.code, detail: reason), on: db)
        }
    }

    /// R-AU-5: appoints a 定密责任人 with a cap not above the unit's.
    public func appointOfficer(_ actor: Actor, unitID: String, personID: String, kind: Officer.Kind, cap: Level, trainedOn: Day?) async throws -> Officer {
        let s = services
        let day = today
        return try await s.database.transaction { db in
            try await requireManageable(actor, unitID: unitID, on: db)
            guard let person = try await OrganisationStore.person(id: personID, on: db), person.unitID == unitID else {
                throw Refusal.invalid("person_id", "所选人员不属于该单位")
            }
            let unitCap = AuthorityRules.unitCap(
                ownCap: try await AuthorityStore.ownCap(unitID: unitID, on: db), grants: try await AuthorityStore.grants(involving: [unitID], on: db),
                unitID: unitID, on: day)
            try OfficerRules.checkAppointment(cap: cap, unitCap: unitCap)
            let officer = Officer(id: IDs.make(), unitID: unitID, personID: personID, kind: kind, cap: cap, appointedOn: day, trainedOn: trainedOn)
            try await AuthorityStore.save(officer, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "officer.appoint", target: "officer", id: officer.id, level: cap.code, after: officer), on: db)
            return officer
        }
    }

    /// R-AU-5: replaces an officer with one of the DM 17 reasons.
    public func removeOfficer(_ actor: Actor, officerID: String, reason: RemovalReason?) async throws {
        let s = services
        let day = today
        try await s.database.transaction { db in
            guard let officer = try await AuthorityStore.officers(unitID: try await officerUnit(officerID, on: db), on: db).first(where: { $0.id == officerID })
            else { throw Refusal.notFound }
            try await requireManageable(actor, unitID: officer.unitID, on: db)
            let removed = try OfficerRules.remove(officer, on: day, reason: reason)
            try await AuthorityStore.save(removed, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "officer.remove", target: "officer", id: officerID, before: officer, after: removed), on: db)
        }
    }

    func officerUnit(_ officerID: String, on db: any SQLDatabase) async throws -> String {
        guard let row = try await db.raw("SELECT unit_id FROM officers WHERE id = \(bind: officerID)").first() else { throw Refusal.notFound }
        return try row.decode(column: "unit_id", as: String.self)
    }

    /// R-AU-6: adds or revises a catalogue item.
    public func saveCatalogueItem(_ actor: Actor, _ input: CatalogueItem) async throws -> CatalogueItem {
        let s = services
        return try await s.database.transaction { db in
            try await requireManageable(actor, unitID: input.unitID, on: db)
            let existing = input.id.isEmpty ? nil : try await AuthorityStore.item(id: input.id, on: db)
            var item = input
            if let existing {
                item = try CatalogueRules.revise(existing, with: input)
            } else {
                item.id = IDs.make()
                item.revision = 1
                try CatalogueRules.validate(item)
            }
            try await AuthorityStore.save(item, at: s.nowMillis, on: db)
            try await AuditStore.append(
                s.record(
                    actor, existing == nil ? "catalogue.add" : "catalogue.revise", target: "catalogue_item", id: item.id, level: item.level.code,
                    before: existing, after: item), on: db)
            return item
        }
    }

    /// The authority register of a unit the actor manages: own cap, grants, officers, catalogue.
    public func authorityRegister(_ actor: Actor, unitID: String) async throws -> (
        ownCap: Level?, grants: [Grant], officers: [Officer], catalogue: [CatalogueItem]
    ) {
        try await services.database.read { db in
            try await requireManageable(actor, unitID: unitID, on: db)
            return (
                try await AuthorityStore.ownCap(unitID: unitID, on: db), try await AuthorityStore.grants(involving: [unitID], on: db),
                try await AuthorityStore.officers(unitID: unitID, on: db), try await AuthorityStore.catalogue(unitID: unitID, on: db)
            )
        }
    }

    /// The catalogue of the actor's own unit (for drafting).
    public func ownCatalogue(_ actor: Actor) async throws -> [CatalogueItem] {
        let me = try person(actor)
        return try await services.database.read { db in try await AuthorityStore.catalogue(unitID: me.unitID, on: db) }
    }

    /// The officers in office of the actor's unit (for submitting drafts).
    public func ownOfficers(_ actor: Actor) async throws -> [Officer] {
        let me = try person(actor)
        let day = today
        return try await services.database.read { db in try await AuthorityStore.officers(unitID: me.unitID, on: db).filter { $0.isInOffice(on: day) } }
    }
}
