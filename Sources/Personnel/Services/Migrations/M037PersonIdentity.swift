import SQLKit
import Storage

/// R-PE-15 / R-PE-2: the 审查表's identity fields, one row per person, kept by the personnel area so that only whoever
/// may read the file reads them (not the directory's `persons`).
struct M037PersonIdentity: Migration {
    let id = 37
    let name = "person identity"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE personnel_identity (
                    person_id TEXT PRIMARY KEY REFERENCES persons(id),
                    gender TEXT NOT NULL,
                    birth_month TEXT NOT NULL,
                    ethnicity TEXT NOT NULL,
                    political_status TEXT NOT NULL,
                    id_number TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """
            ], on: db)
    }
}
