import SQLKit

/// Working-day calendar years (R-SY-5), as imported JSON.
struct M005Calendar: Migration {
    let id = 5
    let name = "calendar"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE calendar_years (
                    year INTEGER PRIMARY KEY,
                    data TEXT NOT NULL,
                    source TEXT NOT NULL,
                    imported_at BIGINT NOT NULL
                )
                """
            ], on: db)
    }
}
