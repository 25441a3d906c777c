import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

/// 涉密通知 pages — the sample protected record (R-KS-4, R-SY-2).
struct NoticeController {
    let services: Services
    let views: Views

    struct Row: Sendable {
        let id: String, title: String, marking: String, issued: String, level: String
    }

    struct ListModel: Sendable {
        let rows: [Row]
        let count: Int
        let search: String
    }

    struct PersonBox: Sendable {
        let id: String, label: String, checked: Bool
    }

    struct FormModel: Sendable {
        let title: String, body: String, marking: String, issuedOn: String
        let persons: [PersonBox]
    }

    struct DetailModel: Sendable {
        let title: String, body: String, marking: String, issued: String, author: String, scope: [String]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/notices") { request, context in
            let actor = try context.actor()
            let search = FormData.query(request)["q"]
            let rows = try await services.notices.list(actor, search: search).map {
                Row(id: $0.id, title: $0.title, marking: $0.marking, issued: $0.issuedOn.chinese, level: $0.sensitivity.code)
            }
            return views.page(
                OrganisationViews.notices, title: "涉密通知", session: context.session, path: "/notices",
                content: ListModel(rows: rows, count: rows.count, search: search ?? ""))
        }
        router.get("/notices/new") { _, context in
            try await formPage(context, input: nil, error: nil)
        }
        router.post("/notices") { request, context in
            let form = try await csrfForm(request, context)
            let input = NewNotice(
                title: form["title"] ?? "", body: form["body"] ?? "", marking: form["marking"] ?? "", issuedOn: form["issued_on"] ?? "",
                scopePersonIDs: form.all("scope"))
            return try await refusable {
                let notice = try await services.notices.create(try context.actor(), input)
                return Response.redirect(to: "/notices/\(notice.id)")
            } again: { message, status in
                try await formPage(context, input: input, error: message, status: status)
            }
        }
        router.get("/notices/:id") { _, context in
            let actor = try context.actor()
            let (notice, scope) = try await services.notices.get(actor, id: context.parameters.require("id"))
            let names = try await services.organisation.names()
            return views.page(
                OrganisationViews.notice, title: notice.title, session: context.session, path: "/notices",
                content: DetailModel(
                    title: notice.title, body: notice.body, marking: notice.marking, issued: notice.issuedOn.chinese,
                    author: names[notice.authorPersonID] ?? "", scope: scope.compactMap { names[$0] }.sorted()))
        }
    }

    private func formPage(_ context: AppRequestContext, input: NewNotice?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        guard let me = actor.person, actor.viewer.personID != nil else { throw Refusal.notFound }
        let colleagues = try await services.organisation.members(of: [me.unitID])
        let chosen = Set(input?.scopePersonIDs ?? [])
        let model = FormModel(
            title: input?.title ?? "", body: input?.body ?? "", marking: input?.marking ?? "秘密★1年",
            issuedOn: input?.issuedOn ?? services.clock.today.iso,
            persons: colleagues.filter { $0.id != me.id }.map { PersonBox(id: $0.id, label: "\($0.name)（\($0.post)）", checked: chosen.contains($0.id)) })
        return views.page(
            OrganisationViews.noticeNew, title: "起草涉密通知", session: context.session, path: "/notices", content: model, error: error, status: status)
    }
}
