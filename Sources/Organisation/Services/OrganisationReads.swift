import Accounts
import Kernel
import Organisation
import SQLKit
import Storage

/// What the other areas read of the organisation inside their own transaction (`on db`): units, persons, the unit
/// tree and who holds which role. The organisation's tables are read only here and by this area's own services, so
/// no other area runs SQL on them.
package enum OrganisationReads {
    /// Every unit.
    package static func units(on db: any SQLDatabase) async throws -> [OrgUnit] {
        try await OrganisationStore.units(on: db)
    }

    /// One unit, if there is one with this ID.
    package static func unit(id: String, on db: any SQLDatabase) async throws -> OrgUnit? {
        try await OrganisationStore.unit(id: id, on: db)
    }

    /// One unit, if there is one with this name (unit names are unique).
    package static func unit(named name: String, on db: any SQLDatabase) async throws -> OrgUnit? {
        try await OrganisationStore.unit(named: name, on: db)
    }

    /// One person, if there is one with this ID.
    package static func person(id: String, on db: any SQLDatabase) async throws -> Person? {
        try await OrganisationStore.person(id: id, on: db)
    }

    /// The names of the persons `ids` names, by id.
    package static func names(of ids: [String], on db: any SQLDatabase) async throws -> [String: String] {
        try await OrganisationStore.names(of: ids, on: db)
    }

    /// The persons of these units (of all units when nil).
    package static func persons(unitIDs: [String]?, on db: any SQLDatabase) async throws -> [Person] {
        try await OrganisationStore.persons(unitIDs: unitIDs, on: db)
    }

    /// A unit's first `limit` persons by name, for a form's choices (`persons_unit_name`: a bounded read at any size).
    package static func persons(unitID: String, limit: Int, on db: any SQLDatabase) async throws -> [Person] {
        try await OrganisationStore.persons(unitID: unitID, limit: limit, on: db)
    }

    /// The persons of a unit with exactly this name (`persons_unit_name`), at most 20 — a form's name field resolved.
    package static func persons(unitID: String, named name: String, on db: any SQLDatabase) async throws -> [Person] {
        try await OrganisationStore.persons(unitID: unitID, named: name, on: db)
    }

    /// The persons of a unit bearing any of these names (`persons_unit_name`, 500 names a statement) — a list of names
    /// typed into a form, resolved in a few reads.
    package static func persons(unitID: String, named names: [String], on db: any SQLDatabase) async throws -> [Person] {
        try await OrganisationStore.persons(unitID: unitID, namedAnyOf: names, on: db)
    }

    /// A unit and every unit below it.
    package static func subtree(of rootID: String, on db: any SQLDatabase) async throws -> [String] {
        try await OrganisationStore.subtree(of: rootID, on: db)
    }

    /// The roles of the accounts linked to a person.
    package static func roles(ofPerson personID: String, on db: any SQLDatabase) async throws -> Set<Role> {
        try await UserStore.roles(ofPerson: personID, on: db)
    }

    /// The persons whose accounts hold a role.
    package static func persons(withRole role: Role, on db: any SQLDatabase) async throws -> Set<String> {
        try await UserStore.persons(withRole: role, on: db)
    }

    /// The working-day calendar in force (every stored year), for deadlines counted inside a transaction.
    package static func calendar(on db: any SQLDatabase) async throws -> WorkCalendar {
        WorkCalendar(years: try await CalendarStore.years(on: db))
    }
}
