import Accounts
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

/// One page per action of a unit's 定密权管理 register: `GET /authority/:unit/<action>` shows its focused form (a row
/// action names its row: `?officer=`, `?grant=`, `?application=`), `POST` performs it and shows the register again.
/// Whether the viewer may act for the unit is `AuthorityActions`, the decision the service enforces (R-AU-5).
extension AuthorityController {
    /// What an action's form page shows.
    struct ActionModel: Sendable {
        let unitID: String, unitName: String
        let action: String, label: String, regulation: String
        /// Which form to show: `form.<action>` is true for this action only.
        let form: [String: Bool]
        /// The row a row action acts on: its hidden field and ID.
        let rowField: String?, rowID: String?
        let units: [Option], persons: [Option], levels: [Option], reasons: [Option]
        let today: String
    }

    /// The query parameter and form field naming the row of a row action.
    static func rowField(_ action: AuthorityAction) -> (query: String, field: String)? {
        switch action {
        case .removeOfficer: ("officer", "officer_id")
        case .revoke: ("grant", "grant_id")
        case .decideApplication: ("application", "application_id")
        default: nil
        }
    }

    /// A `GET` form page per action, then one `POST` per action: each step names the function that performs it.
    func registerActions(on router: Router<AppRequestContext>) {
        for action in AuthorityAction.allCases {
            router.get(RouterPath("/authority/:unit/\(action.rawValue)")) { request, context in
                let row = Self.rowField(action).flatMap { FormData.query(request)[$0.query] }
                return try await actionPage(context, action, unitID: try context.parameters.require("unit"), rowID: row, error: nil)
            }
        }
        // One route per action (STYLE 3): each reads its form and calls one service operation; done, the register
        // shows again; refused, the action's form comes back with the refusal and its rule.
        func step(_ action: AuthorityAction, perform: @escaping @Sendable (FormData, Actor, String) async throws -> Void) {
            actionRoute(
                router, "/authority/:unit/\(action.rawValue)", param: "unit",
                perform: { context, form, actor, unitID in
                    try await perform(form, actor, unitID)
                    return try await page(context, unitID: unitID, flash: "已保存", error: nil)
                },
                refused: { context, unitID, form, error in
                    try await actionPage(
                        context, action, unitID: unitID, rowID: Self.rowField(action).flatMap { form[$0.field] }, error: error,
                        status: ErrorMapping.status(error.kind))
                })
        }
        step(.officer, perform: appointOfficer)
        step(.removeOfficer, perform: removeOfficer)
        step(.grant, perform: decideGrant)
        step(.revoke, perform: revokeGrant)
        step(.fileRoster, perform: fileRoster)
        step(.fileCatalogue, perform: fileCatalogue)
        step(.apply, perform: applyForGrant)
        step(.decideApplication, perform: decideApplication)
        step(.catalogue, perform: saveCatalogueItem)
    }

    /// 指定定密责任人: appoints a 定密责任人 of the unit, statutory or designated, within the unit's cap (R-AU-5).
    func appointOfficer(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        let cap = try ClassificationChecks.cap(form["cap"], what: "定密权限", rule: "R-AU-5")
        _ = try await services.classification.appointOfficer(
            actor, unitID: unitID, personID: form["person_id"] ?? "", kind: form["kind"] == "statutory" ? .statutory : .designated, cap: cap)
    }

    /// 调整定密责任人: takes the officer the form names off the roster, with the reason (R-AU-5).
    func removeOfficer(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        try await services.classification.removeOfficer(
            actor, officerID: form["officer_id"] ?? "", reason: form["reason"].flatMap(RemovalReason.init(rawValue:)))
    }

    /// 作出定密授权: the unit grants 定密权 to another unit, within its own cap and for a term (R-AU-2, R-AU-3).
    func decideGrant(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        let cap = try ClassificationChecks.cap(form["cap"], what: "授权的定密权限", rule: "R-AU-3")
        let from = try ClassificationChecks.validUntil(form["valid_from"].flatMap(Day.init(iso:)), what: "授权期限")
        let until = try ClassificationChecks.validUntil(form["valid_until"].flatMap(Day.init(iso:)), what: "授权期限")
        _ = try await services.classification.decideGrant(
            actor, grantorUnitID: unitID,
            grant: Grant(
                id: "", grantorUnitID: unitID, granteeUnitID: form["grantee_unit_id"] ?? "", cap: cap, matterScope: form["matter_scope"] ?? "",
                validFrom: from, validUntil: until),
            basis: form["basis"] ?? "", reasons: form["reasons"] ?? "")
    }

    /// 撤销定密授权: revokes the grant the form names, with the reason (R-AU-4).
    func revokeGrant(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        try await services.classification.revokeGrant(actor, grantID: form["grant_id"] ?? "", reason: form["reason"] ?? "")
    }

    /// 报备定密责任人名单: files the unit's roster of 定密责任人 with the administration (R-AU-5).
    func fileRoster(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        _ = try await services.classification.fileRoster(actor, unitID: unitID)
    }

    /// 报备国家秘密事项一览表: files the unit's 一览表 with the administration (R-AU-6).
    func fileCatalogue(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        _ = try await services.classification.fileCatalogue(actor, unitID: unitID)
    }

    /// 申请定密授权: the unit applies to a grantor for 定密权, with the cap and term asked for (R-AU-3).
    func applyForGrant(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        let cap = try ClassificationChecks.cap(form["cap"], what: "申请的定密权限", rule: "R-AU-3")
        let from = try ClassificationChecks.validUntil(form["valid_from"].flatMap(Day.init(iso:)), what: "申请的授权期限")
        let until = try ClassificationChecks.validUntil(form["valid_until"].flatMap(Day.init(iso:)), what: "申请的授权期限")
        _ = try await services.classification.applyForGrant(
            actor, applicantUnitID: unitID, grantorUnitID: form["grantor_unit_id"] ?? "", cap: cap, matterScope: form["matter_scope"] ?? "",
            validFrom: from, validUntil: until, basis: form["basis"] ?? "", reasons: form["reasons"] ?? "")
    }

    /// 决定定密授权申请: grants or refuses the application the form names, with a note (R-AU-3).
    func decideApplication(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        _ = try await services.classification.decideApplication(
            actor, applicationID: form["application_id"] ?? "", approve: form["decision"] == "grant", note: form["note"] ?? "")
    }

    /// 添加或修订一览表条目: adds an entry to the unit's 国家秘密事项一览表, with the reason (R-AU-6).
    func saveCatalogueItem(_ form: FormData, _ actor: Actor, _ unitID: String) async throws {
        let marking = try Marking.parse(form["marking"] ?? "")
        let period = try ClassificationChecks.cataloguePeriod(marking)
        _ = try await services.classification.saveCatalogueItem(
            actor,
            CatalogueItem(
                id: "", unitID: unitID, code: form["code"] ?? "", name: form["name"] ?? "", level: marking.level, period: period,
                allowance: PeriodAllowance(allowsLongTerm: form["long_term"] == "1"), scope: form["scope"] ?? "",
                productionLevel: form["production_level"] ?? "", sourceDocument: form["source_document"] ?? ""), reason: form["reason"] ?? "")
    }

    /// The focused form of one action. An action the viewer may not take for the unit answers as its POST would.
    func actionPage(
        _ context: AppRequestContext, _ action: AuthorityAction, unitID: String, rowID: String?, error: (any DomainError)?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.actor()
        guard let own = actor.person?.unitID else { throw Refusal.notFound }
        if error == nil, let refusal = AuthorityActions.refusal(action, actorUnitID: own, roles: actor.roles, unitID: unitID) { throw refusal }
        let units = try await services.organisation.visibleUnits(.system)
        let persons = try await services.organisation.members(of: [unitID])
        let model = ActionModel(
            unitID: unitID, unitName: units.first { $0.id == unitID }?.name ?? "", action: action.rawValue, label: action.chinese,
            regulation: action.regulation, form: [action.rawValue.replacingOccurrences(of: "-", with: "_"): true],
            rowField: Self.rowField(action)?.field, rowID: rowID,
            units: units.filter { $0.id != unitID }.map { Option(value: $0.id, label: $0.name) },
            persons: persons.map { Option(value: $0.id, label: "\($0.name)（\($0.post)）") },
            levels: Level.allCases.reversed().map { Option(value: $0.code, label: $0.chinese) },
            reasons: RemovalReason.allCases.map { Option(value: $0.rawValue, label: $0.chinese) }, today: services.clock.today.iso)
        return views.page(
            ClassificationViews.authorityAction, title: action.chinese, session: context.session, path: "/authority", content: model,
            error: error?.messageWithRule, status: status)
    }
}
