import Kernel
import Personnel
import SQLKit
import Storage

/// R-TR-3 / R-TR-4: the training register answers other areas' "when did this person last pass this course?" from the
/// classes held in the unit (`training_attendance`, passed) and the courses taken outside it (`external_courses`).
struct TrainingRegister: TrainingPort {
    func lastPassed(_ course: TrainingCourse, personID: String, on db: any SQLDatabase) async throws -> Day? {
        let inUnit = TrainingKind(rawValue: course.rawValue)?.rawValue
        let outside = ExternalCourseKind(rawValue: course.rawValue)?.rawValue
        guard inUnit != nil || outside != nil else { return nil }
        let row = try await db.raw(
            """
            SELECT MAX(d) AS d FROM (
                SELECT c.held_on AS d FROM training_attendance a JOIN training_classes c ON c.id = a.class_id
                WHERE a.person_id = \(bind: personID) AND a.passed = 1 AND c.kind = \(bind: inUnit)
                UNION ALL
                SELECT e.completed_on AS d FROM external_courses e WHERE e.person_id = \(bind: personID) AND e.kind = \(bind: outside)
            ) AS t
            """
        ).first()
        return try row?.decode(column: "d", as: String?.self).flatMap(Day.init(iso:))
    }
}
