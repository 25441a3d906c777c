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
        let id: String, name: String, kind: String, cap: String, appointed: String, trained: String, state: String, active: Bool
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
        let grants: [GrantRow], officers: [OfficerRow], items: [ItemRow]
        let filings: [FilingRow], applications: [ApplicationRow], revisions: [RevisionRow]
        let units: [Option], persons: [Option], levels: [Option], reasons: [Option]
        let today: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/authority") { request, context in
            try await page(context, unitID: FormData.query(request)["unit"], flash: nil, error: nil)
        }
        // One route per action (STYLE 3): each reads its form, calls one service operation and shows the register again,
        // with a refusal and its rule when a rule says no.
        func step(_ name: String, _ perform: @escaping @Sendable (FormData, Actor, String) async throws -> Void) {
            actionRoute(
                router, "/authority/:unit/\(name)", param: "unit", shown: [.validation, .conflict],
                perform: { context, form, actor, unitID in
                    try await perform(form, actor, unitID)
                    return try await page(context, unitID: unitID, flash: "已保存", error: nil)
                },
                refused: { context, unitID, error in
                    try await page(context, unitID: unitID, flash: nil, error: error.messageWithRule, status: ErrorMapping.status(error.kind))
                })
        }
        let c = services.classification
        step("officer") { form, actor, unitID in
            let cap = try ClassificationChecks.cap(form["cap"], what: "定密权限", rule: "R-AU-5")
            _ = try await c.appointOfficer(
                actor, unitID: unitID, personID: form["person_id"] ?? "", kind: form["kind"] == "statutory" ? .statutory : .designated, cap: cap,
                trainedOn: form["trained_on"].flatMap(Day.init(iso:)))
        }
        step("remove-officer") { form, actor, unitID in
            try await c.removeOfficer(actor, officerID: form["officer_id"] ?? "", reason: form["reason"].flatMap(RemovalReason.init(rawValue:)))
        }
        step("grant") { form, actor, unitID in
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
        step("revoke") { form, actor, unitID in
            try await c.revokeGrant(actor, grantID: form["grant_id"] ?? "", reason: form["reason"] ?? "")
        }
        step("file-roster") { _, actor, unitID in
            _ = try await c.fileRoster(actor, unitID: unitID)
        }
        step("file-catalogue") { _, actor, unitID in
            _ = try await c.fileCatalogue(actor, unitID: unitID)
        }
        step("apply") { form, actor, unitID in
            let cap = try ClassificationChecks.cap(form["cap"], what: "申请的定密权限", rule: "R-AU-3")
            let from = try ClassificationChecks.validUntil(form["valid_from"].flatMap(Day.init(iso:)), what: "申请的授权期限")
            let until = try ClassificationChecks.validUntil(form["valid_until"].flatMap(Day.init(iso:)), what: "申请的授权期限")
            _ = try await c.applyForGrant(
                actor, applicantUnitID: unitID, grantorUnitID: form["grantor_unit_id"] ?? "", cap: cap, matterScope: form["matter_scope"] ?? "",
                validFrom: from, validUntil: until, basis: form["basis"] ?? "", reasons: form["reasons"] ?? "")
        }
        step("decide-application") { form, actor, unitID in
            _ = try await c.decideApplication(
                actor, applicationID: form["application_id"] ?? "", approve: form["decision"] == "grant", note: form["note"] ?? "")
        }
        step("catalogue") { form, actor, unitID in
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

    private func page(_ context: AppRequestContext, unitID requested: String?, flash: String?, error: String?, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let actor = try context.actor()
        guard let own = actor.person?.unitID else { throw Refusal.notFound }
        let unitID = requested ?? own
        let register = try await services.classification.authorityRegister(actor, unitID: unitID)
        let filings = try await services.classification.filingsMade(actor, unitID: unitID)
        let applications = try await services.classification.applications(actor, unitID: unitID)
        let revisions = try await services.classification.catalogueRevisions(actor, unitID: unitID)
        let units = try await services.organisation.visibleUnits(.system)
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let persons = try await services.organisation.members(of: nil)
        let names = Dictionary(uniqueKeysWithValues: persons.map { ($0.id, $0.name) })
        let today = services.clock.today
        let model = Model(
            unitID: unitID, unitName: unitNames[unitID] ?? "", ownCap: register.ownCap?.chinese ?? "无",
            grants: register.grants.map { g in
                let outgoing = g.grantorUnitID == unitID
                return GrantRow(
                    id: g.id, direction: outgoing ? "授出" : "获得", other: unitNames[outgoing ? g.granteeUnitID : g.grantorUnitID] ?? "", cap: g.cap.chinese,
                    scope: g.matterScope, term: "\(g.validFrom.chinese)—\(g.validUntil.chinese)",
                    state: g.revokedOn.map { "已撤销（\($0.chinese)）" } ?? (g.isInForce(on: today) ? "有效" : "已失效"), canRevoke: outgoing && g.isInForce(on: today))
            },
            officers: register.officers.map { o in
                OfficerRow(
                    id: o.id, name: names[o.personID] ?? "", kind: o.kind.chinese, cap: o.cap.chinese, appointed: o.appointedOn.chinese,
                    trained: o.trainedOn?.chinese ?? "未培训", state: o.removedOn.map { "已调整（\($0.chinese)，\(o.removalReason?.chinese ?? "")）" } ?? "在任",
                    active: o.isInOffice(on: today))
            },
            items: register.catalogue.map {
                ItemRow(
                    code: $0.code, name: $0.name, marking: $0.marking.render(), scope: $0.scope, production: $0.productionLevel, source: $0.sourceDocument,
                    revision: $0.revision)
            },
            filings: filings.map {
                FilingRow(
                    filingID: $0.id, kind: $0.kind.chinese, summary: $0.summary, filedOn: $0.filedOn.chinese, status: $0.status.chinese,
                    reply: $0.reply.flatMap { $0.isEmpty ? nil : $0 })
            },
            applications: applications.map { a in
                let incoming = a.grantorUnitID == unitID
                return ApplicationRow(
                    applicationID: a.id, direction: incoming ? "收到" : "提出", other: unitNames[incoming ? a.applicantUnitID : a.grantorUnitID] ?? "",
                    cap: a.cap.chinese, scope: a.matterScope, term: "\(a.validFrom.chinese)—\(a.validUntil.chinese)", basis: a.basis, reasons: a.reasons,
                    state: a.status.chinese + (a.decisionNote.flatMap { $0.isEmpty ? nil : "（\($0)）" } ?? ""), canDecide: incoming && a.status == .pending)
            },
            revisions: revisions.map { RevisionRow(revision: $0.revision, content: $0.content, reason: $0.reason, by: $0.changedBy, on: $0.changedOn.chinese) },
            units: units.filter { $0.id != unitID }.map { Option(value: $0.id, label: $0.name) },
            persons: persons.filter { $0.unitID == unitID }.map { Option(value: $0.id, label: "\($0.name)（\($0.post)）") },
            levels: Level.allCases.reversed().map { Option(value: $0.code, label: $0.chinese) },
            reasons: RemovalReason.allCases.map { Option(value: $0.rawValue, label: $0.chinese) }, today: today.iso)
        return views.page(
            "classification/authority", title: "定密权管理", session: context.session, path: "/authority", content: model, flash: flash, error: error, status: status
        )
    }
}
