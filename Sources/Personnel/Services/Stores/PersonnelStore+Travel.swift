import Kernel
import Organisation
import Personnel
import SQLKit
import Storage

/// The trips register's reads: a person's trips, the unit's trips page, the applications an approver may decide and
/// the return reports overdue; and the demo's backdating of a trip.
extension PersonnelStore {
    /// The unit's trips, newest departure first.
    static let tripsNewest = KeysetOrder(name: "depart", keys: [("t.depart_on", .text), ("t.id", .text)], descending: true)

    /// R-PE-5 / R-PE-15: one page of the unit's trips, newest departure first (`trips_unit`).
    static func trips(unitID: String, page: PageRequest, on db: any SQLDatabase) async throws -> Page<Trip> {
        try await Keyset.page(
            select: "t.*", from: "FROM trips t WHERE t.unit_id = \(bind: unitID)", order: tripsNewest, request: page, on: db, decode: trip(from:))
    }

    /// A person's trips for their file, newest departure first, at most 200 (`trips_person`).
    static func trips(personID: String, on db: any SQLDatabase) async throws -> [Trip] {
        try await db.raw("SELECT * FROM trips WHERE person_id = \(bind: personID) ORDER BY depart_on DESC LIMIT 200").all().map(trip(from:))
    }

    /// R-PE-5: `FROM … WHERE …` of the applications `approver` may decide — the unit's, not their own, and unless
    /// `wholeUnit` (a 单位领导) only their own department's staff (`persons_unit_name` narrows to the unit; a department
    /// has tens of people). The approval page lists them, the 待办 counts them: both read this one condition.
    private static func awaitingApproval(by approver: Person, wholeUnit: Bool) -> SQLQueryString {
        let from: SQLQueryString =
            "FROM trips WHERE unit_id = \(bind: approver.unitID) AND status = \(bind: TripStatus.applied.rawValue) AND person_id <> \(bind: approver.id)"
        guard !wholeUnit else { return from }
        return from
            + " AND person_id IN (SELECT p.id FROM persons p WHERE p.unit_id = \(bind: approver.unitID) AND p.department_id = \(bind: approver.departmentID ?? ""))"
    }

    /// R-PE-5 / R-PE-15: the applications `approver` may decide, first departure first, at most 200 — the approval page.
    static func tripsAwaitingApproval(by approver: Person, wholeUnit: Bool, on db: any SQLDatabase) async throws -> [Trip] {
        try await db.raw("SELECT * " + awaitingApproval(by: approver, wholeUnit: wholeUnit) + " ORDER BY depart_on, id LIMIT 200").all().map(trip(from:))
    }

    /// R-PE-5: how many applications `approver` may decide — the 待办's count of the approval page's list.
    static func countAwaitingApproval(by approver: Person, wholeUnit: Bool, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n " + awaitingApproval(by: approver, wholeUnit: wholeUnit)).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// R-PE-5: the unit's trips back whose return report is overdue on `today`, up to the 待办's cap (`trips_report_due`).
    static func returnReportsOverdue(unitID: String, today: Day, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count(
            "FROM trips WHERE unit_id = \(bind: unitID) AND status = \(bind: TripStatus.returned.rawValue) AND report_due_on < \(bind: today.iso)",
            cap: TodoCount.cap, on: db)
    }

    /// R-PE-5: the unit's travellers still abroad after their return date, up to the 待办's cap (`trips_abroad_return`).
    static func overdueAbroad(unitID: String, today: Day, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count(
            "FROM trips WHERE unit_id = \(bind: unitID) AND status = \(bind: TripStatus.abroad.rawValue) AND return_on < \(bind: today.iso)",
            cap: TodoCount.cap, on: db)
    }

    /// The demo's history: a trip's days moved into the past (its return report then overdue), the report's deadline with them.
    static func backdate(
        tripID: String, departOn: Day, returnOn: Day, educatedOn: Day, returnedOn: Day, reportDueOn: Day, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            UPDATE trips SET depart_on = \(bind: departOn.iso), return_on = \(bind: returnOn.iso), educated_on = \(bind: educatedOn.iso),
                returned_on = \(bind: returnedOn.iso), report_due_on = \(bind: reportDueOn.iso)
            WHERE id = \(bind: tripID)
            """
        ).run()
    }
}
