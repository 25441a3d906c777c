import Accounts
import CarrierServices
import Hummingbird
import Organisation
import Storage

extension Area {
    /// 载体管理: the carrier register, its steps, books, checks and cross-checks, safes and personal ledgers.
    public static let carriers = Area(
        registration: .carriers,
        tabs: [
            MenuTab(
                "载体管理", href: "/carriers", order: 20, shown: \.isBusiness,
                menu: { actor in
                    let clerk = !actor.roles.isDisjoint(with: [.secrecyClerk, .secrecyOffice])
                    return [
                        MenuGroup(
                            "登记",
                            [
                                ("载体台账", "/carriers", true), ("收文登记", "/carriers/new?mode=receive", clerk), ("制作登记", "/carriers/new?mode=produce", clerk),
                                ("导入纸质台账", "/carriers/import", clerk),
                            ]),
                        MenuGroup("检查", [("清点与清退", "/carriers/checks", clerk), ("交叉核查", "/carriers/findings", clerk)]),
                        MenuGroup("保管", [("保密柜", "/carriers/safes", true), ("个人台账", "/carriers/ledger", true)]),
                        MenuGroup(
                            "登记簿",
                            [
                                ("收文登记簿", "/carriers/books/receipt", true), ("发文登记簿", "/carriers/books/dispatch", true),
                                ("复印登记", "/carriers/books/copy", true), ("销毁清单", "/carriers/books/destruction", true),
                            ]),
                    ]
                })
        ],
        pages: { router, shell in CarrierController(services: shell.services, views: shell.views).register(on: router) },
        api: { api, services in
            let controller = APIController(services: services)
            controller.registerCarriers(api)
            controller.registerCarrierSteps(api)
        },
        authorization: [
            "GET /carriers": .business,
            "GET /carriers/{id}": .business,
            "POST /carriers/receive": APIAuthorization.clerks,
            "POST /carriers/produce": APIAuthorization.clerks,
            "POST /carriers/destroy": APIAuthorization.clerks,
            "POST /carriers/{id}/store": APIAuthorization.clerks,
            "POST /carriers/{id}/dispatch": APIAuthorization.clerks,
            "POST /carriers/{id}/circulate": APIAuthorization.clerks,
            "POST /carriers/{id}/take-back": APIAuthorization.clerks,
            "POST /carriers/{id}/lend": APIAuthorization.clerks,
            "POST /carriers/{id}/copy": APIAuthorization.clerks,
            "POST /carriers/{id}/carry-out": APIAuthorization.clerks,
            "POST /carriers/{id}/return": APIAuthorization.clerks,
            "POST /carriers/{id}/retain": APIAuthorization.clerks,
            "POST /carriers/{id}/repair": APIAuthorization.clerks,
            "POST /carriers/{id}/loss": APIAuthorization.clerks,
            "POST /carriers/{id}/forbidden": .business,
            "POST /carriers/{id}/medium-write": APIAuthorization.clerks,
            "GET /carriers/{id}/reader-log": .business,
            "GET /carriers/{id}/label": .business,
            "GET /carrier-books/{book}": .business,
            "GET /ledger/{person}": .business,
            "GET /safes": .business,
            "POST /safes": APIAuthorization.clerks,
            "GET /carrier-findings": .business,
            "GET /carrier-checks": .business,
            "POST /carrier-counts": APIAuthorization.clerks,
            "POST /carrier-imports": APIAuthorization.clerks,
            "POST /carrier-imports/csv": APIAuthorization.clerks,
            "POST /carrier-handovers": APIAuthorization.clerks,
        ],
        openAPI: .bundled("carriers"))
}
