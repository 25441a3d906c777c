import Kernel
import Personnel
import SQLKit
import Storage

/// 脱密期管理 (IR 53–54): `after_leaving`, a row per employment, violation report or 擅自离职 report.
extension PersonnelStore {
    static func insert(_ r: AfterLeavingRecord, unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO after_leaving (id, unit_id, person_id, kind, occurred_on, employer, employer_kind, position, details, restricted, reported_on,
                created_at)
            VALUES (\(bind: r.id), \(bind: unitID), \(bind: r.personID), \(bind: r.kind.rawValue), \(bind: r.occurredOn.iso), \(bind: r.employer),
                \(bind: r.employerKind?.rawValue), \(bind: r.position), \(bind: r.details), \(bind: r.restricted ? 1 : 0), \(bind: r.reportedOn?.iso),
                \(bind: millis))
            """
        ).run()
    }

    /// A person's records, newest first, at most 50 (`after_leaving_person`).
    static func afterLeaving(personID: String, on db: any SQLDatabase) async throws -> [AfterLeavingRecord] {
        try await db.raw(
            "SELECT * FROM after_leaving WHERE person_id = \(bind: personID) ORDER BY occurred_on DESC, id DESC LIMIT 50"
        ).all().map(record(from:))
    }

    static func record(from row: any SQLRow) throws -> AfterLeavingRecord {
        AfterLeavingRecord(
            id: try text(row, "id"), personID: try text(row, "person_id"), kind: AfterLeavingKind(rawValue: try text(row, "kind")) ?? .violation,
            occurredOn: try day(row, "occurred_on") ?? Day(daysSinceEpoch: 0), employer: try text(row, "employer"),
            employerKind: try row.decode(column: "employer_kind", as: String?.self).flatMap(EmployerKind.init(rawValue:)),
            position: try text(row, "position"), details: try text(row, "details"), restricted: try row.decode(column: "restricted", as: Int.self) != 0,
            reportedOn: try day(row, "reported_on"))
    }

    /// IR 54: a person's restricted employment not yet reported now is, by the report of `day`; returns what it marked
    /// (the first 200, for the report's text).
    static func markEmploymentReported(personID: String, on day: Day, on db: any SQLDatabase) async throws -> [AfterLeavingRecord] {
        let open = try await db.raw(
            "SELECT * FROM after_leaving WHERE person_id = \(bind: personID) AND restricted = 1 AND reported_on IS NULL ORDER BY occurred_on, id LIMIT 200"
        ).all().map(record(from:))
        try await db.raw(
            "UPDATE after_leaving SET reported_on = \(bind: day.iso) WHERE person_id = \(bind: personID) AND restricted = 1 AND reported_on IS NULL"
        ).run()
        return open
    }

    /// IR 54: how many restricted employments of the unit are not yet reported (`after_leaving_unreported`), up to the
    /// 待办's cap.
    static func unreportedEmployment(unitID: String, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count(
            "FROM after_leaving WHERE unit_id = \(bind: unitID) AND restricted = 1 AND reported_on IS NULL", cap: TodoCount.cap, on: db)
    }
}
