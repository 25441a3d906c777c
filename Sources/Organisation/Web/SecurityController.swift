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
import PersonnelServices
import Storage

/// The 安全保密管理员's page: business roles of accounts and clearance tiers of persons (R-SY-1, R-PE-1).
struct SecurityController {
    let services: Services
    let views: Views

    struct RoleBox: Sendable {
        let code: String, name: String, checked: Bool
    }

    struct AccountRow: Sendable {
        let id: String, username: String, displayName: String, administrator: String?, boxes: [RoleBox]
    }

    struct TierOption: Sendable {
        let code: String, name: String, selected: Bool
    }

    struct PersonRow: Sendable {
        let id: String, name: String, unit: String, post: String, tiers: [TierOption]
    }

    struct Model: Sendable {
        let accounts: [AccountRow]
        let persons: [PersonRow]
        let accountsPager: Pager, personsPager: Pager
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/security") { request, context in
            try await page(context, flash: nil, error: nil, query: FormData.query(request))
        }
        router.post("/security/users/:id/roles") { request, context in
            let form = try await csrfForm(request, context)
            return try await refusable {
                let roles = Set(form.all("role").compactMap(Role.init(rawValue:)))
                try await services.accounts.setRoles(try context.actor(), userID: context.parameters.require("id"), roles: roles)
                return try await page(context, flash: "角色已更新", error: nil)
            } again: { message, status in
                try await page(context, flash: nil, error: message, status: status)
            }
        }
        router.post("/security/persons/:id/tier") { request, context in
            let form = try await csrfForm(request, context)
            guard let tier = ClearanceTier(rawValue: form["tier"] ?? "") else {
                return try await page(context, flash: nil, error: "请选择涉密等级", status: .badRequest)
            }
            try await services.personnel.setTier(try context.actor(), personID: context.parameters.require("id"), tier: tier)
            return try await page(context, flash: "涉密等级已更新", error: nil)
        }
    }

    private func page(
        _ context: AppRequestContext, flash: String?, error: String?, status: HTTPResponse.Status = .ok, query: FormData = FormData(encoded: "")
    ) async throws -> Response {
        let actor = try context.actor()
        try SeparationOfDuties.authorize(.assignRoles, roles: actor.roles)
        let q = query
        let users = try await services.accounts.list(actor, page: PageRequest(cursor: q["cursor"].flatMap { PageCursor(token: $0, order: "username") }))
        let units = Dictionary(uniqueKeysWithValues: try await services.organisation.visibleUnits(actor).map { ($0.id, $0.name) })
        let accounts = users.items.map { u in
            AccountRow(
                id: u.id, username: u.username, displayName: u.displayName,
                administrator: u.roles.first(where: \.isAdministrator)?.chinese,
                boxes: Role.businessRoles.map { RoleBox(code: $0.rawValue, name: $0.chinese, checked: u.roles.contains($0)) })
        }
        let directory = try await services.organisation.persons(
            actor, page: PageRequest(cursor: q["pcursor"].flatMap { PageCursor(token: $0, order: "name") }))
        let persons = directory.items.map { p in
            PersonRow(
                id: p.id, name: p.name, unit: units[p.unitID] ?? "", post: p.post,
                tiers: ClearanceTier.allCases.map { TierOption(code: $0.rawValue, name: $0.chinese, selected: $0 == p.tier) })
        }
        return views.page(
            OrganisationViews.security, title: "角色与涉密等级", session: context.session, path: "/security",
            content: Model(
                accounts: accounts, persons: persons,
                accountsPager: Pager(users, path: "/security", query: q, orders: [(value: String, label: String)](), order: "username"),
                personsPager: Pager(directory, path: "/security", query: q, orders: [(value: String, label: String)](), order: "name", param: "pcursor")),
            flash: flash, error: error, status: status)
    }
}
