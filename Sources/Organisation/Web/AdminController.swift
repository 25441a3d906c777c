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

/// The 系统管理员's pages: accounts, units, departments, persons (R-SY-1).
struct AdminController {
    let services: Services
    let views: Views

    struct UserRow: Sendable {
        let id: String, username: String, displayName: String, roles: String, person: String, locked: Bool, lastLogin: String, mustChange: Bool
    }

    struct PersonOption: Sendable {
        let id: String, label: String
    }

    struct UsersModel: Sendable {
        let users: [UserRow]
        let persons: [PersonOption]
        let created: CreatedModel?
        let pager: Pager
    }

    struct CreatedModel: Sendable {
        let username: String, password: String, otpURL: String?
    }

    struct UnitRow: Sendable {
        let id: String, name: String, kind: String, parent: String, region: String, departments: String, depth: String
    }

    struct KindOption: Sendable {
        let code: String, name: String
    }

    struct DeptOption: Sendable {
        let id: String, label: String
    }

    struct PersonRow: Sendable {
        let name: String, unit: String, department: String, post: String, title: String, tier: String, phone: String
    }

    struct UnitsModel: Sendable {
        let units: [UnitRow]
        let kinds: [KindOption]
        let departments: [DeptOption]
        let persons: [PersonRow]
        let pager: Pager
    }

    /// The 系统管理员's routes (R-SY-1): accounts, then units, departments and persons.
    func register(on router: Router<AppRequestContext>) {
        router.get("/admin/users", use: showUsers)
        router.post("/admin/users", use: createUser)
        router.post("/admin/users/:id/lock", use: lockUser)
        router.post("/admin/users/:id/unlock", use: unlockUser)
        router.post("/admin/users/:id/reset-password", use: resetPassword)
        router.get("/admin/units", use: showUnits)
        router.post("/admin/units", use: createUnit)
        router.post("/admin/departments", use: createDepartment)
        router.post("/admin/persons", use: createPerson)
    }

    private func departmentUnit(_ id: String) async throws -> String? {
        guard !id.isEmpty else { return nil }
        return try await services.organisation.unitOfDepartment(id)
    }

    private func attempt(_ context: AppRequestContext, flash: String, _ body: () async throws -> Void) async throws -> Response {
        return try await refusable {
            try await body()
            return try await unitsPage(context, error: nil, flash: flash)
        } again: { message, status in
            try await unitsPage(context, error: message, flash: nil, status: status)
        }
    }

    private func usersPage(
        _ context: AppRequestContext, created: CreatedModel?, error: String?, status: HTTPResponse.Status = .ok, query: FormData = FormData(encoded: "")
    ) async throws -> Response {
        let actor = try context.actor()
        try SeparationOfDuties.authorize(.manageAccounts, roles: actor.roles)
        let users = try await services.accounts.list(actor, page: PageRequest(cursor: query["cursor"].flatMap { PageCursor(token: $0, order: "username") }))
        let units = Dictionary(uniqueKeysWithValues: try await services.organisation.visibleUnits(actor).map { ($0.id, $0.name) })
        // Only the persons this page names, and the first 200 without an account (narrowed by 姓名 when searched).
        var byID: [String: Person] = [:]
        for id in Set(users.items.compactMap(\.personID)) { byID[id] = try await services.organisation.person(id: id) }
        let free = try await services.accounts.personsWithoutAccount(actor, search: query["person_q"])
        let rows = users.items.map {
            UserRow(
                id: $0.id, username: $0.username, displayName: $0.displayName, roles: $0.roles.sorted().map(\.chinese).joined(separator: "、"),
                person: $0.personID.flatMap { byID[$0] }.map { "\($0.name)（\(units[$0.unitID] ?? "")）" } ?? "—",
                locked: $0.locked, lastLogin: formatMillis($0.lastLoginAt), mustChange: $0.mustChangePassword)
        }
        let options = free.map { PersonOption(id: $0.id, label: "\($0.name)（\(units[$0.unitID] ?? "")）") }
        return views.page(
            OrganisationViews.users, title: "账号管理", session: context.session, path: "/admin/users",
            content: UsersModel(
                users: rows, persons: options, created: created,
                pager: Pager(users, path: "/admin/users", query: query, orders: [(value: String, label: String)](), order: "username")),
            error: error, status: status)
    }

    private func unitsPage(
        _ context: AppRequestContext, error: String?, flash: String?, status: HTTPResponse.Status = .ok, query: FormData = FormData(encoded: "")
    ) async throws -> Response {
        let actor = try context.actor()
        try SeparationOfDuties.authorize(.manageOrganisation, roles: actor.roles)
        let units = try await services.organisation.visibleUnits(actor)
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        var rows: [UnitRow] = []
        var deptOptions: [DeptOption] = []
        var deptNames: [String: String] = [:]
        func walk(_ parent: String?, depth: Int) async throws {
            for unit in units.filter({ $0.parentID == parent }).sorted(by: { $0.name < $1.name }) {
                let depts = try await services.organisation.departments(actor, unitID: unit.id)
                for d in depts {
                    deptOptions.append(DeptOption(id: d.id, label: "\(unit.name) / \(d.name)"))
                    deptNames[d.id] = d.name
                }
                rows.append(
                    UnitRow(
                        id: unit.id, name: unit.name, kind: unit.kind.chinese, parent: unit.parentID.flatMap { names[$0] } ?? "—",
                        region: unit.region, departments: depts.map(\.name).joined(separator: "、"),
                        depth: String(repeating: "　", count: depth)))
                try await walk(unit.id, depth: depth + 1)
            }
        }
        try await walk(nil, depth: 0)
        let directory = try await services.organisation.persons(
            actor, page: PageRequest(cursor: query["cursor"].flatMap { PageCursor(token: $0, order: "name") }))
        let persons = directory.items.map {
            PersonRow(
                name: $0.name, unit: names[$0.unitID] ?? "", department: $0.departmentID.flatMap { deptNames[$0] } ?? "—",
                post: $0.post, title: $0.title, tier: $0.tier.chinese, phone: $0.phone)
        }
        return views.page(
            OrganisationViews.units, title: "单位与人员", session: context.session, path: "/admin/units",
            content: UnitsModel(
                units: rows, kinds: UnitKind.all.map { KindOption(code: $0.code, name: $0.chinese) },
                departments: deptOptions, persons: persons,
                pager: Pager(directory, path: "/admin/units", query: query, orders: [(value: String, label: String)](), order: "name")),
            flash: flash, error: error, status: status)
    }
}

extension AdminController {
    /// `GET /admin/users`: the accounts page (账号管理), one page of accounts and the persons without one.
    private func showUsers(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await usersPage(context, created: nil, error: nil, query: FormData.query(request))
    }

    /// `POST /admin/users`: creates an account and shows its initial password (and one-time-password URL) on the
    /// accounts page; a refused form comes back with its message.
    private func createUser(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let form = try await csrfForm(request, context)
        return try await refusable {
            let created = try await services.accounts.create(
                actor,
                NewAccount(
                    username: form["username"] ?? "", displayName: form["display_name"] ?? "",
                    personID: form["person_id"].flatMap { $0.isEmpty ? nil : $0 }))
            return try await usersPage(
                context, created: CreatedModel(username: created.user.username, password: created.initialPassword, otpURL: created.otpURL), error: nil)
        } again: { message, status in
            try await usersPage(context, created: nil, error: message, status: status)
        }
    }

    /// `POST /admin/users/:id/lock`: locks the account (锁定), then back to the accounts page.
    private func lockUser(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await csrfForm(request, context)
        try await services.accounts.setLocked(try context.actor(), userID: context.parameters.require("id"), locked: true)
        return Response.redirect(to: "/admin/users")
    }

    /// `POST /admin/users/:id/unlock`: unlocks the account (解锁), then back to the accounts page.
    private func unlockUser(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await csrfForm(request, context)
        try await services.accounts.setLocked(try context.actor(), userID: context.parameters.require("id"), locked: false)
        return Response.redirect(to: "/admin/users")
    }

    /// `POST /admin/users/:id/reset-password`: resets the account's password (重置口令) and shows the new one on the
    /// accounts page.
    private func resetPassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await csrfForm(request, context)
        let id = try context.parameters.require("id")
        let password = try await services.accounts.resetPassword(try context.actor(), userID: id)
        let user = try await services.accounts.get(try context.actor(), id: id)
        return try await usersPage(context, created: CreatedModel(username: user.username, password: password, otpURL: nil), error: nil)
    }

    /// `GET /admin/units`: the units and persons page (单位与人员), the unit tree and one page of the directory.
    private func showUnits(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await unitsPage(context, error: nil, flash: nil, query: FormData.query(request))
    }

    /// `POST /admin/units`: creates a unit (单位) of the chosen kind under its parent.
    private func createUnit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await attempt(context, flash: "单位已创建") {
            guard let kind = UnitKind(code: form["kind"] ?? "") else { throw Refusal.invalid("kind", "请选择单位类别") }
            _ = try await services.organisation.createUnit(
                try context.actor(), name: form["name"] ?? "", kind: kind, parentID: form["parent_id"], region: form["region"] ?? "")
        }
    }

    /// `POST /admin/departments`: creates a department (部门) in a unit.
    private func createDepartment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await attempt(context, flash: "部门已创建") {
            _ = try await services.organisation.createDepartment(try context.actor(), unitID: form["unit_id"] ?? "", name: form["name"] ?? "")
        }
    }

    /// `POST /admin/persons`: registers a person (人员登记) in a unit, in the department's unit when one is chosen.
    private func createPerson(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await attempt(context, flash: "人员已登记") {
            let dept = form["department_id"] ?? ""
            let unitID = try await departmentUnit(dept) ?? (form["unit_id"] ?? "")
            _ = try await services.organisation.createPerson(
                try context.actor(),
                Person(
                    id: "", unitID: unitID, departmentID: dept.isEmpty ? nil : dept, name: form["name"] ?? "",
                    post: form["post"] ?? "", title: form["title"] ?? "", phone: form["phone"] ?? "", email: form["email"] ?? ""))
        }
    }
}
