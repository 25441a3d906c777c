import SQLKit

/// A record's level beside its id, so that a count of what a viewer may see — their scope rows joined to the register,
/// up to 1,000 — reads one small index per row instead of the record (the level is all the count needs of it).
struct M029VisibleIndexes: Migration {
    let id = 29
    let name = "id and level indexes for scope counts"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "CREATE INDEX secrets_visible ON secrets(id, level_rank)",
                "CREATE INDEX carriers_visible ON carriers(id, level_rank)",
            ], on: db)
    }
}
