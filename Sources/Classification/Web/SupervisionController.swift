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

/// 监管: a secrecy administration's view over its subordinate units' 定密 work — 备案 received (R-AU-3, R-AU-5,
/// R-AU-6, R-RP-2), unclear matters to decide with their clock (R-CL-3), objections appealed (R-CL-7). Plus the
/// printout of any filing, for the unit that made it and the administration that received it.
struct SupervisionController {
    let services: Services
    let views: Views

    struct FilingRow: Sendable {
        let filingID: String, unit: String, kind: String, summary: String, filedOn: String, filedBy: String, status: String, reply: String?, open: Bool
    }

    struct UnclearRow: Sendable {
        let secretID: String, title: String, unit: String, marking: String, reported: String, due: String, overdue: Bool
    }

    struct AppealRowView: Sendable {
        let secretID: String, objectionID: String, title: String, unit: String, claim: String, reason: String, answer: String, appealed: String
    }

    struct Model: Sendable {
        let administration: String
        let filings: [FilingRow], unclear: [UnclearRow], appeals: [AppealRowView]
        let openFilings: Int
    }

    struct FilingModel: Sendable {
        let kind: String, unit: String, filedWith: String, filedOn: String, filedBy: String, status: String, reply: String?, repliedBy: String?
        let lines: [String]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/supervision") { _, context in try await page(context, flash: nil, error: nil) }
        router.post("/supervision/filings/:id") { request, context in
            let form = try await csrfForm(request, context)
            return try await refusable {
                try await services.classification.replyFiling(
                    try context.actor(), filingID: try context.parameters.require("id"), accept: form["decision"] != "return", reply: form["reply"] ?? "")
                return try await page(context, flash: "已办理", error: nil)
            } again: { message, status in
                try await page(context, flash: nil, error: message, status: status)
            }
        }
        router.get("/filings/:id") { _, context in
            let actor = try context.actor()
            let filing = try await services.classification.filing(actor, id: try context.parameters.require("id"))
            let names = try await unitNames()
            let model = FilingModel(
                kind: services.areas.chinese(filing.kind), unit: names[filing.unitID] ?? "", filedWith: names[filing.filedWithUnitID] ?? "",
                filedOn: filing.filedOn.chinese,
                filedBy: filing.filedBy, status: filing.status.chinese, reply: filing.reply.flatMap { $0.isEmpty ? nil : $0 }, repliedBy: filing.repliedBy,
                lines: filing.content.components(separatedBy: "\n"))
            return views.page(
                ClassificationViews.filing, title: "备案：\(services.areas.chinese(filing.kind))", session: context.session, path: "/supervision", content: model)
        }
    }

    private func unitNames() async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await services.organisation.visibleUnits(.system).map { ($0.id, $0.name) })
    }

    private func page(_ context: AppRequestContext, flash: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let overview = try await services.classification.supervision(try context.actor())
        let names = overview.unitNames
        let today = services.clock.today
        let model = Model(
            administration: overview.administration.name,
            filings: overview.filings.map {
                FilingRow(
                    filingID: $0.id, unit: names[$0.unitID] ?? "", kind: services.areas.chinese($0.kind), summary: $0.summary, filedOn: $0.filedOn.chinese,
                    filedBy: $0.filedBy, status: $0.status.chinese, reply: $0.reply.flatMap { $0.isEmpty ? nil : $0 }, open: $0.status == .filed)
            },
            unclear: overview.unclear.map { item in
                UnclearRow(
                    secretID: item.secret.id, title: item.secret.title, unit: names[item.secret.unitID] ?? "", marking: item.secret.marking.render(),
                    reported: item.secret.reportedOn?.chinese ?? "—", due: item.due?.chinese ?? "无法计算（工作日历未导入）",
                    overdue: item.due.map { UnclearMatters.isOverdue(due: $0, today: today) } ?? false)
            },
            appeals: overview.appeals.map {
                AppealRowView(
                    secretID: $0.secret.id, objectionID: $0.objectionID, title: $0.secret.title, unit: names[$0.secret.unitID] ?? "",
                    claim: $0.claimedLevel?.chinese ?? "—", reason: $0.reason, answer: $0.unitAnswer ?? "未答复", appealed: $0.appealedOn?.chinese ?? "—")
            },
            openFilings: overview.filings.filter { $0.status == .filed }.count)
        return views.page(
            ClassificationViews.supervision, title: "下级单位定密工作", session: context.session, path: "/supervision", content: model, flash: flash, error: error,
            status: status)
    }
}
