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

/// A secret in the API.
struct SecretDTO: Codable, Sendable {
    let id: String
    let unitId: String
    let title: String
    let basis: String
    let sourceId: String?
    let marking: String
    let level: String
    let status: String
    let issueDate: String?
    let expiry: String?
    let draftedOn: String
    let handlerPersonId: String
    let officerPersonId: String?
    let markings: [String]
    let scopePersonIds: [String]?
    let secretPoints: String?
    let coUnitIds: [String]
    let needsReview: Bool

    init(_ s: SecretMatter, full: Bool) {
        id = s.id
        unitId = s.unitID
        title = s.title
        switch s.basis {
        case .catalogue: basis = "catalogue"; sourceId = nil
        case .derived(let source, _): basis = "derived"; sourceId = source
        case .unclear: basis = "unclear"; sourceId = nil
        }
        marking = s.marking.render()
        level = s.level.code
        status = s.status.rawValue
        issueDate = s.issueDate?.iso
        expiry = s.expiry?.iso
        draftedOn = s.draftedOn.iso
        handlerPersonId = s.handlerPersonID
        officerPersonId = s.officerPersonID
        markings = s.markings
        scopePersonIds = full ? s.scope.sorted() : nil
        secretPoints = full ? s.secretPoints : nil
        coUnitIds = s.coUnitIDs
        needsReview = s.needsReview
    }
}

extension APIController {
    struct DraftBody: Codable {
        let title: String; let basis: String; let catalogueItemId: String?; let sourceId: String?; let ground: String?; let marking: String?
        let scopePersonIds: [String]?; let secretPoints: String; let questions: [String: Bool?]?; let coUnitIds: [String]?
    }
    struct SubmitBody: Codable { let officerPersonId: String }
    struct ReviewBody: Codable { let decision: String; let marking: String?; let reason: String? }
    struct ChangeBody: Codable { let marking: String; let reason: String }
    struct DeclassifyBody: Codable { let reason: String; let centralApproval: String? }
    struct SecretDetail: Codable { let secret: SecretDTO; let events: [EventDTO] }
    struct EventDTO: Codable { let at: Int64; let actorName: String; let kind: String; let summary: String; let marking: String }
    struct CountDTO: Codable { let status: String; let level: String; let basis: String; let count: Int }
    struct Counts: Codable { let total: Int; let items: [CountDTO] }

    /// The secrets register (国家秘密事项登记) and a secret's workflow from draft to declassification (R-CL-1 …).
    func registerSecrets(_ api: RouterGroup<AppRequestContext>) {
        api.get("secrets", use: listSecrets)
        api.get("secrets/statistics", use: countSecrets)
        api.post("secrets", use: draftSecret)
        api.get("secrets/:id", use: readSecret)
        api.post("secrets/:id/submit", use: submitSecret)
        api.post("secrets/:id/review", use: reviewSecret)
        api.post("secrets/:id/refer", use: referSecretUp)
        api.post("secrets/:id/change", use: changeSecret)
        api.post("secrets/:id/declassify", use: declassifySecret)
    }

    /// `GET secrets`: one page of the register the viewer may see, filtered and ordered by the query.
    func listSecrets(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        let filter = SecretFilter(
            level: q["level"].flatMap(Level.init(code:)), status: q["status"].flatMap(SecretStatus.init(rawValue:)), basisKind: q["basis"],
            expiringWithinDays: q["expiring"].flatMap(Int.init), derivedFrom: q["derived_from"], search: q["q"],
            needsReview: q["needs_review"] == "true" ? true : nil)
        let order = q["order"].flatMap(SecretOrder.init(rawValue:)) ?? .newest
        let page = try await services.classification.register(
            try context.actor(), filter: filter, order: order, page: try Self.pageRequest(q, order: order.rawValue))
        return JSON.response(PagedList(page) { SecretDTO($0, full: false) })
    }

    /// `GET secrets/statistics`: how many secrets by status, level and basis, with the total (定密统计).
    func countSecrets(_: Request, _ context: AppRequestContext) async throws -> Response {
        let counts = try await services.classification.counts(try context.actor())
        return JSON.response(
            Counts(total: counts.reduce(0) { $0 + $1.n }, items: counts.map { CountDTO(status: $0.status, level: $0.level, basis: $0.basis, count: $0.n) }))
    }

    /// `POST secrets`: the 承办人 drafts a secret with its basis, marking, scope and the four questions; 201 with it.
    func draftSecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(DraftBody.self, request)
        let basis = try ClassificationChecks.basis(b.basis, itemID: b.catalogueItemId, sourceID: b.sourceId, ground: b.ground)
        // A question sent as null is not answered, as one left out (the contract lets an optional field be null).
        let q = (b.questions ?? [:]).compactMapValues { $0 }
        var draft = DraftRequest(
            title: b.title, basis: basis, marking: b.marking ?? "", scope: b.scopePersonIds ?? [], secretPoints: b.secretPoints,
            questions: FourQuestions(
                publicMustKnow: q["public_must_know"], isWorkOrCommercialSecretOrPrivacy: q["work_or_commercial_secret_or_privacy"],
                alreadyPublicOrUncontrollable: q["already_public_or_uncontrollable"], lawRequiresDisclosure: q["law_requires_disclosure"]))
        draft.coUnitIDs = b.coUnitIds ?? []
        let secret = try await services.classification.draft(try context.actor(), draft)
        return JSON.response(SecretDTO(secret, full: true), status: .created)
    }

    /// `GET secrets/:id`: one secret in full, with its history (a secret not to be known is 404, R-KS-4).
    func readSecret(_: Request, _ context: AppRequestContext) async throws -> Response {
        let (secret, events) = try await services.classification.detail(try context.actor(), id: context.parameters.require("id"))
        return JSON.response(
            SecretDetail(
                secret: SecretDTO(secret, full: true),
                events: events.map { EventDTO(at: $0.at, actorName: $0.actorName, kind: $0.kind, summary: $0.summary, marking: $0.marking) }))
    }

    /// `POST secrets/:id/submit`: the 承办人 hands the draft to a 定密责任人 (提交审核, R-CL-1).
    func submitSecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(SubmitBody.self, request)
        let s = try await services.classification.submit(
            try context.actor(), secretID: context.parameters.require("id"), officerPersonID: b.officerPersonId)
        return JSON.response(SecretDTO(s, full: true))
    }

    /// `POST secrets/:id/review`: the 定密责任人 approves, rejects or amends the proposal (审核, R-CL-1, R-CL-2); an
    /// amendment keeps the secret's current scope.
    func reviewSecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ReviewBody.self, request)
        let actor = try context.actor()
        let id = try context.parameters.require("id")
        let decision: ReviewDecision
        switch b.decision {
        case "approve": decision = .approve
        case "reject": decision = .reject(reason: b.reason ?? "")
        case "amend":
            let marking = try Marking.parse(b.marking ?? "")
            let current = try await services.classification.detail(actor, id: id).secret
            decision = .amend(level: marking.level, period: marking.period, scope: current.scope, reason: b.reason ?? "")
        default: throw ClassificationChecks.unknownDecision(b.decision)
        }
        return JSON.response(SecretDTO(try await services.classification.review(actor, secretID: id, decision: decision), full: true))
    }

    /// `POST secrets/:id/refer`: no authority here, so the matter goes up to be decided (报上级确定, R-AU-1).
    func referSecretUp(_: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(SecretDTO(try await services.classification.referUp(try context.actor(), secretID: context.parameters.require("id")), full: true))
    }

    /// `POST secrets/:id/change`: changes the secret's level or period, with the reason (变更, R-CH-1..3).
    func changeSecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ChangeBody.self, request)
        let marking = try Marking.parse(b.marking)
        let outcome = try await services.classification.change(
            try context.actor(), secretID: context.parameters.require("id"),
            request: ChangeRequest(level: marking.level, period: marking.period, reason: b.reason))
        return JSON.response(SecretDTO(outcome.secret, full: true))
    }

    /// `POST secrets/:id/declassify`: declassifies the secret early (提前解密, R-DC-2, R-DC-3).
    func declassifySecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(DeclassifyBody.self, request)
        let outcome = try await services.classification.declassify(
            try context.actor(), secretID: context.parameters.require("id"), kind: .early, reason: b.reason, centralApproval: b.centralApproval)
        return JSON.response(SecretDTO(outcome.secret, full: true))
    }
}
