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

    /// A `GET` form page per action, then one `POST` per action: each step names the function that performs it.
    func registerActions(on router: Router<AppRequestContext>) {
        for action in SecretAction.allCases {
            router.get(RouterPath("/secrets/:id/\(action.rawValue)")) { request, context in
                try await actionPage(context, action, id: try context.parameters.require("id"), objectionID: FormData.query(request)["objection"], error: nil)
            }
        }
        // One route per action (STYLE 3): each reads its form and calls one service operation; a refusal comes back on
        // the action's own form with its rule.
        func step(_ action: SecretAction, perform: @escaping @Sendable (FormData, Actor, String) async throws -> Void) {
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
        step(.submit, perform: submit)
        step(.approve, perform: approve)
        step(.reject, perform: reject)
        step(.amend, perform: amend)
        step(.refer, perform: referUp)
        step(.report, perform: reportUnclear)
        step(.object, perform: raiseObjection)
        step(.answer, perform: answerObjection)
        step(.annualReview, perform: recordAnnualReview)
        step(.widen, perform: widenScope)
        step(.decide, perform: decideUnclear)
        step(.change, perform: change)
        step(.appeal, perform: appealObjection)
        step(.decideAppeal, perform: decideAppeal)
        step(.recheck, perform: recheck)
        step(.correct, perform: correct)
        step(.declassify, perform: declassifyEarly)
    }

    /// 提交审核: the 承办人 hands the draft to the 定密责任人 chosen (R-CL-1).
    func submit(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        _ = try await services.classification.submit(actor, secretID: id, officerPersonID: form["officer_person_id"] ?? "")
    }

    /// 审核同意: the 定密责任人 approves the proposed marking (R-CL-1, R-CL-2).
    func approve(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        _ = try await services.classification.review(actor, secretID: id, decision: .approve)
    }

    /// 不同意定密: the 定密责任人 rejects the proposal, with the reason (R-CL-1).
    func reject(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        _ = try await services.classification.review(actor, secretID: id, decision: .reject(reason: form["reason"] ?? ""))
    }

    /// 修改后同意: the 定密责任人 approves another level or period; the secret keeps its current scope (R-CL-1).
    func amend(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        let c = services.classification
        let marking = try Marking.parse(form["marking"] ?? "")
        let current = try await c.detail(actor, id: id).secret
        _ = try await c.review(
            actor, secretID: id, decision: .amend(level: marking.level, period: marking.period, scope: current.scope, reason: form["reason"] ?? ""))
    }

    /// 报上级确定: no authority here, so the matter goes up to be decided (R-AU-1).
    func referUp(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        _ = try await services.classification.referUp(actor, secretID: id)
    }

    /// 报送保密行政管理部门: an unclear matter goes to the administration (R-CL-3).
    func reportUnclear(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        _ = try await services.classification.reportUnclear(actor, secretID: id)
    }

    /// 提出异议: disputes the classification with the marking claimed (R-CL-7).
    func raiseObjection(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        let claim = try Marking.parse(form["marking"] ?? "")
        _ = try await services.classification.raiseObjection(
            actor, secretID: id, claimedLevel: claim.level, claimedPeriod: claim.period, reason: form["reason"] ?? "")
    }

    /// 答复异议: the originating unit answers the objection the form names (R-CL-7).
    func answerObjection(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        try await services.classification.decideObjection(actor, objectionID: form["objection_id"] ?? "", decision: form["decision"] ?? "")
    }

    /// 年度审查: records the year's review of the secret (R-DC-1).
    func recordAnnualReview(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        try await services.classification.recordAnnualReview(actor, secretID: id, result: form["result"] ?? "", note: form["note"] ?? "")
    }

    /// 扩大知悉范围: a person joins the scope, with the reason and any consent reference (R-KS-3).
    func widenScope(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        _ = try await services.classification.widenScope(
            actor, secretID: id, personID: form["person_id"] ?? "", reason: form["reason"] ?? "", consentReference: form["consent"])
    }

    /// 确定不明确事项: the administration decides a reported matter — a marking, or none when left blank (R-CL-3).
    func decideUnclear(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        let text = (form["marking"] ?? "").trimmingSpaces
        _ = try await services.classification.decideUnclear(
            actor, secretID: id, marking: text.isEmpty ? nil : try Marking.parse(text), reason: form["reason"] ?? "")
    }

    /// 变更: changes the secret's level or period, with the reason (R-CH-1..3).
    func change(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        let marking = try Marking.parse(form["marking"] ?? "")
        _ = try await services.classification.change(
            actor, secretID: id, request: ChangeRequest(level: marking.level, period: marking.period, reason: form["reason"] ?? ""))
    }

    /// 申请保密行政管理部门确定: the objector takes an unresolved objection up (R-CL-7).
    func appealObjection(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        try await services.classification.appealObjection(actor, objectionID: form["objection_id"] ?? "")
    }

    /// 确定异议: the administration decides an appealed objection (R-CL-7).
    func decideAppeal(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        try await services.classification.decideAppeal(actor, objectionID: form["objection_id"] ?? "", decision: form["decision"] ?? "")
    }

    /// 复核: an officer clears the review flag of a secret whose source changed, with a note (R-DU-6).
    func recheck(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        try await services.classification.clearReviewFlag(actor, secretID: id, note: form["note"] ?? "")
    }

    /// 纠正: a superior corrects a subordinate's classification — another marking, or revoked (R-CL-8).
    func correct(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        let text = (form["marking"] ?? "").trimmingSpaces
        let correction = try Responsibility.correction(revoke: form["revoke"] == "1", marking: text.isEmpty ? nil : try Marking.parse(text))
        _ = try await services.classification.correct(
            actor, secretID: id, level: correction.level, period: correction.period, revoke: correction.revoke, reason: form["reason"] ?? "")
    }

    /// 提前解密: declassifies the secret early, with the reason and any central approval (R-DC-2, R-DC-3).
    func declassifyEarly(_ form: FormData, _ actor: Actor, _ id: String) async throws {
        _ = try await services.classification.declassify(
            actor, secretID: id, kind: .early, reason: form["reason"] ?? "", centralApproval: form["central_approval"])
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
            ClassificationViews.secretAction, title: action.chinese, session: context.session, path: "/secrets", content: model,
            error: error?.messageWithRule, status: status)
    }
}
