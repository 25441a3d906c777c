import Accounts
import Areas
import CarrierServices
import Classification
import ClassificationServices
import Foundation
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

extension APIController {
    struct FilingDTO: Codable {
        let id: String; let kind: String; let unitId: String; let subjectId: String?; let filedWithUnitId: String; let filedOn: String
        let filedBy: String; let summary: String; let content: String; let status: String; let reply: String?; let repliedOn: String?
        init(_ f: Filing) {
            id = f.id; kind = f.kind.rawValue; unitId = f.unitID; subjectId = f.subjectID; filedWithUnitId = f.filedWithUnitID; filedOn = f.filedOn.iso
            filedBy = f.filedBy; summary = f.summary; content = f.content; status = f.status.rawValue; reply = f.reply; repliedOn = f.repliedOn?.iso
        }
    }
    struct ApplicationDTO: Codable {
        let id: String; let applicantUnitId: String; let grantorUnitId: String; let cap: String; let matterScope: String; let validFrom: String
        let validUntil: String; let basis: String; let reasons: String; let appliedOn: String; let status: String; let decisionNote: String?
        let grantId: String?
        init(_ a: GrantApplication) {
            id = a.id; applicantUnitId = a.applicantUnitID; grantorUnitId = a.grantorUnitID; cap = a.cap.code; matterScope = a.matterScope
            validFrom = a.validFrom.iso; validUntil = a.validUntil.iso; basis = a.basis; reasons = a.reasons; appliedOn = a.appliedOn.iso
            status = a.status.rawValue; decisionNote = a.decisionNote; grantId = a.grantID
        }
    }
    struct RevisionDTO: Codable {
        let itemId: String; let revision: Int; let content: String; let reason: String; let changedBy: String; let changedOn: String
    }
    struct UnclearDTO: Codable { let secret: SecretDTO; let decisionDue: String? }
    struct AppealDTO: Codable {
        let objectionId: String; let secret: SecretDTO; let reason: String; let claimedLevel: String?; let unitAnswer: String?; let appealedOn: String?
    }
    struct SupervisionDTO: Codable { let administrationUnitId: String; let filings: [FilingDTO]; let unclear: [UnclearDTO]; let appeals: [AppealDTO] }
    struct FiledDTO: Codable { let ok: Bool; let kind: String }
    struct ReplyBody: Codable { let accept: Bool; let reply: String? }
    struct StatisticsFilingBody: Codable { let from: String; let to: String }
    struct ApplicationBody: Codable {
        let grantorUnitId: String; let cap: String; let matterScope: String; let validFrom: String; let validUntil: String; let basis: String
        let reasons: String
    }
    struct ApplicationDecisionBody: Codable { let approve: Bool; let note: String? }
    struct CorrectBody: Codable { let marking: String?; let revoke: Bool?; let reason: String }
    struct RecheckBody: Codable { let note: String }

    func registerSupervision(_ api: RouterGroup<AppRequestContext>) {
        let c = services.classification
        api.get("supervision") { _, context in
            let o = try await c.supervision(try context.actor())
            return JSON.response(
                SupervisionDTO(
                    administrationUnitId: o.administration.id, filings: o.filings.map(FilingDTO.init),
                    unclear: o.unclear.map { UnclearDTO(secret: SecretDTO($0.secret, full: false), decisionDue: $0.due?.iso) },
                    appeals: o.appeals.map {
                        AppealDTO(
                            objectionId: $0.objectionID, secret: SecretDTO($0.secret, full: false), reason: $0.reason, claimedLevel: $0.claimedLevel?.code,
                            unitAnswer: $0.unitAnswer, appealedOn: $0.appealedOn?.iso)
                    }))
        }
        api.get("filings/:id") { _, context in
            JSON.response(FilingDTO(try await c.filing(try context.actor(), id: context.parameters.require("id"))))
        }
        api.post("filings/:id/reply") { request, context in
            let b = try await decodeJSON(ReplyBody.self, request)
            try await c.replyFiling(try context.actor(), filingID: context.parameters.require("id"), accept: b.accept, reply: b.reply ?? "")
            return JSON.response(OK(ok: true))
        }
        api.get("authority/:unit/filings") { _, context in
            JSON.response(try await c.filingsMade(try context.actor(), unitID: context.parameters.require("unit")).map(FilingDTO.init))
        }
        api.post("authority/:unit/filings/:kind") { _, context in
            let unit = try context.parameters.require("unit")
            let kind: FilingKind =
                switch try context.parameters.require("kind") {
                case "roster": try await c.fileRoster(try context.actor(), unitID: unit)
                case "catalogue": try await c.fileCatalogue(try context.actor(), unitID: unit)
                default: throw Refusal.invalid("kind", "kind 应为 roster 或 catalogue")
                }
            return JSON.response(FiledDTO(ok: true, kind: kind.rawValue), status: .created)
        }
        api.post("statistics/filings") { request, context in
            let b = try await decodeJSON(StatisticsFilingBody.self, request)
            let from = try day(b.from, field: "from")
            let to = try day(b.to, field: "to")
            guard from <= to else { throw Refusal.invalid("from", "统计起始日期不能晚于截止日期") }
            let kind = try await c.fileStatistics(try context.actor(), from: from, to: to)
            return JSON.response(FiledDTO(ok: true, kind: kind.rawValue), status: .created)
        }
        api.get("authority/:unit/applications") { _, context in
            JSON.response(try await c.applications(try context.actor(), unitID: context.parameters.require("unit")).map(ApplicationDTO.init))
        }
        api.post("authority/:unit/applications") { request, context in
            let b = try await decodeJSON(ApplicationBody.self, request)
            let application = try await c.applyForGrant(
                try context.actor(), applicantUnitID: context.parameters.require("unit"), grantorUnitID: b.grantorUnitId, cap: try level(b.cap, field: "cap"),
                matterScope: b.matterScope, validFrom: try day(b.validFrom, field: "valid_from"), validUntil: try day(b.validUntil, field: "valid_until"),
                basis: b.basis, reasons: b.reasons)
            return JSON.response(ApplicationDTO(application), status: .created)
        }
        api.post("applications/:id/decide") { request, context in
            let b = try await decodeJSON(ApplicationDecisionBody.self, request)
            let application = try await c.decideApplication(
                try context.actor(), applicationID: context.parameters.require("id"), approve: b.approve, note: b.note ?? "")
            return JSON.response(ApplicationDTO(application))
        }
        api.get("authority/:unit/catalogue/revisions") { _, context in
            JSON.response(
                try await c.catalogueRevisions(try context.actor(), unitID: context.parameters.require("unit")).map {
                    RevisionDTO(
                        itemId: $0.itemID, revision: $0.revision, content: $0.content, reason: $0.reason, changedBy: $0.changedBy, changedOn: $0.changedOn.iso)
                })
        }
        api.post("objections/:id/appeal") { _, context in
            try await c.appealObjection(try context.actor(), objectionID: context.parameters.require("id"))
            return JSON.response(OK(ok: true))
        }
        api.post("objections/:id/appeal-decision") { request, context in
            let b = try await decodeJSON(AnswerBody.self, request)
            try await c.decideAppeal(try context.actor(), objectionID: context.parameters.require("id"), decision: b.decision)
            return JSON.response(OK(ok: true))
        }
        api.post("secrets/:id/correct") { request, context in
            let b = try await decodeJSON(CorrectBody.self, request)
            let correction = try Responsibility.correction(
                revoke: b.revoke ?? false, marking: try b.marking.flatMap { $0.isEmpty ? nil : try Marking.parse($0) })
            let s = try await c.correct(
                try context.actor(), secretID: context.parameters.require("id"), level: correction.level, period: correction.period,
                revoke: correction.revoke, reason: b.reason)
            return JSON.response(SecretDTO(s, full: true))
        }
        api.post("secrets/:id/recheck") { request, context in
            let b = try await decodeJSON(RecheckBody.self, request)
            try await c.clearReviewFlag(try context.actor(), secretID: context.parameters.require("id"), note: b.note)
            return JSON.response(OK(ok: true))
        }
    }
}
