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
    struct OfficerBody: Codable { let personId: String; let kind: String?; let cap: String; let trainedOn: String? }
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

    func registerAuthority(_ api: RouterGroup<AppRequestContext>) {
        let c = services.classification
        api.get("authority/:unit") { _, context in
            let unit = try context.parameters.require("unit")
            let r = try await c.authorityRegister(try context.actor(), unitID: unit)
            return JSON.response(
                AuthorityDTO(
                    unitId: unit, ownCap: r.ownCap?.code, grants: r.grants.map(GrantDTO.init), officers: r.officers.map(OfficerDTO.init),
                    catalogue: r.catalogue.map(ItemDTO.init)))
        }
        api.post("authority/:unit/grants") { request, context in
            let b = try await decodeJSON(GrantBody.self, request)
            let unit = try context.parameters.require("unit")
            let grant = try await c.decideGrant(
                try context.actor(), grantorUnitID: unit,
                grant: Grant(
                    id: "", grantorUnitID: unit, granteeUnitID: b.granteeUnitId, cap: try level(b.cap, field: "cap"), matterScope: b.matterScope,
                    validFrom: try day(b.validFrom, field: "valid_from"), validUntil: try day(b.validUntil, field: "valid_until")),
                basis: b.basis, reasons: b.reasons ?? "")
            return JSON.response(GrantDTO(grant), status: .created)
        }
        api.post("grants/:id/revoke") { request, context in
            let b = try await decodeJSON(RevokeBody.self, request)
            try await c.revokeGrant(try context.actor(), grantID: context.parameters.require("id"), reason: b.reason)
            return JSON.response(OK(ok: true))
        }
        api.post("authority/:unit/officers") { request, context in
            let b = try await decodeJSON(OfficerBody.self, request)
            let officer = try await c.appointOfficer(
                try context.actor(), unitID: context.parameters.require("unit"), personID: b.personId, kind: b.kind == "statutory" ? .statutory : .designated,
                cap: try level(b.cap, field: "cap"), trainedOn: try b.trainedOn.map { try day($0, field: "trained_on") })
            return JSON.response(OfficerDTO(officer), status: .created)
        }
        api.post("officers/:id/remove") { request, context in
            let b = try await decodeJSON(RemoveOfficerBody.self, request)
            try await c.removeOfficer(try context.actor(), officerID: context.parameters.require("id"), reason: RemovalReason(rawValue: b.reason))
            return JSON.response(OK(ok: true))
        }
        api.post("authority/:unit/catalogue") { request, context in
            let b = try await decodeJSON(ItemBody.self, request)
            let marking = try Marking.parse(b.marking)
            let period = try ClassificationChecks.cataloguePeriod(marking)
            let item = try await c.saveCatalogueItem(
                try context.actor(),
                CatalogueItem(
                    id: b.id ?? "", unitID: try context.parameters.require("unit"), code: b.code, name: b.name, level: marking.level, period: period,
                    allowance: PeriodAllowance(allowsLongTerm: b.allowsLongTerm ?? false), scope: b.scope, productionLevel: b.productionLevel,
                    sourceDocument: b.sourceDocument), reason: b.reason ?? "")
            return JSON.response(ItemDTO(item), status: .created)
        }
        api.post("secrets/:id/objections") { request, context in
            let b = try await decodeJSON(ObjectionBody.self, request)
            let claim = try Marking.parse(b.marking)
            let record = try await c.raiseObjection(
                try context.actor(), secretID: context.parameters.require("id"), claimedLevel: claim.level, claimedPeriod: claim.period, reason: b.reason)
            return JSON.response(ObjectionDTO(id: record.id, status: record.status, appealLevel: record.appealLevel.rawValue), status: .created)
        }
        api.post("objections/:id/answer") { request, context in
            let b = try await decodeJSON(AnswerBody.self, request)
            try await c.decideObjection(try context.actor(), objectionID: context.parameters.require("id"), decision: b.decision)
            return JSON.response(OK(ok: true))
        }
        api.post("secrets/:id/scope") { request, context in
            let b = try await decodeJSON(WidenBody.self, request)
            let s = try await c.widenScope(
                try context.actor(), secretID: context.parameters.require("id"), personID: b.personId, reason: b.reason, consentReference: b.consentReference)
            return JSON.response(SecretDTO(s, full: true))
        }
        api.post("secrets/:id/annual-review") { request, context in
            let b = try await decodeJSON(AnnualReviewBody.self, request)
            try await c.recordAnnualReview(try context.actor(), secretID: context.parameters.require("id"), result: b.result, note: b.note ?? "")
            return JSON.response(OK(ok: true))
        }
        api.post("secrets/:id/report") { _, context in
            let r = try await c.reportUnclear(try context.actor(), secretID: context.parameters.require("id"))
            return JSON.response(SecretDTO(r.secret, full: true))
        }
    }
}
