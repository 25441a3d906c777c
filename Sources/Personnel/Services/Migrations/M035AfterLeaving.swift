import SQLKit
import Storage

/// 脱密期管理 (IR 53–54): employment in the 脱密期, violation and 擅自离职 reports, one row each on the person's file;
/// the 待办 counts the restricted employment not yet reported by a partial index.
struct M035AfterLeaving: Migration {
    let id = 35
    let name = "after leaving"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE after_leaving (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    kind TEXT NOT NULL,
                    occurred_on TEXT NOT NULL,
                    employer TEXT NOT NULL DEFAULT '',
                    employer_kind TEXT,
                    position TEXT NOT NULL DEFAULT '',
                    details TEXT NOT NULL DEFAULT '',
                    restricted INTEGER NOT NULL DEFAULT 0,
                    reported_on TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX after_leaving_person ON after_leaving(person_id, occurred_on)",
                "CREATE INDEX after_leaving_unreported ON after_leaving(unit_id) WHERE restricted = 1 AND reported_on IS NULL",
            ], on: db)
    }
}
