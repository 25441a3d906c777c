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
        let objectionID: String, claim: String, reason: String, route: String, state: String, actions: [ActionLink]
    }

    struct Knower: Sendable {
        let name: String, added: String, reason: String
    }

    struct DetailModel: Sendable {
        let id: String, title: String, marking: String, markings: [String], status: String, basis: String, level: String
        let handler: String, officer: String, authority: String, issued: String, expiry: String, drafted: String, secretPoints: String
        let scope: [String], events: [Event]
        /// The actions the viewer may take now (`SecretActions`, the same decision the service enforces).
        let actions: [ActionLink]
        let knowers: [Knower], recordKnowers: Bool
        let objections: [ObjectionRow]
        let unclearDue: String?
        let decisionDue: String?
        let coUnits: String?
        let needsReview: Bool
    }

    func registerDetail(on router: Router<AppRequestContext>) {
        router.get("/secrets/:id") { _, context in
            try await detailPage(context, id: try context.parameters.require("id"), error: nil, flash: nil)
        }
        registerActions(on: router)
    }

    func detailPage(_ context: AppRequestContext, id: String, error: String?, flash: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        let page = try await services.classification.recordPage(actor, id: id)
        let (secret, events, offer) = (page.secret, page.events, page.offer)
        // Only the persons this page names (a record's page never reads the whole directory).
        let names = try await services.organisation.names(of: Array(secret.scope) + [secret.handlerPersonID, secret.officerPersonID ?? ""])
        let calendar = try await services.calendar.current()
        let due = secret.status == .unclearPendingReport ? (try? UnclearMatters.reportDue(draftedOn: secret.draftedOn, calendar: calendar))?.chinese : nil
        let decisionDue =
            secret.status == .unclearReported ? secret.reportedOn.flatMap { try? UnclearMatters.decisionDue(reportedOn: $0, calendar: calendar) }?.chinese : nil
        let (_, unitNames) = try await services.organisation.subordinates(of: actor.person?.unitID ?? "")
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
            actions: offer.onSecret.map { ActionLink(secretID: id, $0) },
            knowers: page.knowers.map {
                Knower(name: $0.name, added: formatMillis($0.addedAt), reason: $0.reason)
            },
            recordKnowers: KnowledgeScope.mustRecordKnowers(secret),
            objections: page.objections.map { o in
                ObjectionRow(
                    objectionID: o.id, claim: o.objection.claimedLevel?.chinese ?? "—", reason: o.objection.reason,
                    route: "争议未解决时报\(o.appealLevel.chinese)保密行政管理部门",
                    state: o.status == "pending"
                        ? "待答复（按主张的最高密级保护）"
                        : o.status == "appealed" ? "已申请保密行政管理部门确定（按主张的最高密级保护）" : "已答复：\(o.decision ?? "")",
                    actions: (offer.onObjections[o.id] ?? []).map { ActionLink(secretID: id, $0, objectionID: o.id) })
            },
            unclearDue: due, decisionDue: decisionDue,
            coUnits: secret.coUnitIDs.isEmpty ? nil : secret.coUnitIDs.compactMap { unitNames[$0] }.joined(separator: "、"),
            needsReview: secret.needsReview)
        return views.page(
            ClassificationViews.secret, title: "定密审核表", session: context.session, path: "/secrets", content: model, flash: flash, error: error, status: status)
    }
}

extension ActionLink {
    /// A secret's action: its form is `/secrets/:id/<action>` (with the objection it acts on).
    init(secretID: String, _ action: SecretAction, objectionID: String? = nil) {
        self.init(
            action: action.rawValue, href: "/secrets/\(secretID)/\(action.rawValue)" + (objectionID.map { "?objection=\($0)" } ?? ""),
            label: action.chinese, regulation: action.regulation)
    }
}
