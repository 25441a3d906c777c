import Kernel
import Personnel
import SQLKit
import Storage

/// The training register's other reads and writes: who of a class is of the unit, the annual plan, the kept hours under
/// the floor, the courses taken outside the unit.
extension PersonnelStore {
    /// R-TR-1: how many of `ids` are persons of the unit (the shared schema, read only) — a class lists only its own
    /// unit's staff.
    static func countPersons(unitID: String, among ids: [String], on db: any SQLDatabase) async throws -> Int {
        try await db.raw(
            "SELECT COUNT(*) AS n FROM persons WHERE unit_id = \(bind: unitID) AND id IN (\(binds: ids))"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    // MARK: the annual plan

    /// R-TR-1 / R-TR-2: the unit's plan for `year`, replacing the one saved before (one plan per unit and year).
    static func replacePlan(id: String, unitID: String, year: Int, items: [TrainingRules.PlanItem], at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM training_plans WHERE unit_id = \(bind: unitID) AND year = \(bind: year)").run()
        try await db.raw(
            """
            INSERT INTO training_plans (id, unit_id, year, items, created_at)
            VALUES (\(bind: id), \(bind: unitID), \(bind: year), \(bind: json(items)), \(bind: millis))
            """
        ).run()
    }

    /// R-TR-1: the unit's plan for `year`, if saved.
    static func plan(unitID: String, year: Int, on db: any SQLDatabase) async throws -> [TrainingRules.PlanItem]? {
        try await db.raw("SELECT items FROM training_plans WHERE unit_id = \(bind: unitID) AND year = \(bind: year)").first().flatMap {
            unjson([TrainingRules.PlanItem].self, try $0.decode(column: "items", as: String.self))
        }
    }

    /// R-TR-1: the years from `year` on that the unit has a plan for — the 待办 asks for the one still missing.
    static func plannedYears(unitID: String, from year: Int, on db: any SQLDatabase) async throws -> Set<Int> {
        Set(
            try await db.raw("SELECT year FROM training_plans WHERE unit_id = \(bind: unitID) AND year >= \(bind: year)").all().map {
                try $0.decode(column: "year", as: Int.self)
            })
    }

    // MARK: hours under the floor

    /// R-KP-4: the kept hours are under the tier's floor for the year (核心 16, 重要 and 一般 8).
    static let underFloorCondition: SQLQueryString = """
         AND COALESCE(h.hours, 0) < CASE c.tier WHEN \(bind: ClearanceTier.core.rawValue) THEN 16 ELSE 8 END
        """

    /// R-KP-4: the unit's staff in post under their floor for `year`, with their kept hours (never recounted), by person;
    /// the total and the first `limit`. A `limit` of 0 asks for the count alone, up to the 待办's cap (`TodoCount`).
    static func underFloor(unitID: String, year: Int, limit: Int, on db: any SQLDatabase) async throws -> (
        count: Int, lines: [(personID: String, name: String, tier: ClearanceTier, hours: Int)]
    ) {
        let from: SQLQueryString =
            """
            FROM cleared_persons c JOIN persons p ON p.id = c.person_id
            LEFT JOIN training_hours h ON h.person_id = c.person_id AND h.year = \(bind: year)
            WHERE c.unit_id = \(bind: unitID) AND c.status = \(bind: PersonnelStatus.serving.rawValue)
            """ + underFloorCondition
        // The 待办 asks for the count alone, up to its cap (`TodoCount`).
        guard limit > 0 else { return (try await Keyset.count(from, cap: TodoCount.cap, on: db), []) }
        let count = try await db.raw("SELECT COUNT(*) AS n " + from).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            "SELECT c.person_id, p.name, c.tier, COALESCE(h.hours, 0) AS hours " + from + " ORDER BY c.person_id LIMIT \(unsafeRaw: String(limit))"
        ).all()
        return (
            count,
            try rows.map {
                (
                    try $0.decode(column: "person_id", as: String.self), try $0.decode(column: "name", as: String.self),
                    ClearanceTier(rawValue: try $0.decode(column: "tier", as: String.self)) ?? .none, try $0.decode(column: "hours", as: Int.self)
                )
            }
        )
    }

    // MARK: courses outside the unit

    /// R-TR-4: a person's courses outside the unit for their file, latest first, at most 200 (`external_courses_person`).
    static func externalCourses(personID: String, on db: any SQLDatabase) async throws -> [ExternalCourse] {
        try await db.raw("SELECT * FROM external_courses WHERE person_id = \(bind: personID) ORDER BY completed_on DESC LIMIT 200").all().map(external(from:))
    }

    /// R-PE-13 / R-TR-4: the person's latest 保密员 qualification taken outside the unit, if any.
    static func latestQualification(personID: String, on db: any SQLDatabase) async throws -> ExternalCourse? {
        try await db.raw(
            """
            SELECT * FROM external_courses WHERE person_id = \(bind: personID) AND kind = \(bind: ExternalCourseKind.clerkQualification.rawValue)
            ORDER BY completed_on DESC LIMIT 1
            """
        ).first().map(external(from:))
    }
}
