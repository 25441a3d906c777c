import Classification
import Kernel
import Organisation
import SQLKit
import Storage

/// Writes another area makes to the 定密 registers inside its own transaction; the caller audits the operation.
package enum ClassificationWrites {
    /// DM 17(2) / R-PE-7: a leaver's 定密责任人 appointments end, reason `leaving`; returns the officers removed.
    package static func endOfficers(ofPerson personID: String, on day: Day, at millis: Int64, on db: any SQLDatabase) async throws -> [Officer] {
        var removed: [Officer] = []
        for officer in try await AuthorityStore.officers(personID: personID, on: db) where officer.isInOffice(on: day) {
            let ended = try OfficerRules.remove(officer, on: day, reason: .leaving)
            try await AuthorityStore.save(ended, at: millis, on: db)
            removed.append(ended)
        }
        return removed
    }

    /// R-TR-3 / R-AU-5: the training register supplies each officer's training date — a 定密培训 passed moves it on.
    package static func recordClassificationTraining(personID: String, on day: Day, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE officers SET trained_on = \(bind: day.iso)
            WHERE person_id = \(bind: personID) AND removed_on IS NULL AND (trained_on IS NULL OR trained_on < \(bind: day.iso))
            """
        ).run()
    }

    /// R-TR-3: the latest 定密培训 the person passed, in the unit (`training_attendance`) or outside (`external_courses`).
    package static func classificationTrainedOn(personID: String, on db: any SQLDatabase) async throws -> Day? {
        let row = try await db.raw(
            """
            SELECT MAX(d) AS d FROM (
                SELECT c.held_on AS d FROM training_attendance a JOIN training_classes c ON c.id = a.class_id
                WHERE a.person_id = \(bind: personID) AND a.passed = 1 AND c.kind = 'classification'
                UNION ALL
                SELECT e.completed_on AS d FROM external_courses e WHERE e.person_id = \(bind: personID) AND e.kind = 'classification'
            ) AS t
            """
        ).first()
        return try row?.decode(column: "d", as: String?.self).flatMap(Day.init(iso:))
    }
}
