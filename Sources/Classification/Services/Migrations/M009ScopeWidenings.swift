import SQLKit
import Storage

/// 知悉范围扩大记录 (R-KS-3): who was added, on whose approval or consent, why and when.
struct M009ScopeWidenings: Migration {
    let id = 9
    let name = "scope_widenings"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE scope_widenings (
                    id TEXT PRIMARY KEY,
                    secret_id TEXT NOT NULL REFERENCES secrets(id),
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    approval_kind TEXT NOT NULL,
                    approver_person_id TEXT,
                    consent_reference TEXT,
                    reason TEXT NOT NULL,
                    on_day TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX scope_widenings_secret ON scope_widenings(secret_id)",
            ], on: db)
    }
}
