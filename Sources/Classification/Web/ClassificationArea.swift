import Accounts
import ClassificationServices
import Hummingbird
import Organisation
import Storage

extension Area {
    /// 定密管理: the secrets register and its steps, 定密权 and 定密责任人, statistics, the administration's supervision.
    public static let classification = Area(
        registration: .classification,
        tabs: [
            MenuTab(
                "定密管理", href: "/secrets", order: 10, paths: ["/secrets", "/authority", "/supervision", "/statistics", "/markings"], shown: \.isBusiness,
                menu: { actor in
                    let roles = actor.roles
                    return [
                        MenuGroup("登记", [("国家秘密事项", "/secrets", true), ("拟定定密", "/secrets/new", true)]),
                        MenuGroup("定密权", [("定密权与定密责任人", "/authority", !roles.isDisjoint(with: [.leader, .secrecyOffice, .administrationStaff]))]),
                        MenuGroup(
                            "统计与监管", [("定密统计", "/secrets/statistics", true), ("下级单位定密工作", "/supervision", roles.contains(.administrationStaff))]),
                        MenuGroup("工具", [("标志检查", "/markings", true)]),
                    ]
                })
        ],
        pages: { router, shell in
            MarkingController(services: shell.services, views: shell.views).register(on: router)
            StatisticsController(services: shell.services, views: shell.views).register(on: router)
            SecretController(services: shell.services, views: shell.views).register(on: router)
            AuthorityController(services: shell.services, views: shell.views).register(on: router)
            SupervisionController(services: shell.services, views: shell.views).register(on: router)
        },
        api: { api, services in
            let controller = APIController(services: services)
            controller.registerSecrets(api)
            controller.registerAuthority(api)
            controller.registerSupervision(api)
        },
        authorization: [
            "GET /secrets": .business,
            "POST /secrets": .roles([.handler]),
            "GET /secrets/statistics": .business,
            "GET /secrets/{id}": .business,
            "POST /secrets/{id}/submit": .roles([.handler]),
            "POST /secrets/{id}/review": .business,
            "POST /secrets/{id}/refer": .business,
            "POST /secrets/{id}/change": .business,
            "POST /secrets/{id}/declassify": .business,
            "POST /secrets/{id}/report": .roles([.handler]),
            "POST /secrets/{id}/objections": .business,
            "POST /objections/{id}/answer": .business,
            "POST /objections/{id}/appeal": .business,
            "POST /objections/{id}/appeal-decision": .roles([.administrationStaff]),
            "POST /secrets/{id}/scope": .business,
            "POST /secrets/{id}/annual-review": .business,
            "POST /secrets/{id}/correct": .business,
            "POST /secrets/{id}/recheck": .business,
            "GET /authority/{unit}": .business,
            "POST /authority/{unit}/grants": APIAuthorization.unitManagers,
            "POST /grants/{id}/revoke": APIAuthorization.unitManagers,
            "POST /authority/{unit}/officers": APIAuthorization.unitManagers,
            "POST /officers/{id}/remove": APIAuthorization.unitManagers,
            "POST /authority/{unit}/catalogue": APIAuthorization.unitManagers,
            "GET /authority/{unit}/catalogue/revisions": .business,
            "GET /authority/{unit}/filings": .business,
            "POST /authority/{unit}/filings/{kind}": APIAuthorization.unitManagers,
            "GET /authority/{unit}/applications": .business,
            "POST /authority/{unit}/applications": APIAuthorization.unitManagers,
            "POST /applications/{id}/decide": APIAuthorization.unitManagers,
            "GET /supervision": .roles([.administrationStaff]),
            "GET /filings/{id}": .business,
            "POST /filings/{id}/reply": .roles([.administrationStaff]),
            "POST /statistics/filings": .roles([.leader, .secrecyOffice]),
        ],
        openAPI: .bundled("classification"))
}
