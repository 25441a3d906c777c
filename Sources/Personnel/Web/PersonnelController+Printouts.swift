import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Personnel
import PersonnelServices
import Storage

/// The personnel area's A4 forms (areas/personnel.md §7). The forms of one person are read through their file, so
/// they reach only whom R-PE-15 allows and each print is audited as a file read; the training forms are the keepers'.
extension PersonnelController {
    /// The forms printed from a person's file, by the path's kind.
    enum FileForm: String { case review, commitment, trip, event, departure }

    func registerPrintouts(on router: Router<AppRequestContext>) {
        router.get("/personnel/file/:person/print/:kind/:item", use: printFileForm)
        router.get("/personnel/file/:person/handovers/:id/print", use: printHandover)
        router.get("/personnel/training/plans/:year/print", use: printTrainingPlan)
        router.get("/personnel/training/classes/:id/print", use: printSignInSheet)
    }

    /// `GET /personnel/file/:person/print/:kind/:item`: one form of a person's file by its kind (资格审查表, 承诺书,
    /// 出国（境）审批表, 重大事项报告单, 离岗离职保密承诺书), read through the file so only whom R-PE-15 allows gets it.
    func printFileForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let p = services.personnel
        guard let kind = FileForm(rawValue: try context.parameters.require("kind")) else { throw Refusal.notFound }
        let item = try context.parameters.require("item")
        let file = try await p.file(actor, personID: try context.parameters.require("person"))
        let form: PersonnelForm
        switch kind {
        case .review:
            guard let review = file.reviews.first(where: { $0.id == item }) else { throw Refusal.notFound }
            // The person reading their own file is no keeper: an earlier post's name then prints as "—".
            let post = file.post?.id == review.postID ? file.post : (try? await p.posts(actor))?.first { $0.id == review.postID }
            form = .review(review, file: file, postName: post.map { "\($0.name)（涉及最高密级：\($0.highestLevel.chinese)，\($0.tier.chinese)）" } ?? "—")
        case .commitment:
            guard let commitment = file.commitments.first(where: { $0.id == item }) else { throw Refusal.notFound }
            form = .commitment(commitment, file: file)
        case .trip:
            guard let trip = file.trips.first(where: { $0.id == item }) else { throw Refusal.notFound }
            form = .trip(trip, file: file)
        case .event:
            guard let event = file.events.first(where: { $0.id == item }) else { throw Refusal.notFound }
            form = .event(event, file: file)
        case .departure:
            guard file.departures.contains(where: { $0.id == item }) else { throw Refusal.notFound }
            form = .departure(try await p.departureGate(actor, departureID: item), file: file)
        }
        return views.page(PersonnelViews.form, title: form.heading, session: context.session, path: "/personnel", content: form)
    }

    /// `GET /personnel/file/:person/handovers/:id/print`: the 移交清单 from the file of either person, 200 carriers a
    /// printed page (R-CA-15, R-PE-15, R-KS-4).
    func printHandover(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let personID = try context.parameters.require("person")
        let id = try context.parameters.require("id")
        let q = FormData.query(request)
        let page = PageRequest(limit: PageRequest.maxLimit, cursor: q["cursor"].flatMap { PageCursor(token: $0, order: "number") })
        let list = try await services.personnel.handoverList(try context.actor(), personID: personID, handoverID: id, page: page)
        let path = "/personnel/file/\(personID)/handovers/\(id)/print"
        let form = PersonnelForm.handover(
            list, back: "/personnel/file/\(personID)", pager: Pager(list.lines, path: path, query: q, orders: [], order: "number"))
        return views.page(PersonnelViews.form, title: form.heading, session: context.session, path: "/personnel", content: form)
    }

    /// `GET /personnel/training/plans/:year/print`: the year's 年度培训计划 as its A4 form (R-TR-1); not found if none.
    func printTrainingPlan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let year = Int(try context.parameters.require("year")), (2000...2100).contains(year) else { throw Refusal.notFound }
        guard let items = try await services.personnel.plan(try context.actor(), year: year) else { throw Refusal.notFound }
        let form = PersonnelForm.plan(year: year, items: items)
        return views.page(PersonnelViews.form, title: form.heading, session: context.session, path: "/personnel/training", content: form)
    }

    /// `GET /personnel/training/classes/:id/print`: a class's 保密教育培训签到表, its participants and absentees by name.
    func printSignInSheet(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let found = try await services.personnel.trainingClass(try context.actor(), id: try context.parameters.require("id"))
        let names = try await services.organisation.names(of: found.participantIDs + found.absentIDs)
        let form = PersonnelForm.signIn(found, names: names)
        return views.page(PersonnelViews.form, title: form.heading, session: context.session, path: "/personnel/training", content: form)
    }
}
