import Accounts
import Areas
import CarrierServices
import Classification
import ClassificationServices
import Foundation
import Hummingbird
import Kernel
import OrganisationServices
import Storage

extension APIController {
    struct GrantDTO: Codable {
        let id: String; let grantorUnitId: String; let granteeUnitId: String; let cap: String; let matterScope: String
        let validFrom: String; let validUntil: String; let revokedOn: String?
        init(_ g: Grant) {
            id = g.id; grantorUnitId = g.grantorUnitID; granteeUnitId = g.granteeUnitID; cap = g.cap.code; matterScope = g.matterScope
            validFrom = g.validFrom.iso; validUntil = g.validUntil.iso; revokedOn = g.revokedOn?.iso
        }
    }
    struct OfficerDTO: Codable {
        let id: String; let unitId: String; let personId: String; let kind: String; let cap: String; let appointedOn: String
        let trainedOn: String?; let removedOn: String?; let removalReason: String?
        init(_ o: Officer) {
            id = o.id; unitId = o.unitID; personId = o.personID; kind = o.kind.rawValue; cap = o.cap.code; appointedOn = o.appointedOn.iso
            trainedOn = o.trainedOn?.iso; removedOn = o.removedOn?.iso; removalReason = o.removalReason?.rawValue
        }
    }
    struct ItemDTO: Codable {
        let id: String; let unitId: String; let code: String; let name: String; let marking: String; let scope: String
        let productionLevel: String; let sourceDocument: String; let revision: Int
        init(_ i: CatalogueItem) {
            id = i.id; unitId = i.unitID; code = i.code; name = i.name; marking = i.marking.render(); scope = i.scope
            productionLevel = i.productionLevel; sourceDocument = i.sourceDocument; revision = i.revision
        }
    }
    struct AuthorityDTO: Codable { let unitId: String; let ownCap: String?; let grants: [GrantDTO]; let officers: [OfficerDTO]; let catalogue: [ItemDTO] }
    struct GrantBody: Codable {
        let granteeUnitId: String; let cap: String; let matterScope: String; let validFrom: String; let validUntil: String; let basis: String;
        let reasons: String?
    }
    struct RevokeBody: Codable { let reason: String }
    struct OfficerBody: Codable { let personId: String; let kind: String?; let cap: String }
    struct RemoveOfficerBody: Codable { let reason: String }
    struct ItemBody: Codable {
        let id: String?; let code: String; let name: String; let marking: String; let scope: String; let productionLevel: String; let sourceDocument: String
        let allowsLongTerm: Bool?; let reason: String?
    }
    struct ObjectionBody: Codable { let marking: String; let reason: String }
    struct ObjectionDTO: Codable { let id: String; let status: String; let appealLevel: String }
    struct AnswerBody: Codable { let decision: String }
    struct WidenBody: Codable { let personId: String; let reason: String; let consentReference: String? }
    struct AnnualReviewBody: Codable { let result: String; let note: String? }

    func level(_ code: String, field: String) throws -> Level {
        guard let level = Level(code: code) else { throw Refusal.invalid(field, "\(field) 应为 top_secret、confidential 或 secret") }
        return level
    }

    func day(_ text: String, field: String) throws -> Day {
        guard let day = Day(iso: text) else { throw Refusal.invalid(field, "\(field) 应为 YYYY-MM-DD") }
        return day
    }

    /// The 定密权 operations of a unit (its register, grants, officers, catalogue) and the steps on a secret that
    /// answer for how it was classified (objections, knowledge scope, annual review, unclear matters).
    func registerAuthority(_ api: RouterGroup<AppRequestContext>) {
        api.get("authority/:unit", use: readAuthority)
        api.post("authority/:unit/grants", use: decideGrant)
        api.post("grants/:id/revoke", use: revokeGrant)
        api.post("authority/:unit/officers", use: appointClassificationOfficer)
        api.post("officers/:id/remove", use: removeClassificationOfficer)
        api.post("authority/:unit/catalogue", use: saveCatalogueItem)
        api.post("secrets/:id/objections", use: raiseObjection)
        api.post("objections/:id/answer", use: answerObjection)
        api.post("secrets/:id/scope", use: widenScope)
        api.post("secrets/:id/annual-review", use: recordAnnualReview)
        api.post("secrets/:id/report", use: reportUnclear)
    }

    /// `GET authority/:unit`: the unit's 定密权 register — its own cap, the grants, the 定密责任人 and the 一览表.
    func readAuthority(_: Request, _ context: AppRequestContext) async throws -> Response {
        let unit = try context.parameters.require("unit")
        let r = try await services.classification.authorityRegister(try context.actor(), unitID: unit)
        return JSON.response(
            AuthorityDTO(
                unitId: unit, ownCap: r.ownCap?.code, grants: r.grants.map(GrantDTO.init), officers: r.officers.map(OfficerDTO.init),
                catalogue: r.catalogue.map(ItemDTO.init)))
    }

    /// `POST authority/:unit/grants`: the unit grants 定密权 to another unit (作出定密授权, R-AU-2, R-AU-3); 201 with the grant.
    func decideGrant(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(GrantBody.self, request)
        let unit = try context.parameters.require("unit")
        let grant = try await services.classification.decideGrant(
            try context.actor(), grantorUnitID: unit,
            grant: Grant(
                id: "", grantorUnitID: unit, granteeUnitID: b.granteeUnitId, cap: try level(b.cap, field: "cap"), matterScope: b.matterScope,
                validFrom: try day(b.validFrom, field: "valid_from"), validUntil: try day(b.validUntil, field: "valid_until")),
            basis: b.basis, reasons: b.reasons ?? "")
        return JSON.response(GrantDTO(grant), status: .created)
    }

    /// `POST grants/:id/revoke`: revokes a grant the unit made (撤销定密授权, R-AU-4).
    func revokeGrant(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(RevokeBody.self, request)
        try await services.classification.revokeGrant(try context.actor(), grantID: context.parameters.require("id"), reason: b.reason)
        return JSON.response(OK(ok: true))
    }

    /// `POST authority/:unit/officers`: appoints a 定密责任人 (statutory or designated, R-AU-5), trained as the training
    /// register says (R-TR-3); 201 with the officer.
    func appointClassificationOfficer(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(OfficerBody.self, request)
        let officer = try await services.classification.appointOfficer(
            try context.actor(), unitID: context.parameters.require("unit"), personID: b.personId, kind: b.kind == "statutory" ? .statutory : .designated,
            cap: try level(b.cap, field: "cap"))
        return JSON.response(OfficerDTO(officer), status: .created)
    }

    /// `POST officers/:id/remove`: takes a 定密责任人 off the roster, with the reason (调整定密责任人, R-AU-5).
    func removeClassificationOfficer(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(RemoveOfficerBody.self, request)
        try await services.classification.removeOfficer(
            try context.actor(), officerID: context.parameters.require("id"), reason: RemovalReason(rawValue: b.reason))
        return JSON.response(OK(ok: true))
    }

    /// `POST authority/:unit/catalogue`: adds or revises an entry of the unit's 国家秘密事项一览表 (R-AU-6); 201 with it.
    func saveCatalogueItem(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ItemBody.self, request)
        let marking = try Marking.parse(b.marking)
        let period = try ClassificationChecks.cataloguePeriod(marking)
        let item = try await services.classification.saveCatalogueItem(
            try context.actor(),
            CatalogueItem(
                id: b.id ?? "", unitID: try context.parameters.require("unit"), code: b.code, name: b.name, level: marking.level, period: period,
                allowance: PeriodAllowance(allowsLongTerm: b.allowsLongTerm ?? false), scope: b.scope, productionLevel: b.productionLevel,
                sourceDocument: b.sourceDocument), reason: b.reason ?? "")
        return JSON.response(ItemDTO(item), status: .created)
    }

    /// `POST secrets/:id/objections`: disputes a secret's classification with the marking claimed (提出异议, R-CL-7).
    func raiseObjection(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ObjectionBody.self, request)
        let claim = try Marking.parse(b.marking)
        let record = try await services.classification.raiseObjection(
            try context.actor(), secretID: context.parameters.require("id"), claimedLevel: claim.level, claimedPeriod: claim.period, reason: b.reason)
        return JSON.response(ObjectionDTO(id: record.id, status: record.status, appealLevel: record.appealLevel.rawValue), status: .created)
    }

    /// `POST objections/:id/answer`: the originating unit answers an objection (答复异议, R-CL-7).
    func answerObjection(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(AnswerBody.self, request)
        try await services.classification.decideObjection(try context.actor(), objectionID: context.parameters.require("id"), decision: b.decision)
        return JSON.response(OK(ok: true))
    }

    /// `POST secrets/:id/scope`: adds a person to the secret's 知悉范围, with approval or consent (R-KS-3).
    func widenScope(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(WidenBody.self, request)
        let s = try await services.classification.widenScope(
            try context.actor(), secretID: context.parameters.require("id"), personID: b.personId, reason: b.reason, consentReference: b.consentReference)
        return JSON.response(SecretDTO(s, full: true))
    }

    /// `POST secrets/:id/annual-review`: records the year's review of the secret (年度审查, R-DC-1).
    func recordAnnualReview(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(AnnualReviewBody.self, request)
        try await services.classification.recordAnnualReview(
            try context.actor(), secretID: context.parameters.require("id"), result: b.result, note: b.note ?? "")
        return JSON.response(OK(ok: true))
    }

    /// `POST secrets/:id/report`: sends an unclear matter to the secrecy administration (报送保密行政管理部门, R-CL-3).
    func reportUnclear(_: Request, _ context: AppRequestContext) async throws -> Response {
        let r = try await services.classification.reportUnclear(try context.actor(), secretID: context.parameters.require("id"))
        return JSON.response(SecretDTO(r.secret, full: true))
    }
}
