import Accounts
import Hummingbird
import Organisation
import OrganisationServices
import Storage

extension Area {
    /// 单位与人员, accounts and roles (the 三员's work, R-SY-1), the audit log, the working-day calendar, 涉密通知.
    public static let organisation = Area(
        registration: .organisation,
        tabs: [
            MenuTab("涉密通知", href: "/notices", order: 40, shown: \.isBusiness),
            MenuTab("账号管理", href: "/admin/users", order: 50, shown: { SeparationOfDuties.allows(.manageAccounts, roles: $0.roles) }),
            MenuTab("单位与人员", href: "/admin/units", order: 51, shown: { SeparationOfDuties.allows(.manageAccounts, roles: $0.roles) }),
            MenuTab("角色与涉密等级", href: "/security", order: 60, shown: { SeparationOfDuties.allows(.assignRoles, roles: $0.roles) }),
            MenuTab("审计日志", href: "/audit", order: 70, shown: { SeparationOfDuties.allows(.readAudit, roles: $0.roles) }),
            MenuTab("工作日历", href: "/calendar", order: 90, shown: { _ in true }),
        ],
        pages: { router, shell in
            AdminController(services: shell.services, views: shell.views).register(on: router)
            SecurityController(services: shell.services, views: shell.views).register(on: router)
            AuditController(services: shell.services, views: shell.views).register(on: router)
            CalendarController(services: shell.services, views: shell.views).register(on: router)
            NoticeController(services: shell.services, views: shell.views).register(on: router)
        },
        api: { api, services in
            let controller = APIController(services: services)
            controller.registerAccounts(api)
            controller.registerOrganisation(api)
            controller.registerAudit(api)
            controller.registerCalendar(api)
            controller.registerNotices(api)
        },
        authorization: [
            "GET /users": .roles([.systemAdmin, .securityAdmin]),
            "POST /users": .admin(.manageAccounts),
            "POST /users/{id}/lock": .admin(.manageAccounts),
            "POST /users/{id}/unlock": .admin(.manageAccounts),
            "POST /users/{id}/reset-password": .admin(.manageAccounts),
            "PUT /users/{id}/roles": .admin(.assignRoles),
            "GET /units": .signedIn,
            "POST /units": .admin(.manageOrganisation),
            "GET /units/{id}/departments": .signedIn,
            "POST /departments": .admin(.manageOrganisation),
            "GET /persons": .signedIn,
            "POST /persons": .admin(.manageOrganisation),
            "PUT /persons/{id}/tier": .admin(.assignClearance),
            "GET /audit": .admin(.readAudit),
            "GET /audit/verify": .admin(.readAudit),
            "GET /calendar": .signedIn,
            "POST /calendar": .admin(.manageConfiguration),
            "GET /calendar/{year}": .signedIn,
            "GET /calendar/working-days": .signedIn,
            "GET /calendar/between": .signedIn,
            "POST /markings/parse": .signedIn,
            "POST /markings/lint": .signedIn,
            // 涉密通知
            "GET /notices": .business,
            "POST /notices": .business,
            "GET /notices/{id}": .business,
        ],
        openAPI: .bundled("organisation"))
}
