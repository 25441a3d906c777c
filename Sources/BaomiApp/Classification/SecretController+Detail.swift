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

extension SecretController {
    struct Event: Sendable {
        let at: String, actor: String, summary: String, marking: String
    }

    struct ObjectionRow: Sendable {
        let objectionID: String, claim: String, reason: String, route: String, state: String, pending: Bool, canAppeal: Bool, canDecideAppeal: Bool
    }

    struct Knower: Sendable {
        let name: String, added: String, reason: String
    }

    struct DetailModel: Sendable {
        let id: String, title: String, marking: String, markings: [String], status: String, basis: String, level: String
        let handler: String, officer: String, authority: String, issued: String, expiry: String, drafted: String, secretPoints: String
        let scope: [String], events: [Event]
        let canSubmit: Bool, canReview: Bool, canRefer: Bool, canChange: Bool, canDeclassify: Bool, canReport: Bool, canDecide: Bool
        let officers: [Option]
        let knowers: [Knower], recordKnowers: Bool, canWiden: Bool, candidates: [Option]
        let objections: [ObjectionRow], canObject: Bool, canAnswer: Bool
        let unclearDue: String?
        let decisionDue: String?
        let coUnits: String?
        let needsReview: Bool, canRecheck: Bool, canCorrect: Bool
    }

    func registerDetail(on router: Router<AppRequestContext>) {
        router.get("/secrets/:id") { _, context in
            try await detailPage(context, id: try context.parameters.require("id"), error: nil, flash: nil)
        }
        // One route per action (STYLE 3): each reads its form, calls one service operation and returns to the secret's
        // page, which shows a refusal and its rule when a rule says no.
        func step(_ name: String, _ perform: @escaping @Sendable (FormData, Actor, String) async throws -> Void) {
            actionRoute(
                router, "/secrets/:id/\(name)", param: "id", shown: [.validation, .conflict],
                perform: { _, form, actor, id in
                    try await perform(form, actor, id)
                    return Response.redirect(to: "/secrets/\(id)")
                },
                refused: { context, id, error in
                    try await detailPage(context, id: id, error: error.messageWithRule, flash: nil, status: ErrorMapping.status(error.kind))
                })
        }
        let c = services.classification
        step("submit") { form, actor, id in
            _ = try await c.submit(actor, secretID: id, officerPersonID: form["officer_person_id"] ?? "")
        }
        step("approve") { _, actor, id in
            _ = try await c.review(actor, secretID: id, decision: .approve)
        }
        step("reject") { form, actor, id in
            _ = try await c.review(actor, secretID: id, decision: .reject(reason: form["reason"] ?? ""))
        }
        step("amend") { form, actor, id in
            let marking = try Marking.parse(form["marking"] ?? "")
            let current = try await c.detail(actor, id: id).secret
            _ = try await c.review(
                actor, secretID: id, decision: .amend(level: marking.level, period: marking.period, scope: current.scope, reason: form["reason"] ?? ""))
        }
        step("refer") { _, actor, id in
            _ = try await c.referUp(actor, secretID: id)
        }
        step("report") { _, actor, id in
            _ = try await c.reportUnclear(actor, secretID: id)
        }
        step("object") { form, actor, id in
            let claim = try Marking.parse(form["marking"] ?? "")
            _ = try await c.raiseObjection(actor, secretID: id, claimedLevel: claim.level, claimedPeriod: claim.period, reason: form["reason"] ?? "")
        }
        step("answer") { form, actor, id in
            try await c.decideObjection(actor, objectionID: form["objection_id"] ?? "", decision: form["decision"] ?? "")
        }
        step("annual-review") { form, actor, id in
            try await c.recordAnnualReview(actor, secretID: id, result: form["result"] ?? "", note: form["note"] ?? "")
        }
        step("widen") { form, actor, id in
            _ = try await c.widenScope(
                actor, secretID: id, personID: form["person_id"] ?? "", reason: form["reason"] ?? "", consentReference: form["consent"])
        }
        step("decide") { form, actor, id in
            let text = (form["marking"] ?? "").trimmingCharacters(in: .whitespaces)
            _ = try await c.decideUnclear(actor, secretID: id, marking: text.isEmpty ? nil : try Marking.parse(text), reason: form["reason"] ?? "")
        }
        step("change") { form, actor, id in
            let marking = try Marking.parse(form["marking"] ?? "")
            _ = try await c.change(
                actor, secretID: id, request: ChangeRequest(level: marking.level, period: marking.period, reason: form["reason"] ?? ""))
        }
        step("appeal") { form, actor, id in
            try await c.appealObjection(actor, objectionID: form["objection_id"] ?? "")
        }
        step("decide-appeal") { form, actor, id in
            try await c.decideAppeal(actor, objectionID: form["objection_id"] ?? "", decision: form["decision"] ?? "")
        }
        step("recheck") { form, actor, id in
            try await c.clearReviewFlag(actor, secretID: id, note: form["note"] ?? "")
        }
        step("correct") { form, actor, id in
            let revoke = form["revoke"] == "1"
            let text = (form["marking"] ?? "").trimmingCharacters(in: .whitespaces)
            let marking = revoke || text.isEmpty ? nil : try Marking.parse(text)
            if !revoke, marking == nil { throw Refusal.invalid("marking", "请填写纠正后的密级和期限，或选择撤销定密", rule: "R-CL-8") }
            _ = try await c.correct(
                actor, secretID: id, level: marking?.level, period: marking?.period, revoke: revoke, reason: form["reason"] ?? "")
        }
        step("declassify") { form, actor, id in
            _ = try await c.declassify(actor, secretID: id, kind: .early, reason: form["reason"] ?? "", centralApproval: form["central_approval"])
        }
    }

    func detailPage(_ context: AppRequestContext, id: String, error: String?, flash: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        let (secret, events) = try await services.classification.detail(actor, id: id)
        let persons = try await services.organisation.members(of: nil)
        let names = Dictionary(uniqueKeysWithValues: persons.map { ($0.id, $0.name) })
        let me = actor.person?.id
        let officers = try await services.classification.ownOfficers(actor)
        let amOfficer = officers.contains { $0.personID == me }
        let calendar = try await services.calendar.current()
        let due = secret.status == .unclearPendingReport ? (try? UnclearMatters.reportDue(draftedOn: secret.draftedOn, calendar: calendar))?.chinese : nil
        let decisionDue =
            secret.status == .unclearReported ? secret.reportedOn.flatMap { try? UnclearMatters.decisionDue(reportedOn: $0, calendar: calendar) }?.chinese : nil
        let myUnit = actor.person?.unitID ?? ""
        let (subordinates, unitNames) = try await services.organisation.subordinates(of: myUnit)
        let isStaff = actor.roles.contains(.administrationStaff)
        let authority: String =
            switch secret.authority {
            case .own(let level)?: "本单位定密权（\(level.chinese)）"
            case .grant(_, let level)?: "定密授权（\(level.chinese)）"
            case nil: "—"
            }
        let model = DetailModel(
            id: secret.id, title: secret.title, marking: secret.marking.render(), markings: secret.markings, status: secret.status.chinese,
            basis: secret.basis.chinese, level: secret.level.code, handler: names[secret.handlerPersonID] ?? "",
            officer: secret.officerPersonID.flatMap { names[$0] } ?? "—",
            authority: authority, issued: secret.issueDate?.chinese ?? "—", expiry: secret.expiry?.chinese ?? (secret.period == nil ? "—" : "按解密条件或长期"),
            drafted: secret.draftedOn.chinese, secretPoints: secret.secretPoints, scope: secret.scope.compactMap { names[$0] }.sorted(),
            events: events.map { Event(at: formatMillis($0.at), actor: $0.actorName, summary: $0.summary, marking: $0.marking) },
            canSubmit: secret.status == .draft && secret.handlerPersonID == me,
            canReview: (secret.status == .inReview && secret.officerPersonID == me) || (secret.status == .referredUp && secret.unitID != actor.person?.unitID),
            canRefer: (secret.status == .draft || secret.status == .inReview) && (secret.handlerPersonID == me || secret.officerPersonID == me),
            canChange: secret.status == .inForce && amOfficer && secret.unitID == actor.person?.unitID,
            canDeclassify: secret.status == .inForce && amOfficer && secret.unitID == actor.person?.unitID,
            canReport: secret.status == .unclearPendingReport && secret.handlerPersonID == me,
            canDecide: secret.status == .unclearReported && actor.roles.contains(.administrationStaff),
            officers: officers.filter { $0.personID != secret.handlerPersonID }.map {
                Option(value: $0.personID, label: "\(names[$0.personID] ?? "")（\($0.kind.chinese)，\($0.cap.chinese)）", selected: false)
            },
            knowers: try await services.classification.knowers(actor, secretID: id).map {
                Knower(name: $0.name, added: formatMillis($0.addedAt), reason: $0.reason)
            },
            recordKnowers: KnowledgeScope.mustRecordKnowers(secret), canWiden: secret.status.isProtected,
            candidates: persons.filter { !secret.scope.contains($0.id) && $0.tier.covers(.stateSecret(secret.level)) }.map {
                Option(value: $0.id, label: "\($0.name)（\($0.post)）", selected: false)
            },
            objections: try await services.classification.objections(actor, secretID: id).map {
                ObjectionRow(
                    objectionID: $0.id, claim: $0.objection.claimedLevel?.chinese ?? "—", reason: $0.objection.reason,
                    route: "争议未解决时报\($0.appealLevel.chinese)保密行政管理部门",
                    state: $0.status == "pending"
                        ? "待答复（按主张的最高密级保护）"
                        : $0.status == "appealed" ? "已申请保密行政管理部门确定（按主张的最高密级保护）" : "已答复：\($0.decision ?? "")",
                    pending: $0.status == "pending", canAppeal: $0.objection.raisedBy == me && ($0.status == "pending" || $0.status == "decided"),
                    canDecideAppeal: $0.status == "appealed" && isStaff)
            },
            canObject: secret.status == .inForce, canAnswer: amOfficer && secret.unitID == actor.person?.unitID,
            unclearDue: due, decisionDue: decisionDue,
            coUnits: secret.coUnitIDs.isEmpty ? nil : secret.coUnitIDs.compactMap { unitNames[$0] }.joined(separator: "、"),
            needsReview: secret.needsReview, canRecheck: secret.needsReview && amOfficer && secret.unitID == myUnit,
            canCorrect: secret.status == .inForce && subordinates.contains(secret.unitID) && (isStaff || amOfficer))
        return views.page(
            "classification/secret", title: "定密审核表", session: context.session, path: "/secrets", content: model, flash: flash, error: error, status: status)
    }
}
