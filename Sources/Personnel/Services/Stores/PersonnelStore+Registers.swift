import Kernel
import Personnel
import SQLKit
import Storage

/// The unit's registers a keeper pages through (涉密人员, reportable events, departures) and the keepers' 待办 counts,
/// each on its leading or partial index.
extension PersonnelStore {
    /// The register's tabs: 在岗, 脱密期, 已脱密, 已调离 — by person.
    static let byPerson = KeysetOrder(name: "person", keys: [("c.person_id", .text)], descending: false)

    /// The unit's reportable events, newest report first.
    static let eventsNewest = KeysetOrder(name: "reported", keys: [("e.reported_on", .text), ("e.id", .text)], descending: true)

    /// The unit's departures, newest first.
    static let departuresNewest = KeysetOrder(name: "newest", keys: [("d.created_at", .int), ("d.id", .text)], descending: true)

    /// R-PE-1 / R-PE-3 / R-PE-15: one page of the unit's 涉密人员 of one status, with name, post and the post's level, by
    /// person (`cleared_persons_unit`). One statement, the total included (`Keyset.page`).
    static func register(unitID: String, status: PersonnelStatus, page: PageRequest, on db: any SQLDatabase) async throws -> Page<RosterLine> {
        let from: SQLQueryString = """
            FROM cleared_persons c JOIN persons p ON p.id = c.person_id JOIN secret_posts s ON s.id = c.post_id
            WHERE c.unit_id = \(bind: unitID) AND c.status = \(bind: status.rawValue)
            """
        // Every record has its person and post: the total is counted from the index alone, without the joins.
        let count: SQLQueryString = "FROM cleared_persons c WHERE c.unit_id = \(bind: unitID) AND c.status = \(bind: status.rawValue)"
        return try await Keyset.page(
            select: "c.*, p.name AS person_name, s.name AS post_name, s.highest_level AS post_level", from: from, countFrom: count,
            order: byPerson, request: page, on: db
        ) { row in
            RosterLine(
                personID: try row.decode(column: "person_id", as: String.self), name: try row.decode(column: "person_name", as: String.self),
                postName: try row.decode(column: "post_name", as: String.self),
                highestLevel: Level.stored(try row.decode(column: "post_level", as: String.self)), record: try cleared(from: row))
        }
    }

    /// R-PE-6 / R-PE-15: one page of the unit's reportable events, newest first (`reportable_events_unit`).
    static func events(unitID: String, page: PageRequest, on db: any SQLDatabase) async throws -> Page<ReportableEvent> {
        try await Keyset.page(
            select: "e.*", from: "FROM reportable_events e WHERE e.unit_id = \(bind: unitID)", order: eventsNewest, request: page, on: db,
            decode: event(from:))
    }

    /// R-PE-7 / R-PE-15: one page of the unit's departures, newest first (`departures_unit`).
    static func departures(unitID: String, page: PageRequest, on db: any SQLDatabase) async throws -> Page<Departure> {
        try await Keyset.page(
            select: "d.*", from: "FROM departures d WHERE d.unit_id = \(bind: unitID)", order: departuresNewest, request: page, on: db,
            decode: departure(from:))
    }

    // MARK: the keepers' 待办, each up to its cap (`TodoCount`)

    /// R-PE-2: the unit's 定期复审 due by `today` (`cleared_persons_review`).
    static func reviewsDue(unitID: String, today: Day, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count(
            "FROM cleared_persons WHERE unit_id = \(bind: unitID) AND next_review_on IS NOT NULL AND next_review_on <= \(bind: today.iso)",
            cap: TodoCount.cap, on: db)
    }

    /// R-PE-13: the unit's serving 保密员 whose 上岗资格证书 runs out before `before` and not before `from` (the whole
    /// past when nil), up to the 待办's cap (`cleared_persons_certificate`).
    static func certificatesRunningOut(unitID: String, from: Day?, before: Day, on db: any SQLDatabase) async throws -> Int {
        let serving = PersonnelStatus.serving.rawValue
        return try await Keyset.count(
            """
            FROM cleared_persons WHERE unit_id = \(bind: unitID) AND status = \(bind: serving) AND cert_valid_until IS NOT NULL
                AND cert_valid_until >= \(bind: from?.iso ?? "0000-01-01") AND cert_valid_until < \(bind: before.iso)
            """, cap: TodoCount.cap, on: db)
    }

    /// R-PE-10 / R-PE-6: the unit's 变动复审 opened by a change or an event (`cleared_persons_change`).
    static func changeReviewsOpen(unitID: String, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count("FROM cleared_persons WHERE unit_id = \(bind: unitID) AND change_review IS NOT NULL", cap: TodoCount.cap, on: db)
    }

    /// R-PE-12: the unit's approaches (利诱、胁迫、渗透、策反) not yet reported onward (`reportable_events_onward`).
    static func approachesNotReportedOnward(unitID: String, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count(
            "FROM reportable_events WHERE unit_id = \(bind: unitID) AND kind = \(bind: EventKind.approach.rawValue) AND onward_reported_on IS NULL",
            cap: TodoCount.cap, on: db)
    }

    /// R-PE-7: the unit's departures in progress (`departures_open`).
    static func openDepartures(unitID: String, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count("FROM departures WHERE unit_id = \(bind: unitID) AND completed_on IS NULL", cap: TodoCount.cap, on: db)
    }
}
