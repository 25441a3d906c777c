import Accounts
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// Units, departments and persons.
enum OrganisationStore {
    static func unit(from row: any SQLRow) throws -> OrgUnit {
        let kindCode = try row.decode(column: "kind", as: String.self)
        return OrgUnit(
            id: try row.decode(column: "id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            kind: UnitKind(code: kindCode) ?? .otherOrgan,
            parentID: try row.decode(column: "parent_id", as: String?.self),
            region: try row.decode(column: "region", as: String.self))
    }

    /// A person from a row of `persons`.
    static func person(from row: any SQLRow) throws -> Person { try person(from: row, prefix: "") }

    /// A person from a join where its columns carry `prefix` (`p_name` …).
    static func person(from row: any SQLRow, prefix: String) throws -> Person {
        Person(
            id: try row.decode(column: prefix + "id", as: String.self),
            unitID: try row.decode(column: prefix + "unit_id", as: String.self),
            departmentID: try row.decode(column: prefix + "department_id", as: String?.self),
            name: try row.decode(column: prefix + "name", as: String.self),
            post: try row.decode(column: prefix + "post", as: String.self),
            title: try row.decode(column: prefix + "title", as: String.self),
            phone: try row.decode(column: prefix + "phone", as: String.self),
            email: try row.decode(column: prefix + "email", as: String.self),
            tier: ClearanceTier(rawValue: try row.decode(column: prefix + "tier", as: String.self)) ?? .none)
    }

    /// Inserts a unit.
    static func insert(_ unit: OrgUnit, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO units (id, name, kind, parent_id, region, created_at)
            VALUES (\(bind: unit.id), \(bind: unit.name), \(bind: unit.kind.code), \(bind: unit.parentID), \(bind: unit.region), \(bind: millis))
            """
        ).run()
    }

    /// All units, ordered by name.
    static func units(on db: any SQLDatabase) async throws -> [OrgUnit] {
        try await db.raw("SELECT * FROM units ORDER BY name").all().map(unit(from:))
    }

    /// One unit.
    static func unit(id: String, on db: any SQLDatabase) async throws -> OrgUnit? {
        try await db.raw("SELECT * FROM units WHERE id = \(bind: id)").first().map(unit(from:))
    }

    /// One unit by name.
    static func unit(named name: String, on db: any SQLDatabase) async throws -> OrgUnit? {
        try await db.raw("SELECT * FROM units WHERE name = \(bind: name)").first().map(unit(from:))
    }

    /// Inserts a department.
    static func insert(_ department: Department, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO departments (id, unit_id, name, created_at)
            VALUES (\(bind: department.id), \(bind: department.unitID), \(bind: department.name), \(bind: millis))
            """
        ).run()
    }

    /// Departments of a unit.
    static func departments(unitID: String, on db: any SQLDatabase) async throws -> [Department] {
        try await db.raw("SELECT id, unit_id, name FROM departments WHERE unit_id = \(bind: unitID) ORDER BY name").all().map {
            Department(
                id: try $0.decode(column: "id", as: String.self), unitID: try $0.decode(column: "unit_id", as: String.self),
                name: try $0.decode(column: "name", as: String.self))
        }
    }

    /// One department.
    static func department(id: String, on db: any SQLDatabase) async throws -> Department? {
        try await db.raw("SELECT id, unit_id, name FROM departments WHERE id = \(bind: id)").first().map {
            Department(
                id: try $0.decode(column: "id", as: String.self), unitID: try $0.decode(column: "unit_id", as: String.self),
                name: try $0.decode(column: "name", as: String.self))
        }
    }

    /// Inserts a person.
    static func insert(_ p: Person, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO persons (id, unit_id, department_id, name, post, title, phone, email, tier, created_at, updated_at)
            VALUES (\(bind: p.id), \(bind: p.unitID), \(bind: p.departmentID), \(bind: p.name), \(bind: p.post), \(bind: p.title),
                    \(bind: p.phone), \(bind: p.email), \(bind: p.tier.rawValue), \(bind: millis), \(bind: millis))
            """
        ).run()
    }

    /// One person.
    static func person(id: String, on db: any SQLDatabase) async throws -> Person? {
        try await db.raw("SELECT * FROM persons WHERE id = \(bind: id)").first().map(person(from:))
    }

    /// Persons of the given units (all when `unitIDs` is nil), ordered by unit and name.
    static func persons(unitIDs: [String]?, on db: any SQLDatabase) async throws -> [Person] {
        if let unitIDs {
            if unitIDs.isEmpty { return [] }
            return try await db.select().column("*").from("persons").where("unit_id", .in, unitIDs)
                .orderBy("unit_id").orderBy("name").all().map(person(from:))
        }
        return try await db.raw("SELECT * FROM persons ORDER BY unit_id, name").all().map(person(from:))
    }

    /// The directory's order: by name, then id (`persons_name`, `persons_unit_name`).
    static let byName = KeysetOrder(name: "name", keys: [("p.name", .text), ("p.id", .text)], descending: false)

    /// One page of the persons of `unitIDs` (nil: all units), optionally only those whose name contains `search`.
    static func personsPage(unitIDs: [String]?, search: String?, request: PageRequest, on db: any SQLDatabase) async throws -> Page<Person> {
        var from: SQLQueryString = "FROM persons p WHERE 1 = 1"
        if let unitIDs {
            guard !unitIDs.isEmpty else { return Page(items: [], total: 0, next: nil, previous: nil) }
            from = from + " AND p.unit_id IN (\(binds: unitIDs))"
        }
        if let search, !search.isEmpty {
            from = from + " AND " + (try await TextSearch.condition(search, table: "persons", alias: "p", columns: ["name"], on: db))
        }
        return try await Keyset.page(select: "p.*", from: from, order: byName, request: request, on: db, decode: person(from:))
    }

    /// A unit's first `limit` persons by name (`persons_unit_name`: a bounded read at any size).
    static func persons(unitID: String, limit: Int, on db: any SQLDatabase) async throws -> [Person] {
        try await db.raw("SELECT * FROM persons WHERE unit_id = \(bind: unitID) ORDER BY name, id LIMIT \(unsafeRaw: String(limit))").all().map(person(from:))
    }

    /// The persons of a unit with exactly this name (`persons_unit_name`), at most 20.
    static func persons(unitID: String, named name: String, on db: any SQLDatabase) async throws -> [Person] {
        try await db.raw("SELECT * FROM persons WHERE unit_id = \(bind: unitID) AND name = \(bind: name) ORDER BY id LIMIT 20").all().map(person(from:))
    }

    /// The persons of a unit bearing any of these names (`persons_unit_name`, 500 names a statement).
    static func persons(unitID: String, namedAnyOf names: [String], on db: any SQLDatabase) async throws -> [Person] {
        var found: [Person] = []
        for chunk in names.chunks(of: 500) {
            found += try await db.raw("SELECT * FROM persons WHERE unit_id = \(bind: unitID) AND name IN (\(binds: chunk)) ORDER BY name, id").all().map(
                person(from:))
        }
        return found
    }

    /// Persons with no account, by name, at most `limit`, optionally only names containing `search`.
    static func personsWithoutAccount(search: String?, limit: Int, on db: any SQLDatabase) async throws -> [Person] {
        var q: SQLQueryString = "SELECT p.* FROM persons p WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id)"
        if let search, !search.isEmpty { q = q + " AND " + (try await TextSearch.condition(search, table: "persons", alias: "p", columns: ["name"], on: db)) }
        q = q + " ORDER BY p.name, p.id LIMIT \(unsafeRaw: String(limit))"
        return try await db.raw(q).all().map(person(from:))
    }

    /// The names of the persons `ids` names, by id (the primary key, 500 a statement).
    static func names(of ids: [String], on db: any SQLDatabase) async throws -> [String: String] {
        var out: [String: String] = [:]
        for chunk in ids.chunks() {
            for row in try await db.select().column("id").column("name").from("persons").where("id", .in, chunk).all() {
                out[try row.decode(column: "id", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        return out
    }

    /// Sets the clearance tier of each person `personIDs` names (500 a statement).
    static func setTier(personIDs: [String], tier: ClearanceTier, at millis: Int64, on db: any SQLDatabase) async throws {
        for chunk in personIDs.chunks() {
            try await db.raw("UPDATE persons SET tier = \(bind: tier.rawValue), updated_at = \(bind: millis) WHERE id IN (\(binds: chunk))").run()
        }
    }

    /// Ids of `root` and every unit below it.
    static func subtree(of rootID: String, on db: any SQLDatabase) async throws -> [String] {
        let all = try await units(on: db)
        var result = [rootID]
        var frontier = [rootID]
        while !frontier.isEmpty {
            let children = all.filter { $0.parentID.map(frontier.contains) ?? false }.map(\.id)
            result += children
            frontier = children
        }
        return result
    }
}
