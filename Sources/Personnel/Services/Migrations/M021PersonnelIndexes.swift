import SQLKit
import Storage

/// Issue 12 review: a post's name is unique in its unit (the import and the pages name posts by it), and the officers
/// a person holds are found by an index (a departure ends them; a 定密培训 moves their training date on).
struct M021PersonnelIndexes: Migration {
    let id = 21
    let name = "personnel indexes"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "CREATE UNIQUE INDEX secret_posts_unit_name ON secret_posts(unit_id, name)",
                "CREATE INDEX officers_person ON officers(person_id)",
            ], on: db)
    }
}
