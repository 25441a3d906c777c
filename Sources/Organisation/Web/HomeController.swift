import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import OrganisationServices
import Storage

/// The 待办 home page, fed by every module's `TodoProvider`.
struct HomeController {
    let services: Services
    let views: Views

    struct Item: Sendable {
        let title: String
        let detail: String
        let link: String
        let due: String?
        let urgent: Bool
    }

    struct Model: Sendable {
        let items: [Item]
        let empty: Bool
        let today: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context in
            let actor = try context.actor()
            let items = try await services.todos.items(for: actor).map {
                Item(title: $0.title, detail: $0.detail, link: $0.link, due: $0.due?.chinese, urgent: $0.urgent)
            }
            return views.page(
                OrganisationViews.home, title: "待办", session: context.session, path: "/",
                content: Model(items: items, empty: items.isEmpty, today: services.clock.today.chinese))
        }
    }
}
