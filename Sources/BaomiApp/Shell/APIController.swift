import Accounts
import Areas
import Audit
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

/// `/api/v1`: the same operations as the web UI, as JSON, described by `/api/v1/openapi.json`.
struct APIController {
    let services: Services

    struct TokenRequest: Codable { let username: String; let password: String; let otp: String? }
    struct TokenResponse: Codable { let token: String; let idleTimeoutSeconds: Int; let user: MeDTO }
    struct PasswordRequest: Codable { let oldPassword: String; let newPassword: String; let confirm: String }
    struct NewUserRequest: Codable { let username: String; let displayName: String; let personId: String? }
    struct CreatedUserResponse: Codable { let user: UserDTO; let initialPassword: String; let otpUrl: String? }
    struct PasswordResponse: Codable { let password: String }
    struct RolesRequest: Codable { let roles: [String] }
    struct NewUnitRequest: Codable { let name: String; let kind: String; let parentId: String?; let region: String? }
    struct NewDepartmentRequest: Codable { let unitId: String; let name: String }
    struct NewPersonRequest: Codable {
        let unitId: String; let departmentId: String?; let name: String; let post: String?; let title: String?; let phone: String?; let email: String?
    }
    struct TierRequest: Codable { let tier: String }
    struct DepartmentDTO: Codable { let id: String; let unitId: String; let name: String }
    struct OK: Codable { let ok: Bool }
    struct List<T: Codable>: Codable { let count: Int; let items: [T] }
    /// One page of a register: `total` is capped at the page's cap (1,000; 100 for a search; `total_capped` says so); the cursors
    /// read the pages beside it.
    struct PagedList<T: Codable>: Codable {
        let items: [T]; let total: Int; let totalCapped: Bool; let nextCursor: String?; let prevCursor: String?

        init<Item>(_ page: Storage.Page<Item>, _ transform: (Item) -> T) {
            items = page.items.map(transform)
            total = min(page.total, page.cap)
            totalCapped = page.totalIsCapped
            nextCursor = page.next?.token
            prevCursor = page.previous?.token
        }
    }

    /// The page a list request asks for: `limit` (1–200, default 50) and `cursor`, which must have been made for `order`.
    static func pageRequest(_ q: FormData, order: String) throws -> PageRequest {
        var cursor: PageCursor?
        if let token = q["cursor"], !token.isEmpty {
            guard let decoded = PageCursor(token: token, order: order) else {
                throw Refusal.invalid("cursor", "翻页位置无效或与所选排序不符，请从第一页重新读取")
            }
            cursor = decoded
        }
        return PageRequest(limit: q["limit"].flatMap(Int.init) ?? PageRequest.defaultLimit, cursor: cursor)
    }
    struct NewNoticeRequest: Codable {
        let title: String; let body: String; let marking: String; let issuedOn: String; let scopePersonIds: [String]?
    }

    /// Registers the shell's operations and every area's under `/api/v1`, and publishes `document`, their description.
    func register(on router: Router<AppRequestContext>, areas: [Area], document: JSONValue) {
        let api = router.group("api/v1")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let published = ByteBuffer(bytes: (try? encoder.encode(document)) ?? Data())
        api.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: published))
        }
        api.post("auth/token") { request, context in
            let body = try await decodeJSON(TokenRequest.self, request)
            let opened = try await services.auth.login(
                username: body.username, password: body.password, otp: body.otp, kind: .api, remote: context.remoteAddress)
            return JSON.response(TokenResponse(token: opened.token, idleTimeoutSeconds: Int(services.idleTimeout), user: MeDTO(opened.actor)), status: .created)
        }
        api.delete("auth/token") { _, context in
            guard let session = context.session else { throw Unauthenticated() }
            try await services.auth.logout(session)
            return JSON.response(OK(ok: true))
        }
        api.get("me") { _, context in JSON.response(MeDTO(try context.actor())) }
        api.post("me/password") { request, context in
            let body = try await decodeJSON(PasswordRequest.self, request)
            try await services.auth.changePassword(try context.actor(), old: body.oldPassword, new: body.newPassword, confirm: body.confirm)
            return JSON.response(OK(ok: true))
        }
        api.get("todos") { _, context in
            let items = try await services.todos.items(for: try context.actor())
            return JSON.response(List(count: items.count, items: items))
        }
        for area in areas { area.api(api, services) }
    }

    func registerAccounts(_ api: RouterGroup<AppRequestContext>) {
        api.get("users") { request, context in
            let q = FormData.query(request)
            let page = try await services.accounts.list(try context.actor(), search: q["q"], page: try Self.pageRequest(q, order: "username"))
            return JSON.response(PagedList(page, UserDTO.init))
        }
        api.post("users") { request, context in
            let body = try await decodeJSON(NewUserRequest.self, request)
            let created = try await services.accounts.create(
                try context.actor(), NewAccount(username: body.username, displayName: body.displayName, personID: body.personId))
            return JSON.response(
                CreatedUserResponse(user: UserDTO(created.user), initialPassword: created.initialPassword, otpUrl: created.otpURL), status: .created)
        }
        api.post("users/:id/lock") { _, context in
            try await services.accounts.setLocked(try context.actor(), userID: context.parameters.require("id"), locked: true)
            return JSON.response(OK(ok: true))
        }
        api.post("users/:id/unlock") { _, context in
            try await services.accounts.setLocked(try context.actor(), userID: context.parameters.require("id"), locked: false)
            return JSON.response(OK(ok: true))
        }
        api.post("users/:id/reset-password") { _, context in
            let password = try await services.accounts.resetPassword(try context.actor(), userID: context.parameters.require("id"))
            return JSON.response(PasswordResponse(password: password))
        }
        api.put("users/:id/roles") { request, context in
            let body = try await decodeJSON(RolesRequest.self, request)
            var roles: Set<Role> = []
            for code in body.roles {
                guard let role = Role(rawValue: code) else { throw Refusal.invalid("roles", "未知角色：\(code)") }
                roles.insert(role)
            }
            try await services.accounts.setRoles(try context.actor(), userID: context.parameters.require("id"), roles: roles)
            return JSON.response(OK(ok: true))
        }
    }

    /// Units (单位), their departments (部门) and persons (人员), and a person's clearance tier (涉密等级).
    func registerOrganisation(_ api: RouterGroup<AppRequestContext>) {
        api.get("units", use: listUnits)
        api.post("units", use: createUnit)
        api.get("units/:id/departments", use: listDepartments)
        api.post("departments", use: createDepartment)
        api.get("persons", use: listPersons)
        api.post("persons", use: createPerson)
        api.put("persons/:id/tier", use: setPersonTier)
    }
}

extension APIController {
    /// `GET /api/v1/units`: the units the user may see.
    private func listUnits(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let units = try await services.organisation.visibleUnits(try context.actor()).map(UnitDTO.init)
        return JSON.response(List(count: units.count, items: units))
    }

    /// `POST /api/v1/units`: creates a unit of a known kind under its parent; answers it with 201.
    private func createUnit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await decodeJSON(NewUnitRequest.self, request)
        guard let kind = UnitKind(code: body.kind) else { throw Refusal.invalid("kind", "未知单位类别：\(body.kind)") }
        let unit = try await services.organisation.createUnit(
            try context.actor(), name: body.name, kind: kind, parentID: body.parentId, region: body.region ?? "")
        return JSON.response(UnitDTO(unit), status: .created)
    }

    /// `GET /api/v1/units/:id/departments`: a unit's departments.
    private func listDepartments(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let items = try await services.organisation.departments(try context.actor(), unitID: context.parameters.require("id"))
            .map { DepartmentDTO(id: $0.id, unitId: $0.unitID, name: $0.name) }
        return JSON.response(List(count: items.count, items: items))
    }

    /// `POST /api/v1/departments`: creates a department in a unit; answers it with 201.
    private func createDepartment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await decodeJSON(NewDepartmentRequest.self, request)
        let d = try await services.organisation.createDepartment(try context.actor(), unitID: body.unitId, name: body.name)
        return JSON.response(DepartmentDTO(id: d.id, unitId: d.unitID, name: d.name), status: .created)
    }

    /// `GET /api/v1/persons`: one page of the persons directory, by unit and search, ordered by name.
    private func listPersons(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        let page = try await services.organisation.persons(
            try context.actor(), unitID: q["unit_id"], search: q["q"], page: try Self.pageRequest(q, order: "name"))
        return JSON.response(PagedList(page, PersonDTO.init))
    }

    /// `POST /api/v1/persons`: registers a person in a unit (and department); answers the person with 201.
    private func createPerson(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(NewPersonRequest.self, request)
        let p = try await services.organisation.createPerson(
            try context.actor(),
            Person(
                id: "", unitID: b.unitId, departmentID: b.departmentId, name: b.name, post: b.post ?? "", title: b.title ?? "",
                phone: b.phone ?? "", email: b.email ?? ""))
        return JSON.response(PersonDTO(p), status: .created)
    }

    /// `PUT /api/v1/persons/:id/tier`: sets a person's clearance tier (涉密等级: core, important, general or none).
    private func setPersonTier(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await decodeJSON(TierRequest.self, request)
        guard let tier = ClearanceTier(rawValue: body.tier) else { throw Refusal.invalid("tier", "涉密等级应为 core、important、general 或 none") }
        try await services.personnel.setTier(try context.actor(), personID: context.parameters.require("id"), tier: tier)
        return JSON.response(OK(ok: true))
    }
}
