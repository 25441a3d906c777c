import Accounts
import Audit
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

extension ClassificationService {
    /// The units whose authority register the actor keeps: their own unit, and for administration staff the subtree.
    func manageableUnits(_ actor: Actor, on db: any SQLDatabase) async throws -> Set<String> {
        if actor.isSystem { return Set(try await OrganisationReads.units(on: db).map(\.id)) }
        let me = try person(actor)
        if actor.roles.contains(.administrationStaff) { return Set(try await OrganisationReads.subtree(of: me.unitID, on: db)) }
        guard !actor.roles.isDisjoint(with: [.leader, .secrecyOffice]) else { return [] }
        return [me.unitID]
    }

    /// R-AU-5: the actor acts in the unit's own name (not an administration over a subordinate unit).
    func requireActingFor(_ actor: Actor, unitID: String) throws {
        if actor.isSystem { return }
        try UnitActing.check(actorUnitID: try person(actor).unitID, roles: actor.roles, unitID: unitID)
    }

    func requireManageable(_ actor: Actor, unitID: String, on db: any SQLDatabase) async throws {
        guard try await manageableUnits(actor, on: db).contains(unitID) else {
            throw Refusal(code: "classification.not_your_unit", message: "只能管理本单位（保密行政管理部门：所辖单位）的定密事务", kind: .forbidden)
        }
    }

    /// R-AU-1: records a unit's own 定密权 (by its administration, or the command line).
    public func setOwnAuthority(_ actor: Actor, unitID: String, cap: Level?, basis: String) async throws {
        let s = services
        try await s.attempt(actor, "unit.setOwnAuthority", target: "unit", id: unitID) { db in
            try await requireManageable(actor, unitID: unitID, on: db)
            let before = try await AuthorityStore.ownCap(unitID: unitID, on: db)
            try await AuthorityStore.setOwnCap(unitID: unitID, cap: cap, basis: basis, at: s.nowMillis, on: db)
            try await AuditStore.append(
                s.record(actor, "authority.own", target: "unit", id: unitID, before: before?.code, after: cap?.code), on: db)
        }
    }

    /// R-AU-2 / R-AU-3: the grantor unit decides a grant; it is filed with the administration the rule names.
    public func decideGrant(_ actor: Actor, grantorUnitID: String, grant input: Grant, basis: String, reasons: String) async throws -> Grant {
        try await services.attempt(actor, "unit.decideGrant", target: "unit", id: grantorUnitID) { db in
            try await decideGrant(actor, grantorUnitID: grantorUnitID, grant: input, basis: basis, reasons: reasons, on: db)
        }
    }

    /// R-AU-2 / R-AU-3 inside a transaction (also used when deciding an application).
    func decideGrant(_ actor: Actor, grantorUnitID: String, grant input: Grant, basis: String, reasons: String, on db: any SQLDatabase) async throws
        -> Grant
    {
        let s = services
        let day = today
        try requireActingFor(actor, unitID: grantorUnitID)
        guard let grantor = try await OrganisationReads.unit(id: grantorUnitID, on: db) else { throw Refusal.notFound }
        guard let grantee = try await OrganisationReads.unit(id: input.granteeUnitID, on: db) else {
            throw Refusal.invalid("grantee_unit_id", "被授权单位不存在")
        }
        var grant = input
        grant.id = IDs.make()
        grant.grantorUnitID = grantorUnitID
        let ownCap = try await AuthorityStore.ownCap(unitID: grantorUnitID, on: db)
        let granted = try await AuthorityStore.grants(involving: [grantorUnitID], on: db).filter {
            $0.granteeUnitID == grantorUnitID && $0.isInForce(on: day)
        }
        try AuthorityRules.checkGrant(
            grantorKind: grantor.kind, grantorOwnCap: ownCap, grantorHoldsOnlyGrantedAuthority: ownCap == nil && !granted.isEmpty, grant: grant)
        if basis.isBlank { throw ClassificationError.grantIncomplete(field: "basis", what: "授权依据") }
        let filedWith = try await administration(at: AuthorityRules.grantFilingLevel(grantorKind: grantor.kind), above: grantorUnitID, on: db)
        try await AuthorityStore.insert(grant, basis: basis, reasons: reasons, decidedOn: day, filedWith: filedWith, at: s.nowMillis, on: db)
        try await AuditStore.append(s.record(actor, "grant.decide", target: "grant", id: grant.id, level: grant.cap.code, after: grant), on: db)
        let content = """
            授权机关：\(grantor.name)
            被授权机关、单位：\(grantee.name)
            授权的定密权限：\(grant.cap.chinese)
            授权事项范围：\(grant.matterScope)
            授权期限：\(grant.validFrom.chinese)至\(grant.validUntil.chinese)
            授权依据：\(basis)
            """
        try await fileGrantEvent(
            actor, grant: grant, grantor: grantor, grantee: grantee, filedWith: filedWith, kinds: (.grant, .granteeGrant),
            summary: "\(grantor.name)授予\(grantee.name)\(grant.cap.chinese)定密权（\(grant.matterScope)）", content: content, on: db)
        return grant
    }

    /// R-AU-3: a grant or revocation is filed twice: by the grantor with the administration its kind names, and by the
    /// grantee with its same-level administration (the nearest one above it).
    func fileGrantEvent(
        _ actor: Actor, grant: Grant, grantor: OrgUnit, grantee: OrgUnit, filedWith: String?, kinds: (grantor: FilingKind, grantee: FilingKind),
        summary: String, content: String, on db: any SQLDatabase
    ) async throws {
        if let filedWith {
            try await file(
                actor, kind: kinds.grantor, unitID: grantor.id, subjectID: grant.id, filedWith: filedWith, summary: summary, content: content, on: db)
        }
        if let same = try await nearestAdministration(above: grantee.id, on: db) {
            try await file(actor, kind: kinds.grantee, unitID: grantee.id, subjectID: grant.id, filedWith: same, summary: summary, content: content, on: db)
        }
    }

    /// R-AU-3: the grantee's same-level administration — the nearest administration above the unit in the tree.
    func nearestAdministration(above unitID: String, on db: any SQLDatabase) async throws -> String? {
        try await firstUnit(from: try await OrganisationReads.unit(id: unitID, on: db)?.parentID, on: db) { $0.kind.isAdministration }
    }

    /// R-AU-3: the administration of `level` on the way up the tree from `unitID` (where the filing goes).
    func administration(at level: AdministrationLevel?, above unitID: String, on db: any SQLDatabase) async throws -> String? {
        guard let level else { return nil }
        return try await firstUnit(from: unitID, on: db) { $0.kind == .administration(level) }
    }

    /// The first unit, walking up the tree from `unitID` (itself included), that passes `test`.
    private func firstUnit(from unitID: String?, on db: any SQLDatabase, where test: (OrgUnit) -> Bool) async throws -> String? {
        var current = unitID
        while let id = current, let unit = try await OrganisationReads.unit(id: id, on: db) {
            if test(unit) { return unit.id }
            current = unit.parentID
        }
        return nil
    }

    /// R-AU-4: revokes a grant; from that day it authorises nothing.
    public func revokeGrant(_ actor: Actor, grantID: String, reason: String) async throws {
        let s = services
        let day = today
        try await s.attempt(actor, "grant.revokeGrant", target: "grant", id: grantID) { db in
            guard let grant = try await AuthorityStore.grant(id: grantID, on: db) else { throw Refusal.notFound }
            try requireActingFor(actor, unitID: grant.grantorUnitID)
            guard !reason.isBlank else { throw ClassificationError.reasonRequired(field: "reason") }
            guard grant.revokedOn == nil else { throw ClassificationError.wrongStatus(current: "已撤销", operation: "撤销授权") }
            try await AuthorityStore.revoke(id: grantID, on: day, reason: reason, on: db)
            try await AuditStore.append(s.record(actor, "grant.revoke", target: "grant", id: grantID, level: grant.cap.code), on: db)
            guard let grantor = try await OrganisationReads.unit(id: grant.grantorUnitID, on: db),
                let grantee = try await OrganisationReads.unit(id: grant.granteeUnitID, on: db)
            else { throw Refusal.notFound }
            let filedWith = try await administration(at: AuthorityRules.grantFilingLevel(grantorKind: grantor.kind), above: grantor.id, on: db)
            try await fileGrantEvent(
                actor, grant: grant, grantor: grantor, grantee: grantee, filedWith: filedWith, kinds: (.revocation, .granteeRevocation),
                summary: "\(grantor.name)撤销对\(grantee.name)的\(grant.cap.chinese)定密授权",
                content: "授权机关：\(grantor.name)\n被授权机关、单位：\(grantee.name)\n原授权：\(grant.cap.chinese)（\(grant.matterScope)）\n撤销日期：\(day.chinese)\n撤销理由：\(reason)",
                on: db)
        }
    }

    /// R-AU-5 / R-TR-3: appoints a 定密责任人 with a cap not above the unit's. The training date is the training
    /// register's — the latest 定密培训 passed, in the unit or outside — and nothing else: an officer without one is
    /// appointed untrained and decides nothing until a class or course is recorded, which moves the date on.
    public func appointOfficer(_ actor: Actor, unitID: String, personID: String, kind: Officer.Kind, cap: Level) async throws -> Officer {
        let s = services
        let day = today
        return try await s.attempt(actor, "unit.appointOfficer", target: "unit", id: unitID) { db in
            try requireActingFor(actor, unitID: unitID)
            guard let person = try await OrganisationReads.person(id: personID, on: db), person.unitID == unitID else {
                throw Refusal.invalid("person_id", "所选人员不属于该单位")
            }
            let unitCap = AuthorityRules.unitCap(
                ownCap: try await AuthorityStore.ownCap(unitID: unitID, on: db), grants: try await AuthorityStore.grants(involving: [unitID], on: db),
                unitID: unitID, on: day)
            let inOffice = try await AuthorityStore.officers(personID: personID, on: db).contains { $0.unitID == unitID && $0.isInOffice(on: day) }
            try OfficerRules.checkAppointment(cap: cap, unitCap: unitCap, personTier: person.tier, alreadyInOffice: inOffice)
            /// R-TR-3: the training register supplies the date.
            let trained = try await s.lastPassed(.classification, personID: personID, on: db)
            let officer = Officer(id: IDs.make(), unitID: unitID, personID: personID, kind: kind, cap: cap, appointedOn: day, trainedOn: trained)
            try await AuthorityStore.save(officer, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "officer.appoint", target: "officer", id: officer.id, level: cap.code, after: officer), on: db)
            return officer
        }
    }

    /// R-AU-5: replaces an officer with one of the DM 17 reasons.
    public func removeOfficer(_ actor: Actor, officerID: String, reason: RemovalReason?) async throws {
        let s = services
        let day = today
        try await s.attempt(actor, "officer.removeOfficer", target: "officer", id: officerID) { db in
            guard let officer = try await AuthorityStore.officers(unitID: try await officerUnit(officerID, on: db), on: db).first(where: { $0.id == officerID })
            else { throw Refusal.notFound }
            try requireActingFor(actor, unitID: officer.unitID)
            let removed = try OfficerRules.remove(officer, on: day, reason: reason)
            try await AuthorityStore.save(removed, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "officer.remove", target: "officer", id: officerID, before: officer, after: removed), on: db)
        }
    }

    func officerUnit(_ officerID: String, on db: any SQLDatabase) async throws -> String {
        guard let unitID = try await AuthorityStore.officerUnit(id: officerID, on: db) else { throw Refusal.notFound }
        return unitID
    }

    /// R-AU-6: adds or revises a catalogue item; every revision is kept with its reason.
    public func saveCatalogueItem(_ actor: Actor, _ input: CatalogueItem, reason: String = "") async throws -> CatalogueItem {
        let s = services
        let day = today
        return try await s.attempt(actor, "unit.saveCatalogueItem", target: "unit", id: input.unitID) { db in
            try requireActingFor(actor, unitID: input.unitID)
            // An item is revised by its id, or by its code within the unit (the form's "添加或修订").
            let existing =
                input.id.isEmpty
                ? try await AuthorityStore.catalogue(unitID: input.unitID, on: db).first { $0.code == input.code && !input.code.isEmpty }
                : try await AuthorityStore.item(id: input.id, on: db)
            var item = input
            if let existing {
                guard existing.unitID == input.unitID else { throw Refusal.notFound }
                try ClassificationChecks.revisionReason(reason)
                item = try CatalogueRules.revise(existing, with: input)
            } else {
                item.id = IDs.make()
                item.revision = 1
                try CatalogueRules.validate(item)
            }
            try await AuthorityStore.save(item, at: s.nowMillis, on: db)
            try await FilingStore.insert(
                CatalogueRevision(
                    itemID: item.id, revision: item.revision, content: Self.catalogueLine(item), reason: existing == nil ? "新增" : reason,
                    changedBy: actor.displayName, changedOn: day), unitID: item.unitID, at: s.nowMillis, on: db)
            try await AuditStore.append(
                s.record(
                    actor, existing == nil ? "catalogue.add" : "catalogue.revise", target: "catalogue_item", id: item.id, level: item.level.code,
                    before: existing, after: item), on: db)
            return item
        }
    }

    /// One catalogue item as one line (revision history, filings and printouts).
    static func catalogueLine(_ i: CatalogueItem) -> String {
        "\(i.code)｜\(i.name)｜\(i.marking.render())｜知悉范围：\(i.scope)｜产生层级：\(i.productionLevel)｜依据：\(i.sourceDocument)"
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
