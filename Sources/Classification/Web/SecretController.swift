import Accounts
import Areas
import CarrierServices
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

/// 定密管理 pages: the register, drafting, the record with its workflow (R-CL-1 …), printable as a 定密审核表.
struct SecretController {
    let services: Services
    let views: Views

    struct Row: Sendable {
        let id: String, title: String, marking: String, status: String, basis: String, issued: String, expiry: String, level: String
    }

    struct Option: Sendable {
        let value: String, label: String, selected: Bool
    }

    struct ListModel: Sendable {
        let rows: [Row]
        let pager: Pager
        let levels: [Option], statuses: [Option], bases: [Option]
        let search: String, expiring: String, derivedFrom: String
    }

    /// The register, the drafting form and its POST; then a secret's page and its actions (`registerDetail`).
    func register(on router: Router<AppRequestContext>) {
        router.get("/secrets", use: listSecrets)
        router.get("/secrets/new", use: showDraftForm)
        router.post("/secrets", use: draftSecret)
        registerDetail(on: router)
    }

    /// `GET /secrets`: the register (国家秘密事项登记) the viewer may see, filtered, ordered and paged by the query.
    func listSecrets(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let filter = SecretFilter(
            level: q["level"].flatMap(Level.init(code:)), status: q["status"].flatMap(SecretStatus.init(rawValue:)), basisKind: q["basis"],
            expiringWithinDays: q["expiring"].flatMap(Int.init), derivedFrom: q["derived_from"], search: q["q"],
            reviewDueYear: q["review"] == "due" ? services.clock.today.year : nil, needsReview: q["flag"] == "review" ? true : nil)
        let order = q["order"].flatMap(SecretOrder.init(rawValue:)) ?? .newest
        let cursor = q["cursor"].flatMap { PageCursor(token: $0, order: order.rawValue) }
        let page = try await services.classification.register(actor, filter: filter, order: order, page: PageRequest(cursor: cursor))
        let rows = page.items.map {
            Row(
                id: $0.id, title: $0.title, marking: $0.marking.render(), status: $0.status.chinese, basis: $0.basis.chinese,
                issued: $0.issueDate?.chinese ?? "—", expiry: $0.expiry?.chinese ?? "—", level: $0.level.code)
        }
        let model = ListModel(
            rows: rows,
            pager: Pager(page, path: "/secrets", query: q, orders: SecretOrder.allCases.map { ($0.rawValue, $0.chinese) }, order: order.rawValue),
            levels: Level.allCases.reversed().map { Option(value: $0.code, label: $0.chinese, selected: q["level"] == $0.code) },
            statuses: SecretStatus.allCases.map { Option(value: $0.rawValue, label: $0.chinese, selected: q["status"] == $0.rawValue) },
            bases: [("catalogue", "原始定密"), ("derived", "派生定密"), ("unclear", "不明确事项")].map {
                Option(value: $0.0, label: $0.1, selected: q["basis"] == $0.0)
            },
            search: q["q"] ?? "", expiring: q["expiring"] ?? "", derivedFrom: q["derived_from"] ?? "")
        return views.page(ClassificationViews.secrets, title: "国家秘密事项登记", session: context.session, path: "/secrets", content: model)
    }

    /// `GET /secrets/new`: the drafting form (拟定密级), deriving from `?source=` when given.
    func showDraftForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await draftForm(context, error: nil, source: FormData.query(request)["source"])
    }

    /// `POST /secrets`: drafts the secret and goes to its page; a refusal shows the form again as filled in.
    func draftSecret(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let secret = try await services.classification.draft(try context.actor(), Self.draftRequest(form))
            return Response.redirect(to: "/secrets/\(secret.id)")
        } again: { message, status in
            try await draftForm(context, error: message, source: form["source_id"], form: form, status: status)
        }
    }

    static func draftRequest(_ form: FormData) throws -> DraftRequest {
        let basis = try ClassificationChecks.basis(form["basis"], itemID: form["catalogue_item_id"], sourceID: form["source_id"], ground: form["ground"])
        func answer(_ key: String) -> Bool? { form[key].flatMap { $0 == "yes" ? true : $0 == "no" ? false : nil } }
        var request = DraftRequest(
            title: form["title"] ?? "", basis: basis, marking: form["marking"] ?? "", scope: form.all("scope"), secretPoints: form["secret_points"] ?? "",
            questions: FourQuestions(
                publicMustKnow: answer("q1"), isWorkOrCommercialSecretOrPrivacy: answer("q2"), alreadyPublicOrUncontrollable: answer("q3"),
                lawRequiresDisclosure: answer("q4")))
        request.coUnitIDs = form.all("co_unit")
        return request
    }

    struct DraftModel: Sendable {
        let items: [Option]
        let persons: [Option]
        let units: [Option]
        let grounds: [Option]
        /// The source's marking when deriving; nil otherwise.
        let source: String?
        let questions: [Option]
        let title: String, marking: String, secretPoints: String
    }

    private func draftForm(
        _ context: AppRequestContext, error: String?, source: String?, form: FormData? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.actor()
        let items = try await services.classification.ownCatalogue(actor)
        let colleagues = try await services.organisation.persons(actor).filter { $0.id != actor.person?.id && $0.unitID == actor.person?.unitID }
        let model = DraftModel(
            items: items.map { Option(value: $0.id, label: "\($0.code) \($0.name)（\($0.marking.render())）", selected: false) },
            persons: colleagues.map { Option(value: $0.id, label: "\($0.name)（\($0.post)）", selected: false) },
            units: try await services.organisation.visibleUnits(.system).filter { !$0.kind.isAdministration && $0.id != actor.person?.unitID }.map {
                Option(value: $0.id, label: $0.name, selected: form?.all("co_unit").contains($0.id) ?? false)
            },
            grounds: DerivationGround.allCases.map { Option(value: $0.rawValue, label: $0.chinese, selected: form?["ground"] == $0.rawValue) },
            source: (source ?? "").isEmpty ? nil : source,
            questions: [
                ("q1", "是否需要社会公众广泛知晓或者参与？"), ("q2", "是否属于工作秘密、商业秘密、个人隐私？"), ("q3", "是否已经依法公开或者无法控制知悉范围？"),
                ("q4", "是否属于法律、行政法规或者国家有关规定要求公开的事项？"),
            ].map { Option(value: $0.0, label: $0.1, selected: false) },
            title: form?["title"] ?? "", marking: form?["marking"] ?? "", secretPoints: form?["secret_points"] ?? "")
        return views.page(
            ClassificationViews.secretNew, title: "拟定密级", session: context.session, path: "/secrets/new", content: model, error: error, status: status)
    }
}
