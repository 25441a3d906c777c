import SQLKit

/// User accounts and their roles.
struct M002Accounts: Migration {
    let id = 2
    let name = "accounts"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    person_id TEXT REFERENCES persons(id),
                    password_hash TEXT NOT NULL,
                    otp_secret TEXT,
                    failed_logins INTEGER NOT NULL DEFAULT 0,
                    locked INTEGER NOT NULL DEFAULT 0,
                    must_change_password INTEGER NOT NULL DEFAULT 0,
                    password_changed_at BIGINT NOT NULL,
                    last_login_at BIGINT,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE user_roles (
                    user_id TEXT NOT NULL REFERENCES users(id),
                    role TEXT NOT NULL,
                    PRIMARY KEY (user_id, role)
                )
                """,
            ], on: db)
    }
}
