import SQLKit

/// The append-only, hash-chained audit log (R-SY-3) and its head.
struct M004AuditLog: Migration {
    let id = 4
    let name = "audit_log"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE audit_log (
                    seq BIGINT PRIMARY KEY,
                    at BIGINT NOT NULL,
                    actor_id TEXT,
                    actor_name TEXT NOT NULL,
                    action TEXT NOT NULL,
                    target_kind TEXT NOT NULL,
                    target_id TEXT,
                    level TEXT,
                    outcome TEXT NOT NULL,
                    before_state TEXT,
                    after_state TEXT,
                    detail TEXT,
                    remote TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                )
                """,
                "CREATE INDEX audit_log_at ON audit_log(at)",
                "CREATE INDEX audit_log_actor ON audit_log(actor_name)",
                "CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)",
                "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
            ], on: db)
    }
}
