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

/// 定密权管理: a unit's own authority, grants (R-AU-2..4), the officer roster (R-AU-5) and the catalogue (R-AU-6).
/// For the unit's leader and 保密办, and for administration staff over their subordinate units.
struct AuthorityController {
    let services: Services
    let views: Views

    struct GrantRow: Sendable {
        let id: String, direction: String, other: String, cap: String, scope: String, term: String, state: String, canRevoke: Bool
    }

    struct OfficerRow: Sendable {
        let id: String, name: String, kind: String, cap: String, appointed: String, trained: String, state: String, active: Bool, canRemove: Bool
    }

    struct ItemRow: Sendable {
        let code: String, name: String, marking: String, scope: String, production: String, source: String, revision: Int
    }

    struct FilingRow: Sendable {
        let filingID: String, kind: String, summary: String, filedOn: String, status: String, reply: String?
    }

    struct ApplicationRow: Sendable {
        let applicationID: String, direction: String, other: String, cap: String, scope: String, term: String, basis: String, reasons: String
        let state: String, canDecide: Bool
    }

    struct RevisionRow: Sendable {
        let revision: Int, content: String, reason: String, by: String, on: String
    }

    struct Option: Sendable {
        let value: String, label: String
    }

    struct Model: Sendable {
        let unitID: String, unitName: String, ownCap: String
        /// The register's actions the viewer may take for this unit (`AuthorityActions`).
        let actions: [ActionLink]
        let grants: [GrantRow], officers: [OfficerRow], items: [ItemRow]
        let filings: [FilingRow], applications: [ApplicationRow], revisions: [RevisionRow]
        let today: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/authority") { request, context in
            try await page(context, unitID: FormData.query(request)["unit"], flash: nil, error: nil)
        }
        registerActions(on: router)
    }

    func page(_ context: AppRequestContext, unitID requested: String?, flash: String?, error: String?, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let actor = try context.actor()
        guard let own = actor.person?.unitID else { throw Refusal.notFound }
        let unitID = requested ?? own
        let register = try await services.classification.authorityRegister(actor, unitID: unitID)
        let filings = try await services.classification.filingsMade(actor, unitID: unitID)
        let applications = try await services.classification.applications(actor, unitID: unitID)
        let revisions = try await services.classification.catalogueRevisions(actor, unitID: unitID)
        let unitNames = Dictionary(uniqueKeysWithValues: try await services.organisation.visibleUnits(.system).map { ($0.id, $0.name) })
        let names = try await services.organisation.names()
        let today = services.clock.today
        let allowed = AuthorityActions.allowed(actorUnitID: own, roles: actor.roles, unitID: unitID)
        let acting = !allowed.isEmpty
        let model = Model(
            unitID: unitID, unitName: unitNames[unitID] ?? "", ownCap: register.ownCap?.chinese ?? "无",
            actions: allowed.map { ActionLink(unitID: unitID, $0) },
            grants: register.grants.map { g in
                let outgoing = g.grantorUnitID == unitID
                return GrantRow(
                    id: g.id, direction: outgoing ? "授出" : "获得", other: unitNames[outgoing ? g.granteeUnitID : g.grantorUnitID] ?? "", cap: g.cap.chinese,
                    scope: g.matterScope, term: "\(g.validFrom.chinese)—\(g.validUntil.chinese)",
                    state: g.revokedOn.map { "已撤销（\($0.chinese)）" } ?? (g.isInForce(on: today) ? "有效" : "已失效"),
                    canRevoke: acting && AuthorityActions.mayRevoke(g, by: unitID, on: today))
            },
            officers: register.officers.map { o in
                OfficerRow(
                    id: o.id, name: names[o.personID] ?? "", kind: o.kind.chinese, cap: o.cap.chinese, appointed: o.appointedOn.chinese,
                    trained: o.trainedOn?.chinese ?? "未培训", state: o.removedOn.map { "已调整（\($0.chinese)，\(o.removalReason?.chinese ?? "")）" } ?? "在任",
                    active: o.isInOffice(on: today), canRemove: acting && AuthorityActions.mayRemove(o, on: today))
            },
            items: register.catalogue.map {
                ItemRow(
                    code: $0.code, name: $0.name, marking: $0.marking.render(), scope: $0.scope, production: $0.productionLevel, source: $0.sourceDocument,
                    revision: $0.revision)
            },
            filings: filings.map {
                FilingRow(
                    filingID: $0.id, kind: services.areas.chinese($0.kind), summary: $0.summary, filedOn: $0.filedOn.chinese, status: $0.status.chinese,
                    reply: $0.reply.flatMap { $0.isEmpty ? nil : $0 })
            },
            applications: applications.map { a in
                let incoming = a.grantorUnitID == unitID
                return ApplicationRow(
                    applicationID: a.id, direction: incoming ? "收到" : "提出", other: unitNames[incoming ? a.applicantUnitID : a.grantorUnitID] ?? "",
                    cap: a.cap.chinese, scope: a.matterScope, term: "\(a.validFrom.chinese)—\(a.validUntil.chinese)", basis: a.basis, reasons: a.reasons,
                    state: a.status.chinese + (a.decisionNote.flatMap { $0.isEmpty ? nil : "（\($0)）" } ?? ""),
                    canDecide: acting && AuthorityActions.mayDecide(applicationTo: a.grantorUnitID, pending: a.status == .pending, by: unitID))
            },
            revisions: revisions.map { RevisionRow(revision: $0.revision, content: $0.content, reason: $0.reason, by: $0.changedBy, on: $0.changedOn.chinese) },
            today: today.iso)
        return views.page(
            ClassificationViews.authority, title: "定密权管理", session: context.session, path: "/authority", content: model, flash: flash, error: error,
            status: status
        )
    }
}

extension ActionLink {
    /// A register action of a unit's 定密权管理: its form is `/authority/:unit/<action>` (with the row it acts on).
    init(unitID: String, _ action: AuthorityAction, row: (name: String, id: String)? = nil) {
        self.init(
            action: action.rawValue, href: "/authority/\(unitID)/\(action.rawValue)" + (row.map { "?\($0.name)=\($0.id)" } ?? ""), label: action.chinese,
            regulation: action.regulation)
    }
}
