import Foundation
import Organisation
import SQLKit
import Storage

/// The organisation as pages need it to show who is who: names are not secret (they appear on every register and
/// form), so these reads take no actor. What a person may see of records is decided elsewhere (R-KS-4).
extension OrganisationService {
    /// Every person's name, by person ID.
    public func names() async throws -> [String: String] {
        let persons = try await services.database.read { db in try await OrganisationStore.persons(unitIDs: nil, on: db) }
        return Dictionary(uniqueKeysWithValues: persons.map { ($0.id, $0.name) })
    }

    /// The names of the persons `ids` names, by id — what one page of a register shows (a page never loads the whole
    /// directory).
    public func names(of ids: [String]) async throws -> [String: String] {
        let wanted = Array(Set(ids.filter { !$0.isEmpty })).sorted()
        guard !wanted.isEmpty else { return [:] }
        return try await services.database.read { db in try await OrganisationStore.names(of: wanted, on: db) }
    }

    /// The persons of these units (of all units when nil).
    public func members(of unitIDs: [String]?) async throws -> [Person] {
        try await services.database.read { db in try await OrganisationStore.persons(unitIDs: unitIDs, on: db) }
    }

    /// One person, if there is one with this ID.
    public func person(id: String) async throws -> Person? {
        try await services.database.read { db in try await OrganisationStore.person(id: id, on: db) }
    }

    /// The unit a department belongs to.
    public func unitOfDepartment(_ id: String) async throws -> String? {
        try await services.database.read { db in try await OrganisationStore.department(id: id, on: db)?.unitID }
    }

    /// The units below `unitID` (not itself), and every unit's name by ID.
    public func subordinates(of unitID: String) async throws -> (ids: Set<String>, names: [String: String]) {
        try await services.database.read { db in
            (
                Set(try await OrganisationStore.subtree(of: unitID, on: db)).subtracting([unitID]),
                Dictionary(uniqueKeysWithValues: try await OrganisationStore.units(on: db).map { ($0.id, $0.name) })
            )
        }
    }
}
