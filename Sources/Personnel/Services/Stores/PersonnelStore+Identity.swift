import Kernel
import Personnel
import SQLKit
import Storage

/// 身份信息 (`personnel_identity`): one row per person, replaced when the keepers enter it again.
extension PersonnelStore {
    static func save(_ i: PersonIdentity, personID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO personnel_identity (person_id, gender, birth_month, ethnicity, political_status, id_number, updated_at)
            VALUES (\(bind: personID), \(bind: i.gender), \(bind: i.birthMonth), \(bind: i.ethnicity), \(bind: i.politicalStatus), \(bind: i.idNumber),
                \(bind: millis))
            ON CONFLICT (person_id) DO UPDATE SET gender = excluded.gender, birth_month = excluded.birth_month, ethnicity = excluded.ethnicity,
                political_status = excluded.political_status, id_number = excluded.id_number, updated_at = excluded.updated_at
            """
        ).run()
    }

    static func identity(personID: String, on db: any SQLDatabase) async throws -> PersonIdentity? {
        try await db.raw("SELECT * FROM personnel_identity WHERE person_id = \(bind: personID)").first().map { row in
            PersonIdentity(
                gender: try text(row, "gender"), birthMonth: try text(row, "birth_month"), ethnicity: try text(row, "ethnicity"),
                politicalStatus: try text(row, "political_status"), idNumber: try text(row, "id_number"))
        }
    }
}
