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

    /// Supervision (监管) and what a unit files with its administration: 备案, grant applications, the 一览表's
    /// revisions, appealed objections, corrections and rechecks.
    func registerSupervision(_ api: RouterGroup<AppRequestContext>) {
        api.get("supervision", use: readSupervision)
        api.get("filings/:id", use: readFiling)
        api.post("filings/:id/reply", use: replyFiling)
        api.get("authority/:unit/filings", use: listFilingsMade)
        api.post("authority/:unit/filings/:kind", use: fileWithAdministration)
        api.post("statistics/filings", use: fileStatistics)
        api.get("authority/:unit/applications", use: listGrantApplications)
        api.post("authority/:unit/applications", use: applyForGrant)
        api.post("applications/:id/decide", use: decideGrantApplication)
        api.get("authority/:unit/catalogue/revisions", use: listCatalogueRevisions)
        api.post("objections/:id/appeal", use: appealObjection)
        api.post("objections/:id/appeal-decision", use: decideAppeal)
        api.post("secrets/:id/correct", use: correctSecret)
        api.post("secrets/:id/recheck", use: recheckSecret)
    }

    /// `GET supervision`: the administration's overview — 备案 received, unclear matters with their due date, appeals.
    func readSupervision(_: Request, _ context: AppRequestContext) async throws -> Response {
        let o = try await services.classification.supervision(try context.actor())
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

    /// `GET filings/:id`: one filing (备案), for the unit that made it and the administration that received it.
    func readFiling(_: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(FilingDTO(try await services.classification.filing(try context.actor(), id: context.parameters.require("id"))))
    }

    /// `POST filings/:id/reply`: the administration accepts a filing or returns it with a reply.
    func replyFiling(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ReplyBody.self, request)
        try await services.classification.replyFiling(try context.actor(), filingID: context.parameters.require("id"), accept: b.accept, reply: b.reply ?? "")
        return JSON.response(OK(ok: true))
    }

    /// `GET authority/:unit/filings`: the filings the unit has made.
    func listFilingsMade(_: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(try await services.classification.filingsMade(try context.actor(), unitID: context.parameters.require("unit")).map(FilingDTO.init))
    }

    /// `POST authority/:unit/filings/:kind`: files the 定密责任人 roster (R-AU-5) or the 一览表 (R-AU-6) with the
    /// administration; any other kind is refused.
    func fileWithAdministration(_: Request, _ context: AppRequestContext) async throws -> Response {
        let unit = try context.parameters.require("unit")
        let kind: FilingKind =
            switch try context.parameters.require("kind") {
            case "roster": try await services.classification.fileRoster(try context.actor(), unitID: unit)
            case "catalogue": try await services.classification.fileCatalogue(try context.actor(), unitID: unit)
            default: throw Refusal.invalid("kind", "kind 应为 roster 或 catalogue")
            }
        return JSON.response(FiledDTO(ok: true, kind: kind.rawValue), status: .created)
    }

    /// `POST statistics/filings`: files the unit's 定密 statistics for a period (R-RP-2); the period must not end
    /// before it starts.
    func fileStatistics(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(StatisticsFilingBody.self, request)
        let from = try day(b.from, field: "from")
        let to = try day(b.to, field: "to")
        guard from <= to else { throw Refusal.invalid("from", "统计起始日期不能晚于截止日期") }
        let kind = try await services.classification.fileStatistics(try context.actor(), from: from, to: to)
        return JSON.response(FiledDTO(ok: true, kind: kind.rawValue), status: .created)
    }

    /// `GET authority/:unit/applications`: the grant applications the unit made or received.
    func listGrantApplications(_: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(try await services.classification.applications(try context.actor(), unitID: context.parameters.require("unit")).map(ApplicationDTO.init))
    }

    /// `POST authority/:unit/applications`: the unit applies for 定密权 (申请定密授权, R-AU-3); 201 with the application.
    func applyForGrant(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ApplicationBody.self, request)
        let application = try await services.classification.applyForGrant(
            try context.actor(), applicantUnitID: context.parameters.require("unit"), grantorUnitID: b.grantorUnitId, cap: try level(b.cap, field: "cap"),
            matterScope: b.matterScope, validFrom: try day(b.validFrom, field: "valid_from"), validUntil: try day(b.validUntil, field: "valid_until"),
            basis: b.basis, reasons: b.reasons)
        return JSON.response(ApplicationDTO(application), status: .created)
    }

    /// `POST applications/:id/decide`: grants or refuses an application (决定定密授权申请, R-AU-3).
    func decideGrantApplication(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ApplicationDecisionBody.self, request)
        let application = try await services.classification.decideApplication(
            try context.actor(), applicationID: context.parameters.require("id"), approve: b.approve, note: b.note ?? "")
        return JSON.response(ApplicationDTO(application))
    }

    /// `GET authority/:unit/catalogue/revisions`: every revision of the unit's 一览表, with its reason (R-AU-6).
    func listCatalogueRevisions(_: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(
            try await services.classification.catalogueRevisions(try context.actor(), unitID: context.parameters.require("unit")).map {
                RevisionDTO(
                    itemId: $0.itemID, revision: $0.revision, content: $0.content, reason: $0.reason, changedBy: $0.changedBy, changedOn: $0.changedOn.iso)
            })
    }

    /// `POST objections/:id/appeal`: the objector takes an unresolved objection to the administration (R-CL-7).
    func appealObjection(_: Request, _ context: AppRequestContext) async throws -> Response {
        try await services.classification.appealObjection(try context.actor(), objectionID: context.parameters.require("id"))
        return JSON.response(OK(ok: true))
    }

    /// `POST objections/:id/appeal-decision`: the administration decides an appealed objection (确定异议, R-CL-7).
    func decideAppeal(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(AnswerBody.self, request)
        try await services.classification.decideAppeal(try context.actor(), objectionID: context.parameters.require("id"), decision: b.decision)
        return JSON.response(OK(ok: true))
    }

    /// `POST secrets/:id/correct`: a superior corrects a subordinate's classification — another marking, or revoked
    /// (纠正, R-CL-8).
    func correctSecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(CorrectBody.self, request)
        let correction = try Responsibility.correction(
            revoke: b.revoke ?? false, marking: try b.marking.flatMap { $0.isEmpty ? nil : try Marking.parse($0) })
        let s = try await services.classification.correct(
            try context.actor(), secretID: context.parameters.require("id"), level: correction.level, period: correction.period,
            revoke: correction.revoke, reason: b.reason)
        return JSON.response(SecretDTO(s, full: true))
    }

    /// `POST secrets/:id/recheck`: an officer clears the review flag of a secret whose source changed (复核, R-DU-6).
    func recheckSecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(RecheckBody.self, request)
        try await services.classification.clearReviewFlag(try context.actor(), secretID: context.parameters.require("id"), note: b.note)
        return JSON.response(OK(ok: true))
    }
}
