import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// Units, departments and persons (系统管理员 maintains; users see their part of the tree).
public struct OrganisationService: Sendable {
    let services: Services

    /// Creates a unit under `parentID` (系统管理员).
    public func createUnit(_ actor: Actor, name: String, kind: UnitKind, parentID: String?, region: String = "") async throws -> OrgUnit {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.manageOrganisation, roles: actor.roles) }
        let unit = OrgUnit(
            id: IDs.make(), name: try Validate.text(name, field: "name", label: "单位名称", min: 2, max: 60), kind: kind,
            parentID: parentID?.isEmpty == false ? parentID : nil,
            region: try Validate.optionalText(region, field: "region", label: "所在地区", max: 60))
        try await s.database.transaction { db in
            if try await OrganisationStore.unit(named: unit.name, on: db) != nil {
                throw Refusal(code: "organisation.duplicate_unit", field: "name", message: "单位「\(unit.name)」已存在", kind: .conflict)
            }
            if let parent = unit.parentID, try await OrganisationStore.unit(id: parent, on: db) == nil {
                throw Refusal.invalid("parent_id", "上级单位不存在")
            }
            try await OrganisationStore.insert(unit, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "unit.create", target: "unit", id: unit.id, after: unit), on: db)
        }
        return unit
    }

    /// Creates a department in a unit (系统管理员).
    public func createDepartment(_ actor: Actor, unitID: String, name: String) async throws -> Department {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.manageOrganisation, roles: actor.roles) }
        let department = Department(id: IDs.make(), unitID: unitID, name: try Validate.text(name, field: "name", label: "部门名称", max: 60))
        try await s.database.transaction { db in
            guard try await OrganisationStore.unit(id: unitID, on: db) != nil else { throw Refusal.invalid("unit_id", "所属单位不存在") }
            if try await OrganisationStore.departments(unitID: unitID, on: db).contains(where: { $0.name == department.name }) {
                throw Refusal(code: "organisation.duplicate_department", field: "name", message: "该单位已有部门「\(department.name)」", kind: .conflict)
            }
            try await OrganisationStore.insert(department, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "department.create", target: "department", id: department.id, after: department), on: db)
        }
        return department
    }

    /// Creates a person (系统管理员). The clearance tier is the 安全保密管理员's to set (R-SY-1), so it starts at none
    /// unless the system itself (CLI, demo) creates the person.
    public func createPerson(_ actor: Actor, _ input: Person) async throws -> Person {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.manageOrganisation, roles: actor.roles) }
        var person = input
        person.id = IDs.make()
        person.name = try Validate.text(input.name, field: "name", label: "姓名", max: 30)
        person.post = try Validate.optionalText(input.post, field: "post", label: "岗位", max: 60)
        person.title = try Validate.optionalText(input.title, field: "title", label: "职务", max: 60)
        person.phone = try Validate.optionalText(input.phone, field: "phone", label: "联系电话", max: 30)
        person.email = try Validate.optionalText(input.email, field: "email", label: "电子邮箱", max: 80)
        if !person.phone.isEmpty && !person.phone.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " || $0 == "+" }) {
            throw Refusal.invalid("phone", "联系电话只能包含数字、空格、+ 和 -", code: "validation.format")
        }
        if !person.email.isEmpty && !person.email.contains("@") {
            throw Refusal.invalid("email", "电子邮箱格式不正确", code: "validation.format")
        }
        if !actor.isSystem { person.tier = .none }
        if person.departmentID?.isEmpty == true { person.departmentID = nil }
        let finalPerson = person
        try await s.database.transaction { db in
            guard try await OrganisationStore.unit(id: finalPerson.unitID, on: db) != nil else { throw Refusal.invalid("unit_id", "所属单位不存在") }
            if let dept = finalPerson.departmentID {
                guard let d = try await OrganisationStore.department(id: dept, on: db), d.unitID == finalPerson.unitID else {
                    throw Refusal.invalid("department_id", "所属部门不存在或不属于该单位")
                }
            }
            try await OrganisationStore.insert(finalPerson, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "finalPerson.create", target: "person", id: finalPerson.id, after: finalPerson), on: db)
        }
        return finalPerson
    }

    /// The units an actor may see: administrators of the system see all (to administer accounts);
    /// a user of a secrecy administration sees its subtree; anyone else sees only their own unit.
    public func visibleUnits(_ actor: Actor) async throws -> [OrgUnit] {
        try await services.database.read { db in
            let all = try await OrganisationStore.units(on: db)
            if actor.isSystem || SeparationOfDuties.allows(.manageOrganisation, roles: actor.roles)
                || SeparationOfDuties.allows(.assignClearance, roles: actor.roles)
            {
                return all
            }
            guard let person = actor.person, let own = all.first(where: { $0.id == person.unitID }) else { return [] }
            if own.kind.isAdministration {
                let ids = Set(try await OrganisationStore.subtree(of: own.id, on: db))
                return all.filter { ids.contains($0.id) }
            }
            return [own]
        }
    }

    /// Persons of the visible units.
    public func persons(_ actor: Actor) async throws -> [Person] {
        let units = try await visibleUnits(actor).map(\.id)
        return try await services.database.read { db in try await OrganisationStore.persons(unitIDs: units, on: db) }
    }

    /// One page of the directory: the persons of the units the actor can see (or of one of them), by name, optionally
    /// only names containing `search` — what the 三员's screens and the API list (issue 11: every list is paged).
    public func persons(_ actor: Actor, unitID: String? = nil, search: String? = nil, page: PageRequest) async throws -> Page<Person> {
        var units = try await visibleUnits(actor).map(\.id)
        if let unitID, !unitID.isEmpty { units = units.filter { $0 == unitID } }
        let chosen = units
        return try await services.database.read { db in
            try await OrganisationStore.personsPage(unitIDs: chosen, search: search, request: page, on: db)
        }
    }

    /// Departments of a unit the actor can see.
    public func departments(_ actor: Actor, unitID: String) async throws -> [Department] {
        guard try await visibleUnits(actor).contains(where: { $0.id == unitID }) else { throw Refusal.notFound }
        return try await services.database.read { db in try await OrganisationStore.departments(unitID: unitID, on: db) }
    }
}
