import SQLKit

/// Units (tree with kind), departments and persons.
struct M001Organisation: Migration {
    let id = 1
    let name = "organisation"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE units (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    parent_id TEXT REFERENCES units(id),
                    region TEXT NOT NULL DEFAULT '',
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX units_parent ON units(parent_id)",
                """
                CREATE TABLE departments (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    name TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (unit_id, name)
                )
                """,
                """
                CREATE TABLE persons (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    department_id TEXT REFERENCES departments(id),
                    name TEXT NOT NULL,
                    post TEXT NOT NULL DEFAULT '',
                    title TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    tier TEXT NOT NULL DEFAULT 'none',
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX persons_unit ON persons(unit_id)",
            ], on: db)
    }
}
