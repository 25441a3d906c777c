import SQLKit

/// Issue 11: indexes over columns that are empty in most rows hold only the rows that have a value. A unit with no
/// derived secrets (or no copies) has `source_id` (`original_id`) empty everywhere; once `ANALYZE` has counted that,
/// SQLite took the whole column for one value and scanned a million secrets for every declassification's descendants
/// (found by the benchmark's sweep). A partial index has no such rows to count, and is smaller on both databases.
struct M019PartialIndexes: Migration {
    let id = 19
    let name = "partial indexes"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "DROP INDEX secrets_source",
                "CREATE INDEX secrets_source ON secrets(source_id) WHERE source_id IS NOT NULL",
                "DROP INDEX carriers_original",
                "CREATE INDEX carriers_original ON carriers(original_id) WHERE original_id IS NOT NULL",
            ], on: db)
    }
}
