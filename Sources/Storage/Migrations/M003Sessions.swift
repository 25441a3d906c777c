import SQLKit

/// Web sessions and API tokens, in the database so several instances share them (R-SY-4).
struct M003Sessions: Migration {
    let id = 3
    let name = "sessions"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    kind TEXT NOT NULL,
                    csrf_token TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    last_seen_at BIGINT NOT NULL,
                    ended_at BIGINT,
                    remote TEXT NOT NULL DEFAULT ''
                )
                """,
                "CREATE INDEX sessions_user ON sessions(user_id)",
            ], on: db)
    }
}
