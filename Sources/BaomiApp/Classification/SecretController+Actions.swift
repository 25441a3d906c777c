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

/// One page per action of a secret: `GET /secrets/:id/<action>` shows a focused form with what the action needs and
/// the regulation it follows; `POST` performs it and returns to the secret. Whether the action may be taken is
/// decided by `SecretActions` in the service, the same decision that put it on the secret's action bar.
extension SecretController {
    /// What an action's form page shows.
    struct ActionModel: Sendable {
        let id: String, title: String, marking: String, status: String, level: String
        let action: String, label: String, regulation: String
        /// Which form to show: `form.<action>` is true for this action only.
        let form: [String: Bool]
        let objectionID: String?
        let officers: [Option], candidates: [Option]
        let results: [String]
    }

    func registerActions(on router: Router<AppRequestContext>) {
        for action in SecretAction.allCases {
            router.get(RouterPath("/secrets/:id/\(action.rawValue)")) { request, context in
                try await actionPage(context, action, id: try context.parameters.require("id"), objectionID: FormData.query(request)["objection"], error: nil)
            }
        }
        let c = services.classification
        // One route per action (STYLE 3): each reads its form and calls one service operation; a refusal comes back on
        // the action's own form with its rule.
        func step(_ action: SecretAction, _ perform: @escaping @Sendable (FormData, Actor, String) async throws -> Void) {
            actionRoute(
                router, "/secrets/:id/\(action.rawValue)", param: "id",
                perform: { _, form, actor, id in
                    try await perform(form, actor, id)
                    return Response.redirect(to: "/secrets/\(id)")
                },
                refused: { context, id, form, error in
                    try await actionPage(context, action, id: id, objectionID: form["objection_id"], error: error, status: ErrorMapping.status(error.kind))
                })
        }
        step(.submit) { form, actor, id in _ = try await c.submit(actor, secretID: id, officerPersonID: form["officer_person_id"] ?? "") }
        step(.approve) { _, actor, id in _ = try await c.review(actor, secretID: id, decision: .approve) }
        step(.reject) { form, actor, id in _ = try await c.review(actor, secretID: id, decision: .reject(reason: form["reason"] ?? "")) }
        step(.amend) { form, actor, id in
            let marking = try Marking.parse(form["marking"] ?? "")
            let current = try await c.detail(actor, id: id).secret
            _ = try await c.review(
                actor, secretID: id, decision: .amend(level: marking.level, period: marking.period, scope: current.scope, reason: form["reason"] ?? ""))
        }
        step(.refer) { _, actor, id in _ = try await c.referUp(actor, secretID: id) }
        step(.report) { _, actor, id in _ = try await c.reportUnclear(actor, secretID: id) }
        step(.object) { form, actor, id in
            let claim = try Marking.parse(form["marking"] ?? "")
            _ = try await c.raiseObjection(actor, secretID: id, claimedLevel: claim.level, claimedPeriod: claim.period, reason: form["reason"] ?? "")
        }
        step(.answer) { form, actor, _ in try await c.decideObjection(actor, objectionID: form["objection_id"] ?? "", decision: form["decision"] ?? "") }
        step(.annualReview) { form, actor, id in
            try await c.recordAnnualReview(actor, secretID: id, result: form["result"] ?? "", note: form["note"] ?? "")
        }
        step(.widen) { form, actor, id in
            _ = try await c.widenScope(actor, secretID: id, personID: form["person_id"] ?? "", reason: form["reason"] ?? "", consentReference: form["consent"])
        }
        step(.decide) { form, actor, id in
            let text = (form["marking"] ?? "").trimmingCharacters(in: .whitespaces)
            _ = try await c.decideUnclear(actor, secretID: id, marking: text.isEmpty ? nil : try Marking.parse(text), reason: form["reason"] ?? "")
        }
        step(.change) { form, actor, id in
            let marking = try Marking.parse(form["marking"] ?? "")
            _ = try await c.change(actor, secretID: id, request: ChangeRequest(level: marking.level, period: marking.period, reason: form["reason"] ?? ""))
        }
        step(.appeal) { form, actor, _ in try await c.appealObjection(actor, objectionID: form["objection_id"] ?? "") }
        step(.decideAppeal) { form, actor, _ in
            try await c.decideAppeal(actor, objectionID: form["objection_id"] ?? "", decision: form["decision"] ?? "")
        }
        step(.recheck) { form, actor, id in try await c.clearReviewFlag(actor, secretID: id, note: form["note"] ?? "") }
        step(.correct) { form, actor, id in
            let text = (form["marking"] ?? "").trimmingCharacters(in: .whitespaces)
            let correction = try Responsibility.correction(revoke: form["revoke"] == "1", marking: text.isEmpty ? nil : try Marking.parse(text))
            _ = try await c.correct(
                actor, secretID: id, level: correction.level, period: correction.period, revoke: correction.revoke, reason: form["reason"] ?? "")
        }
        step(.declassify) { form, actor, id in
            _ = try await c.declassify(actor, secretID: id, kind: .early, reason: form["reason"] ?? "", centralApproval: form["central_approval"])
        }
    }

    /// The focused form of one action. An action the viewer may not take now answers as its POST would (a hidden
    /// secret is 404, R-KS-4); after a refused POST the form comes back with the refusal and its rule.
    func actionPage(
        _ context: AppRequestContext, _ action: SecretAction, id: String, objectionID: String?, error: (any DomainError)?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.actor()
        let c = services.classification
        if error == nil { try await c.checkAction(actor, action, secretID: id, objectionID: objectionID) }
        let secret = try await c.detail(actor, id: id).secret
        var officers: [Option] = []
        var candidates: [Option] = []
        if action == .submit {
            let names = try await services.organisation.names()
            officers = try await c.ownOfficers(actor).filter { $0.personID != secret.handlerPersonID }.map {
                Option(value: $0.personID, label: "\(names[$0.personID] ?? "")（\($0.kind.chinese)，\($0.cap.chinese)）", selected: false)
            }
        }
        if action == .widen {
            candidates = try await services.organisation.members(of: nil).filter { !secret.scope.contains($0.id) && $0.tier.covers(.stateSecret(secret.level)) }
                .map { Option(value: $0.id, label: "\($0.name)（\($0.post)）", selected: false) }
        }
        let model = ActionModel(
            id: id, title: secret.title, marking: secret.marking.render(), status: secret.status.chinese, level: secret.level.code, action: action.rawValue,
            label: action.chinese, regulation: action.regulation, form: [action.rawValue.replacingOccurrences(of: "-", with: "_"): true],
            objectionID: objectionID, officers: officers,
            candidates: candidates, results: ClassificationChecks.annualReviewResults)
        return views.page(
            "classification/secret_action", title: action.chinese, session: context.session, path: "/secrets", content: model,
            error: error?.messageWithRule, status: status)
    }
}
