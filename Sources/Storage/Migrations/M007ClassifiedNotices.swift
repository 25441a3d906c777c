import SQLKit

/// 涉密通知 — the sample protected record type of the foundation, and the generic knowledge-scope table
/// (知悉范围, R-KS-1) every later record type shares through `record_kind`.
struct M007ClassifiedNotices: Migration {
    let id = 7
    let name = "classified_notices"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE classified_notices (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    sensitivity TEXT NOT NULL,
                    level_rank INTEGER NOT NULL,
                    marking TEXT NOT NULL,
                    issued_on TEXT NOT NULL,
                    author_person_id TEXT NOT NULL REFERENCES persons(id),
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE knowledge_scope (
                    record_kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    added_by TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    added_at BIGINT NOT NULL,
                    PRIMARY KEY (record_kind, record_id, person_id)
                )
                """,
                "CREATE INDEX knowledge_scope_person ON knowledge_scope(person_id, record_kind)",
            ], on: db)
    }
}
