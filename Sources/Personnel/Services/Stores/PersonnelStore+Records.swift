import Accounts
import Foundation
import Kernel
import Personnel
import SQLKit
import Storage

extension PersonnelStore {
    // MARK: trips

    static func trip(from row: any SQLRow) throws -> Trip {
        Trip(
            id: try text(row, "id"), personID: try text(row, "person_id"), unitID: try text(row, "unit_id"),
            purpose: TripPurpose(rawValue: try text(row, "purpose")) ?? .official, destination: try text(row, "destination"), reason: try text(row, "reason"),
            departOn: try day(row, "depart_on")!, returnOn: try day(row, "return_on")!, delegation: try text(row, "delegation"),
            delegationSecrecyPerson: try text(row, "delegation_secrecy_person"), personnelOpinion: try text(row, "personnel_opinion"),
            secrecyOpinion: try text(row, "secrecy_opinion"), approvedBy: try row.decode(column: "approved_by", as: String?.self),
            educatedOn: try day(row, "educated_on"), carrierIDs: split(try text(row, "carrier_ids")), returnedOn: try day(row, "returned_on"),
            returnReport: try text(row, "return_report"), reportedOn: try day(row, "reported_on"), declearingApproval: try text(row, "declearing_approval"),
            status: TripStatus(rawValue: try text(row, "status")) ?? .applied, refusedBy: try row.decode(column: "refused_by", as: String?.self),
            refusedOn: try day(row, "refused_on"), refusalReason: try text(row, "refusal_reason"), exitDocuments: try text(row, "exit_documents"))
    }

    static func save(_ t: Trip, at millis: Int64, on db: any SQLDatabase) async throws {
        // An upsert: `created_at` stays the day of the application.
        try await db.raw(
            """
            INSERT INTO trips (id, person_id, unit_id, purpose, destination, reason, depart_on, return_on, delegation, delegation_secrecy_person,
                personnel_opinion, secrecy_opinion, approved_by, educated_on, carrier_ids, returned_on, report_due_on, return_report, reported_on,
                declearing_approval, status, refused_by, refused_on, refusal_reason, exit_documents, created_at, updated_at)
            VALUES (\(bind: t.id), \(bind: t.personID), \(bind: t.unitID), \(bind: t.purpose.rawValue), \(bind: t.destination), \(bind: t.reason),
                \(bind: t.departOn.iso), \(bind: t.returnOn.iso), \(bind: t.delegation), \(bind: t.delegationSecrecyPerson), \(bind: t.personnelOpinion),
                \(bind: t.secrecyOpinion), \(bind: t.approvedBy), \(bind: t.educatedOn?.iso), \(bind: t.carrierIDs.joined(separator: ",")),
                \(bind: t.returnedOn?.iso), \(bind: PersonnelRules.reportDue(t)?.iso), \(bind: t.returnReport), \(bind: t.reportedOn?.iso),
                \(bind: t.declearingApproval), \(bind: t.status.rawValue), \(bind: t.refusedBy), \(bind: t.refusedOn?.iso), \(bind: t.refusalReason),
                \(bind: t.exitDocuments), \(bind: millis), \(bind: millis))
            ON CONFLICT (id) DO UPDATE SET personnel_opinion = excluded.personnel_opinion, secrecy_opinion = excluded.secrecy_opinion,
                approved_by = excluded.approved_by, educated_on = excluded.educated_on, returned_on = excluded.returned_on,
                report_due_on = excluded.report_due_on, return_report = excluded.return_report, reported_on = excluded.reported_on,
                status = excluded.status, refused_by = excluded.refused_by, refused_on = excluded.refused_on,
                refusal_reason = excluded.refusal_reason, updated_at = excluded.updated_at
            """
        ).run()
    }

    static func trip(id: String, on db: any SQLDatabase) async throws -> Trip? {
        try await db.raw("SELECT * FROM trips WHERE id = \(bind: id)").first().map(trip(from:))
    }

    // MARK: events

    static func event(from row: any SQLRow) throws -> ReportableEvent {
        ReportableEvent(
            id: try text(row, "id"), personID: try text(row, "person_id"), unitID: try text(row, "unit_id"),
            kind: EventKind(rawValue: try text(row, "kind")) ?? .leak, occurredOn: try day(row, "occurred_on")!, reportedOn: try day(row, "reported_on")!,
            dueOn: try day(row, "due_on")!, details: try text(row, "details"), handling: try text(row, "handling"),
            onwardReportedOn: try day(row, "onward_reported_on"), changeReviewOpened: try row.decode(column: "change_review_opened", as: Int.self) != 0)
    }

    static func save(_ e: ReportableEvent, at millis: Int64, on db: any SQLDatabase) async throws {
        // An upsert: `created_at` stays the day of the report.
        try await db.raw(
            """
            INSERT INTO reportable_events (id, person_id, unit_id, kind, occurred_on, reported_on, due_on, details, handling, onward_reported_on,
                change_review_opened, created_at)
            VALUES (\(bind: e.id), \(bind: e.personID), \(bind: e.unitID), \(bind: e.kind.rawValue), \(bind: e.occurredOn.iso), \(bind: e.reportedOn.iso),
                \(bind: e.dueOn.iso), \(bind: e.details), \(bind: e.handling), \(bind: e.onwardReportedOn?.iso), \(bind: e.changeReviewOpened ? 1 : 0),
                \(bind: millis))
            ON CONFLICT (id) DO UPDATE SET handling = excluded.handling, onward_reported_on = excluded.onward_reported_on
            """
        ).run()
    }

    static func event(id: String, on db: any SQLDatabase) async throws -> ReportableEvent? {
        try await db.raw("SELECT * FROM reportable_events WHERE id = \(bind: id)").first().map(event(from:))
    }

    /// A person's reportable events for their file, newest report first, at most 200 (`reportable_events_person`).
    static func events(personID: String, on db: any SQLDatabase) async throws -> [ReportableEvent] {
        try await db.raw("SELECT * FROM reportable_events WHERE person_id = \(bind: personID) ORDER BY reported_on DESC LIMIT 200").all().map(event(from:))
    }

    /// R-PE-12: whether the person ever reported that their spouse became foreign — a 保密员 post is then closed to them.
    static func spouseForeign(personID: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            "SELECT 1 AS one FROM reportable_events WHERE person_id = \(bind: personID) AND kind = \(bind: EventKind.spouseForeign.rawValue) LIMIT 1"
        ).first() != nil
    }

    // MARK: departures

    static func departure(from row: any SQLRow) throws -> Departure {
        let done = unjson([String: String].self, try text(row, "done")) ?? [:]
        return Departure(
            id: try text(row, "id"), personID: try text(row, "person_id"), unitID: try text(row, "unit_id"),
            kind: DepartureKind(rawValue: try text(row, "kind")) ?? .leaveJob, leavingOn: try day(row, "leaving_on")!,
            declearingMonths: try row.decode(column: "declearing_months", as: Int.self),
            done: Dictionary(uniqueKeysWithValues: done.compactMap { k, v in DepartureItem(rawValue: k).map { ($0, v) } }),
            destination: try text(row, "destination"), earlyConsent: try text(row, "early_consent"), completedOn: try day(row, "completed_on"))
    }

    static func save(_ d: Departure, at millis: Int64, on db: any SQLDatabase) async throws {
        let done = Dictionary(uniqueKeysWithValues: d.done.map { ($0.key.rawValue, $0.value) })
        // An upsert: `created_at` stays the day the departure was opened (the register pages by it).
        try await db.raw(
            """
            INSERT INTO departures (id, person_id, unit_id, kind, leaving_on, declearing_months, done, destination, early_consent, completed_on,
                created_at, updated_at)
            VALUES (\(bind: d.id), \(bind: d.personID), \(bind: d.unitID), \(bind: d.kind.rawValue), \(bind: d.leavingOn.iso), \(bind: d.declearingMonths),
                \(bind: json(done)), \(bind: d.destination), \(bind: d.earlyConsent), \(bind: d.completedOn?.iso), \(bind: millis), \(bind: millis))
            ON CONFLICT (id) DO UPDATE SET done = excluded.done, completed_on = excluded.completed_on, updated_at = excluded.updated_at
            """
        ).run()
    }

    static func departure(id: String, on db: any SQLDatabase) async throws -> Departure? {
        try await db.raw("SELECT * FROM departures WHERE id = \(bind: id)").first().map(departure(from:))
    }

    /// A person's departures for their file, newest first, at most 20 (`departures_person`).
    static func departures(personID: String, on db: any SQLDatabase) async throws -> [Departure] {
        try await db.raw("SELECT * FROM departures WHERE person_id = \(bind: personID) ORDER BY created_at DESC LIMIT 20").all().map(departure(from:))
    }

    static func openDeparture(personID: String, on db: any SQLDatabase) async throws -> Departure? {
        try await db.raw("SELECT * FROM departures WHERE person_id = \(bind: personID) AND completed_on IS NULL").first().map(departure(from:))
    }

    // MARK: training

    static func insert(_ c: TrainingClass, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO training_classes (id, unit_id, kind, held_on, hours, content, form, organiser, created_at)
            VALUES (\(bind: c.id), \(bind: c.unitID), \(bind: c.kind.rawValue), \(bind: c.heldOn.iso), \(bind: c.hours), \(bind: c.content), \(bind: c.form),
                \(bind: c.organiser), \(bind: millis))
            """
        ).run()
        try await attend(c, on: db)
    }

    /// The attendance of `c` (its participants, absentees and passes) and the participants' kept hours — for a new class,
    /// or added to a class already recorded (an import naming more of its participants).
    static func attend(_ c: TrainingClass, on db: any SQLDatabase) async throws {
        let passed = Set(c.passedIDs)
        let rows = c.participantIDs.map { ($0, 1, passed.contains($0) ? 1 : 0) } + c.absentIDs.map { ($0, 0, 0) }
        for chunk in stride(from: 0, to: rows.count, by: 300).map({ Array(rows[$0..<min($0 + 300, rows.count)]) }) {
            var q: SQLQueryString = "INSERT INTO training_attendance (class_id, person_id, present, passed) VALUES "
            q = q + chunk.map { "(\(bind: c.id), \(bind: $0.0), \(bind: $0.1), \(bind: $0.2))" as SQLQueryString }.joined(separator: ", ")
            try await db.raw(q).run()
        }
        // R-KP-4: the kept hours per person and year — one statement for all participants.
        let pre = c.kind == .prePost ? c.hours : 0
        for chunk in stride(from: 0, to: c.participantIDs.count, by: 300).map({ Array(c.participantIDs[$0..<min($0 + 300, c.participantIDs.count)]) }) {
            var q: SQLQueryString = "INSERT INTO training_hours (person_id, year, hours, pre_post_hours) VALUES "
            q = q + chunk.map { "(\(bind: $0), \(bind: c.heldOn.year), \(bind: c.hours), \(bind: pre))" as SQLQueryString }.joined(separator: ", ")
            q = q + " ON CONFLICT (person_id, year) DO UPDATE SET hours = training_hours.hours + excluded.hours,"
            q = q + " pre_post_hours = training_hours.pre_post_hours + excluded.pre_post_hours"
            try await db.raw(q).run()
        }
    }

    static func addHours(personID: String, year: Int, hours: Int, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO training_hours (person_id, year, hours, pre_post_hours) VALUES (\(bind: personID), \(bind: year), \(bind: hours), 0)
            ON CONFLICT (person_id, year) DO UPDATE SET hours = training_hours.hours + excluded.hours
            """
        ).run()
    }

    /// Which of a personnel file's lists hold anything: one statement of index probes (issue 12: a file read its eight
    /// lists in eight statements, most of them empty).
    struct FileParts: Sendable {
        var reviews, commitments, trips, events, departures, hours, external, rights, afterLeaving, identity: Bool
    }

    static func fileParts(personID: String, on db: any SQLDatabase) async throws -> FileParts {
        let p = personID
        guard
            let row = try await db.raw(
                """
                SELECT EXISTS (SELECT 1 FROM personnel_reviews WHERE person_id = \(bind: p)) AS reviews,
                       EXISTS (SELECT 1 FROM commitments WHERE person_id = \(bind: p)) AS commitments,
                       EXISTS (SELECT 1 FROM trips WHERE person_id = \(bind: p)) AS trips,
                       EXISTS (SELECT 1 FROM reportable_events WHERE person_id = \(bind: p)) AS events,
                       EXISTS (SELECT 1 FROM departures WHERE person_id = \(bind: p)) AS departures,
                       EXISTS (SELECT 1 FROM training_hours WHERE person_id = \(bind: p)) AS hours,
                       EXISTS (SELECT 1 FROM external_courses WHERE person_id = \(bind: p)) AS external,
                       EXISTS (SELECT 1 FROM rights_records WHERE person_id = \(bind: p)) AS rights,
                       EXISTS (SELECT 1 FROM after_leaving WHERE person_id = \(bind: p)) AS after_leaving,
                       EXISTS (SELECT 1 FROM personnel_identity WHERE person_id = \(bind: p)) AS identity
                """
            ).first()
        else {
            // A SELECT without FROM always answers one row; were it ever missing, every list is read rather than none.
            return FileParts(
                reviews: true, commitments: true, trips: true, events: true, departures: true, hours: true, external: true, rights: true, afterLeaving: true,
                identity: true)
        }
        func has(_ column: String) throws -> Bool { try row.decode(column: column, as: Bool.self) }
        return FileParts(
            reviews: try has("reviews"), commitments: try has("commitments"), trips: try has("trips"), events: try has("events"),
            departures: try has("departures"), hours: try has("hours"), external: try has("external"), rights: try has("rights"),
            afterLeaving: try has("after_leaving"), identity: try has("identity"))
    }

    static func hours(personID: String, on db: any SQLDatabase) async throws -> [(year: Int, hours: Int, prePost: Int)] {
        try await db.raw("SELECT year, hours, pre_post_hours FROM training_hours WHERE person_id = \(bind: personID) ORDER BY year DESC LIMIT 50").all().map {
            (try $0.decode(column: "year", as: Int.self), try $0.decode(column: "hours", as: Int.self), try $0.decode(column: "pre_post_hours", as: Int.self))
        }
    }

    static func prePostHours(personID: String, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COALESCE(SUM(pre_post_hours), 0) AS n FROM training_hours WHERE person_id = \(bind: personID)").first()?.decode(
            column: "n", as: Int.self) ?? 0
    }

    static func external(from row: any SQLRow) throws -> ExternalCourse {
        ExternalCourse(
            id: try text(row, "id"), personID: try text(row, "person_id"), kind: ExternalCourseKind(rawValue: try text(row, "kind")) ?? .other,
            provider: try text(row, "provider"), completedOn: try day(row, "completed_on")!, hours: try row.decode(column: "hours", as: Int.self),
            certificateNumber: try text(row, "certificate_number"), certificateValidUntil: try day(row, "certificate_valid_until"))
    }

    static func insert(_ e: ExternalCourse, unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO external_courses (id, person_id, unit_id, kind, provider, completed_on, hours, certificate_number, certificate_valid_until, created_at)
            VALUES (\(bind: e.id), \(bind: e.personID), \(bind: unitID), \(bind: e.kind.rawValue), \(bind: e.provider), \(bind: e.completedOn.iso),
                \(bind: e.hours), \(bind: e.certificateNumber), \(bind: e.certificateValidUntil?.iso), \(bind: millis))
            """
        ).run()
    }

    // MARK: rights

    /// A 权益保障 record from its row.
    static func rights(from row: any SQLRow) throws -> RightsRecord {
        RightsRecord(
            id: try text(row, "id"), personID: try text(row, "person_id"), restriction: try text(row, "restriction"), measure: try text(row, "measure"),
            recordedOn: try day(row, "recorded_on")!)
    }

    /// R-PE-14: a restriction borne for keeping secrets and the treatment given, kept with the person's unit.
    static func insert(_ r: RightsRecord, unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO rights_records (id, person_id, unit_id, restriction, measure, recorded_on, created_at)
            VALUES (\(bind: r.id), \(bind: r.personID), \(bind: unitID), \(bind: r.restriction), \(bind: r.measure), \(bind: r.recordedOn.iso), \(bind: millis))
            """
        ).run()
    }

    /// A person's 权益保障 records, newest first (`rights_records_person`).
    static func rights(personID: String, on db: any SQLDatabase) async throws -> [RightsRecord] {
        try await db.raw("SELECT * FROM rights_records WHERE person_id = \(bind: personID) ORDER BY recorded_on DESC, id LIMIT 200").all().map(rights(from:))
    }
}
