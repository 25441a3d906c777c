import SQLKit
import Storage

/// 定密管理: unit authority, grants, officers, catalogue, secrets and their history.
struct M008Classification: Migration {
    let id = 8
    let name = "classification"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE unit_authority (
                    unit_id TEXT PRIMARY KEY REFERENCES units(id),
                    own_cap TEXT,
                    basis TEXT NOT NULL DEFAULT '',
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE grants (
                    id TEXT PRIMARY KEY,
                    grantor_unit_id TEXT NOT NULL REFERENCES units(id),
                    grantee_unit_id TEXT NOT NULL REFERENCES units(id),
                    cap TEXT NOT NULL,
                    matter_scope TEXT NOT NULL,
                    valid_from TEXT NOT NULL,
                    valid_until TEXT NOT NULL,
                    basis TEXT NOT NULL DEFAULT '',
                    reasons TEXT NOT NULL DEFAULT '',
                    decided_on TEXT NOT NULL,
                    revoked_on TEXT,
                    revocation_reason TEXT,
                    filed_with_unit_id TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX grants_grantee ON grants(grantee_unit_id)",
                """
                CREATE TABLE officers (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    kind TEXT NOT NULL,
                    cap TEXT NOT NULL,
                    appointed_on TEXT NOT NULL,
                    trained_on TEXT,
                    removed_on TEXT,
                    removal_reason TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX officers_unit ON officers(unit_id)",
                """
                CREATE TABLE catalogue_items (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    level TEXT NOT NULL,
                    period TEXT NOT NULL,
                    max_years INTEGER,
                    allows_long_term INTEGER NOT NULL DEFAULT 0,
                    scope TEXT NOT NULL,
                    production_level TEXT NOT NULL,
                    source_document TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (unit_id, code)
                )
                """,
                """
                CREATE TABLE secrets (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    title TEXT NOT NULL,
                    basis_kind TEXT NOT NULL,
                    catalogue_item_id TEXT,
                    source_id TEXT,
                    derivation_ground TEXT,
                    level TEXT NOT NULL,
                    level_rank INTEGER NOT NULL,
                    period TEXT,
                    issue_date TEXT,
                    expiry TEXT,
                    drafted_on TEXT NOT NULL,
                    secret_points TEXT NOT NULL,
                    handler_person_id TEXT NOT NULL REFERENCES persons(id),
                    officer_person_id TEXT,
                    authority TEXT,
                    status TEXT NOT NULL,
                    co_unit_ids TEXT NOT NULL DEFAULT '',
                    markings TEXT NOT NULL DEFAULT '',
                    declassified_on TEXT,
                    reported_on TEXT,
                    last_reviewed_year INTEGER,
                    needs_review INTEGER NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX secrets_unit_status ON secrets(unit_id, status)",
                "CREATE INDEX secrets_source ON secrets(source_id)",
                """
                CREATE TABLE secret_events (
                    id TEXT PRIMARY KEY,
                    secret_id TEXT NOT NULL REFERENCES secrets(id),
                    seq INTEGER NOT NULL,
                    at BIGINT NOT NULL,
                    actor_name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    marking TEXT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX secret_events_secret ON secret_events(secret_id, seq)",
            ], on: db)
    }
}
