import SQLKit
import Storage

/// 异议 (R-CL-7) and 年度审查 (R-DC-1) records.
struct M010Objections: Migration {
    let id = 10
    let name = "objections_and_reviews"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE objections (
                    id TEXT PRIMARY KEY,
                    secret_id TEXT NOT NULL REFERENCES secrets(id),
                    raised_by_person_id TEXT NOT NULL REFERENCES persons(id),
                    claimed_level TEXT,
                    claimed_period TEXT,
                    reason TEXT NOT NULL,
                    appeal_level TEXT NOT NULL,
                    status TEXT NOT NULL,
                    decision TEXT,
                    decided_by TEXT,
                    raised_on TEXT NOT NULL,
                    decided_on TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX objections_secret ON objections(secret_id, status)",
                """
                CREATE TABLE secret_reviews (
                    id TEXT PRIMARY KEY,
                    secret_id TEXT NOT NULL REFERENCES secrets(id),
                    year INTEGER NOT NULL,
                    result TEXT NOT NULL,
                    note TEXT NOT NULL,
                    reviewer_person_id TEXT NOT NULL,
                    reviewed_on TEXT NOT NULL,
                    UNIQUE (secret_id, year)
                )
                """,
            ], on: db)
    }
}
