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

    func registerSecrets(_ api: RouterGroup<AppRequestContext>) {
        api.get("secrets") { request, context in
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
        api.get("secrets/statistics") { _, context in
            let counts = try await services.classification.counts(try context.actor())
            return JSON.response(
                Counts(total: counts.reduce(0) { $0 + $1.n }, items: counts.map { CountDTO(status: $0.status, level: $0.level, basis: $0.basis, count: $0.n) }))
        }
        api.post("secrets") { request, context in
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
        api.get("secrets/:id") { _, context in
            let (secret, events) = try await services.classification.detail(try context.actor(), id: context.parameters.require("id"))
            return JSON.response(
                SecretDetail(
                    secret: SecretDTO(secret, full: true),
                    events: events.map { EventDTO(at: $0.at, actorName: $0.actorName, kind: $0.kind, summary: $0.summary, marking: $0.marking) }))
        }
        api.post("secrets/:id/submit") { request, context in
            let b = try await decodeJSON(SubmitBody.self, request)
            let s = try await services.classification.submit(
                try context.actor(), secretID: context.parameters.require("id"), officerPersonID: b.officerPersonId)
            return JSON.response(SecretDTO(s, full: true))
        }
        api.post("secrets/:id/review") { request, context in
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
        api.post("secrets/:id/refer") { _, context in
            JSON.response(SecretDTO(try await services.classification.referUp(try context.actor(), secretID: context.parameters.require("id")), full: true))
        }
        api.post("secrets/:id/change") { request, context in
            let b = try await decodeJSON(ChangeBody.self, request)
            let marking = try Marking.parse(b.marking)
            let outcome = try await services.classification.change(
                try context.actor(), secretID: context.parameters.require("id"),
                request: ChangeRequest(level: marking.level, period: marking.period, reason: b.reason))
            return JSON.response(SecretDTO(outcome.secret, full: true))
        }
        api.post("secrets/:id/declassify") { request, context in
            let b = try await decodeJSON(DeclassifyBody.self, request)
            let outcome = try await services.classification.declassify(
                try context.actor(), secretID: context.parameters.require("id"), kind: .early, reason: b.reason, centralApproval: b.centralApproval)
            return JSON.response(SecretDTO(outcome.secret, full: true))
        }
    }
}
