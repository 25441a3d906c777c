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

    func registerActions(on router: Router<AppRequestContext>) {
        for action in AuthorityAction.allCases {
            router.get(RouterPath("/authority/:unit/\(action.rawValue)")) { request, context in
                let row = Self.rowField(action).flatMap { FormData.query(request)[$0.query] }
                return try await actionPage(context, action, unitID: try context.parameters.require("unit"), rowID: row, error: nil)
            }
        }
        // One route per action (STYLE 3): each reads its form and calls one service operation; done, the register
        // shows again; refused, the action's form comes back with the refusal and its rule.
        func step(_ action: AuthorityAction, _ perform: @escaping @Sendable (FormData, Actor, String) async throws -> Void) {
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
        let c = services.classification
        step(.officer) { form, actor, unitID in
            let cap = try ClassificationChecks.cap(form["cap"], what: "定密权限", rule: "R-AU-5")
            _ = try await c.appointOfficer(
                actor, unitID: unitID, personID: form["person_id"] ?? "", kind: form["kind"] == "statutory" ? .statutory : .designated, cap: cap,
                trainedOn: form["trained_on"].flatMap(Day.init(iso:)))
        }
        step(.removeOfficer) { form, actor, _ in
            try await c.removeOfficer(actor, officerID: form["officer_id"] ?? "", reason: form["reason"].flatMap(RemovalReason.init(rawValue:)))
        }
        step(.grant) { form, actor, unitID in
            let cap = try ClassificationChecks.cap(form["cap"], what: "授权的定密权限", rule: "R-AU-3")
            let from = try ClassificationChecks.validUntil(form["valid_from"].flatMap(Day.init(iso:)), what: "授权期限")
            let until = try ClassificationChecks.validUntil(form["valid_until"].flatMap(Day.init(iso:)), what: "授权期限")
            _ = try await c.decideGrant(
                actor, grantorUnitID: unitID,
                grant: Grant(
                    id: "", grantorUnitID: unitID, granteeUnitID: form["grantee_unit_id"] ?? "", cap: cap, matterScope: form["matter_scope"] ?? "",
                    validFrom: from, validUntil: until),
                basis: form["basis"] ?? "", reasons: form["reasons"] ?? "")
        }
        step(.revoke) { form, actor, _ in try await c.revokeGrant(actor, grantID: form["grant_id"] ?? "", reason: form["reason"] ?? "") }
        step(.fileRoster) { _, actor, unitID in _ = try await c.fileRoster(actor, unitID: unitID) }
        step(.fileCatalogue) { _, actor, unitID in _ = try await c.fileCatalogue(actor, unitID: unitID) }
        step(.apply) { form, actor, unitID in
            let cap = try ClassificationChecks.cap(form["cap"], what: "申请的定密权限", rule: "R-AU-3")
            let from = try ClassificationChecks.validUntil(form["valid_from"].flatMap(Day.init(iso:)), what: "申请的授权期限")
            let until = try ClassificationChecks.validUntil(form["valid_until"].flatMap(Day.init(iso:)), what: "申请的授权期限")
            _ = try await c.applyForGrant(
                actor, applicantUnitID: unitID, grantorUnitID: form["grantor_unit_id"] ?? "", cap: cap, matterScope: form["matter_scope"] ?? "",
                validFrom: from, validUntil: until, basis: form["basis"] ?? "", reasons: form["reasons"] ?? "")
        }
        step(.decideApplication) { form, actor, _ in
            _ = try await c.decideApplication(
                actor, applicationID: form["application_id"] ?? "", approve: form["decision"] == "grant", note: form["note"] ?? "")
        }
        step(.catalogue) { form, actor, unitID in
            let marking = try Marking.parse(form["marking"] ?? "")
            let period = try ClassificationChecks.cataloguePeriod(marking)
            _ = try await c.saveCatalogueItem(
                actor,
                CatalogueItem(
                    id: "", unitID: unitID, code: form["code"] ?? "", name: form["name"] ?? "", level: marking.level, period: period,
                    allowance: PeriodAllowance(allowsLongTerm: form["long_term"] == "1"), scope: form["scope"] ?? "",
                    productionLevel: form["production_level"] ?? "", sourceDocument: form["source_document"] ?? ""), reason: form["reason"] ?? "")
        }
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
            "classification/authority_action", title: action.chinese, session: context.session, path: "/authority", content: model,
            error: error?.messageWithRule, status: status)
    }
}
