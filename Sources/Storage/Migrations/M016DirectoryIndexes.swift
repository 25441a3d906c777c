import SQLKit

/// Issue 11: the directory is paged by name — all units, or one unit's persons (`OrganisationStore.personsPage`) —
/// and the account form offers the persons without an account (`users_person`).
struct M016DirectoryIndexes: Migration {
    let id = 16
    let name = "directory indexes"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "CREATE INDEX persons_name ON persons(name, id)",
                "CREATE INDEX persons_unit_name ON persons(unit_id, name, id)",
                "CREATE INDEX users_person ON users(person_id)",
            ], on: db)
    }
}
