import SQLKit

/// Key–value deployment settings changed at run time by the 系统管理员.
struct M006Settings: Migration {
    let id = 6
    let name = "settings"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL)"
            ], on: db)
    }
}
