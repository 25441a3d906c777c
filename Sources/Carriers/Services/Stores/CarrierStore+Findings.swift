import Accounts
import Carriers
import Foundation
import Kernel
import SQLKit
import Storage

/// The kept cross-check findings (`carrier_findings`, issue 11, item 4) and the nightly sweep's choice of carriers to
/// check (issue 11, item 5): every read here is driven by an index, whatever the register's size.
extension CarrierStore {
    // MARK: keeping the findings

    /// The carriers among `ids`, regardless of access (the cross-check is system work). `ids` is one chunk (`chunks()`):
    /// one statement.
    static func carriers(ids: [String], on db: any SQLDatabase) async throws -> [Carrier] {
        try await db.raw("SELECT * FROM carriers WHERE id IN (\(binds: ids))").all().map(carrier(from:))
    }

    /// The open findings of the carriers among `carrierIDs` (`carrier_findings_open`), each with its record id — what
    /// `refreshFindings` compares with the findings computed now. `carrierIDs` is one chunk: one statement.
    static func openFindings(ofCarriers carrierIDs: [String], on db: any SQLDatabase) async throws -> [(id: String, carrierID: String, rule: String)] {
        try await db.raw("SELECT id, carrier_id, rule FROM carrier_findings WHERE carrier_id IN (\(binds: carrierIDs)) AND resolved_on IS NULL").all()
            .map {
                (
                    try $0.decode(column: "id", as: String.self), try $0.decode(column: "carrier_id", as: String.self),
                    try $0.decode(column: "rule", as: String.self)
                )
            }
    }

    /// Opens the findings `found`, each about its carrier, first seen on `day` — once: the caller opens only findings
    /// not already open. One statement for them all.
    static func openFindings(_ found: [(finding: CarrierFinding, carrier: Carrier)], firstSeen day: Day, on db: any SQLDatabase) async throws {
        guard !found.isEmpty else { return }
        let rows = found.map { f, c -> SQLQueryString in
            "(\(bind: IDs.make()), \(bind: c.unitID), \(bind: c.id), \(bind: f.rule), \(bind: f.message), \(bind: day.iso))"
        }
        try await db.raw(
            "INSERT INTO carrier_findings (id, unit_id, carrier_id, rule, message, first_seen) VALUES " + rows.joined(separator: ", ")
        ).run()
    }

    /// Resolves the open findings `ids` on `day`: the check no longer finds them. One statement for a chunk.
    static func resolveFindings(ids: [String], on day: Day, on db: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await db.raw("UPDATE carrier_findings SET resolved_on = \(bind: day.iso) WHERE id IN (\(binds: ids))").run()
    }

    /// History entries of carriers, each numbered after its carrier's last, in one statement (`event` is one of them).
    static func appendEvents(
        _ entries: [(carrierID: String, kind: String, summary: String, persons: [String]?)], at millis: Int64, actor: String, on db: any SQLDatabase
    ) async throws {
        guard !entries.isEmpty else { return }
        // A carrier's second entry here comes one after its first (the count reads only what was there before).
        var nth: [String: Int] = [:]
        let rows = entries.map { e -> SQLQueryString in
            nth[e.carrierID, default: 0] += 1
            return
                "(\(bind: IDs.make()), \(bind: e.carrierID), \(bind: e.kind), \(bind: e.summary), \(bind: nth[e.carrierID] ?? 1), \(bind: e.persons.map(join)))"
        }
        try await db.raw(
            """
            INSERT INTO carrier_events (id, carrier_id, seq, at, actor_name, kind, summary, persons)
            SELECT v.column1, v.column2, (SELECT COUNT(*) FROM carrier_events e WHERE e.carrier_id = v.column2) + v.column5, \(bind: millis),
                \(bind: actor), v.column3, v.column4, v.column6
            FROM (VALUES \(rows.joined(separator: ", "))) AS v
            """
        ).run()
    }

    // MARK: what the sweep checks

    /// The carriers changed at or after `since` (milliseconds since 1970; `carriers_updated`).
    static func carrierIDs(updatedSince since: Int64, on db: any SQLDatabase) async throws -> [String] {
        try await ids("SELECT id FROM carriers WHERE updated_at >= \(bind: since)", on: db)
    }

    /// R-CA-5: the loans due back from `first` up to, not including, `day` — those that fell due since the sweep's last
    /// run. The condition is on the register's due order (`carriers_due`), so that one index serves both; a carrier
    /// with no day to come back sorts after every day and is never in the range.
    static func carrierIDs(dueFrom first: Day, before day: Day, on db: any SQLDatabase) async throws -> [String] {
        try await ids(
            """
            SELECT id FROM carriers
            WHERE \(unsafeRaw: dueOrder()) >= \(bind: first.iso) AND \(unsafeRaw: dueOrder()) < \(bind: day.iso)
            """, on: db)
    }

    /// The due order's key, as `carriers_due` indexes it: a carrier with no day to come back sorts after every day.
    /// `table` qualifies the column when the statement names the register by an alias.
    static func dueOrder(_ table: String? = nil) -> String { "COALESCE(\(table.map { "\($0)." } ?? "")due_on, '9999-12-31')" }

    /// R-CA-10: the carriers registered in `year` and not kept on (`carriers_newest`) — checked when the year's return
    /// deadline has passed.
    static func carrierIDs(registeredIn year: Int, on db: any SQLDatabase) async throws -> [String] {
        try await ids(
            "SELECT id FROM carriers WHERE registered_on >= \(bind: "\(year)-01-01") AND registered_on <= \(bind: "\(year)-12-31") AND retained = 0", on: db)
    }

    /// R-DU-7: the carriers of the secrets among `secretIDs` (`carrier_secrets`) — a raised level makes a lower carrier
    /// a finding. `secretIDs` is one chunk: one statement.
    static func carrierIDs(ofSecrets secretIDs: [String], on db: any SQLDatabase) async throws -> [String] {
        try await ids("SELECT carrier_id AS id FROM carrier_secrets WHERE secret_id IN (\(binds: secretIDs))", on: db)
    }

    /// The next 2,000 carrier ids after `id`, in id order — one batch of `rebuildFindings`.
    static func carrierIDs(after id: String, on db: any SQLDatabase) async throws -> [String] {
        try await ids("SELECT id FROM carriers WHERE id > \(bind: id) ORDER BY id LIMIT 2000", on: db)
    }

    /// The `id` column of the rows `query` selects.
    private static func ids(_ query: SQLQueryString, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw(query).all().map { try $0.decode(column: "id", as: String.self) }
    }

    // MARK: reading the findings

    /// How many findings are open across every unit (`carrier_findings_resolved`) — a number for the operator's gauge.
    static func openFindingsCount(on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM carrier_findings WHERE resolved_on IS NULL").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// R-IN-4: the unit's open cross-check findings, whatever anyone may know, up to the 待办's cap — by the index on the
    /// unit and resolution.
    static func openFindingsCount(unitID: String, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count("FROM carrier_findings WHERE unit_id = \(bind: unitID) AND resolved_on IS NULL", cap: TodoCount.cap, on: db)
    }

    /// R-CA-10 / R-KS-4: how many of the unit's carriers registered in `year` that `viewer` may know of are still held
    /// and not kept on (归档或延长使用) — counted by the index on the unit and registration day, at most `Keyset.countCap`.
    static func unreturnedCount(unitID: String, year: Int, viewer: Viewer, on db: any SQLDatabase) async throws -> Int {
        let from: SQLQueryString = """
            FROM carriers c WHERE c.unit_id = \(bind: unitID)
            AND c.registered_on >= \(bind: "\(year)-01-01") AND c.registered_on <= \(bind: "\(year)-12-31") AND c.retained = 0
            AND c.status NOT IN (\(binds: closedStatuses)) AND
            """
        return try await Keyset.count(try await from + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db), on: db)
    }

    /// The rules the unit's open findings break, in order (`carrier_findings_open_unit`).
    static func openFindingRules(unitID: String, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw(
            "SELECT DISTINCT rule FROM carrier_findings WHERE unit_id = \(bind: unitID) AND resolved_on IS NULL ORDER BY rule"
        ).all().map { try $0.decode(column: "rule", as: String.self) }
    }

    /// R-KS-4: how many open findings of `rule` in the unit `viewer` may see (counted up to `cap` + 1) and, when there
    /// are any, the five found first (`carrier_findings_open_unit`) — bounded reads whatever the register's size.
    static func openFindings(
        unitID: String, rule: String, viewer: Viewer, cap: Int, on db: any SQLDatabase
    ) async throws -> (count: Int, first: [CarrierFinding]) {
        let from: SQLQueryString =
            try await """
        FROM carrier_findings f JOIN carriers c ON c.id = f.carrier_id
        WHERE f.unit_id = \(bind: unitID) AND f.resolved_on IS NULL AND f.rule = \(bind: rule) AND
        """ + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db)
        let n = try await Keyset.count(from, cap: cap, on: db)
        guard n > 0 else { return (0, []) }
        let first = try await db.raw("SELECT f.carrier_id, c.number, f.rule, f.message " + from + " ORDER BY f.first_seen, f.id LIMIT 5").all()
            .map(finding(from:))
        return (n, first)
    }

    /// R-KS-4: one page of the unit's open findings on carriers `viewer` may know of, by register number, each with the
    /// day the check first found it.
    static func openFindingsPage(unitID: String, viewer: Viewer, request: PageRequest, on db: any SQLDatabase) async throws -> Page<
        (finding: CarrierFinding, since: Day?)
    > {
        var from: SQLQueryString = """
            FROM carrier_findings f JOIN carriers c ON c.id = f.carrier_id
            WHERE f.unit_id = \(bind: unitID) AND f.resolved_on IS NULL AND
            """
        from = try await from + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db)
        let order = KeysetOrder(name: "number", keys: [("c.number", .text), ("f.id", .text)], descending: false)
        return try await Keyset.page(select: "f.carrier_id, c.number, f.rule, f.message, f.first_seen", from: from, order: order, request: request, on: db) {
            (try finding(from: $0), Day(iso: try $0.decode(column: "first_seen", as: String.self)))
        }
    }

    /// R-KS-4: the unit's open findings on carriers `viewer` may know of, by rule and register number.
    static func openFindings(unitID: String, viewer: Viewer, on db: any SQLDatabase) async throws -> [CarrierFinding] {
        var q: SQLQueryString = """
            SELECT f.carrier_id, c.number, f.rule, f.message FROM carrier_findings f JOIN carriers c ON c.id = f.carrier_id
            WHERE f.unit_id = \(bind: unitID) AND f.resolved_on IS NULL AND
            """
        q = try await q + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db) + " ORDER BY f.rule, c.number"
        return try await db.raw(q).all().map(finding(from:))
    }

    /// A finding from a row with `carrier_id`, `number`, `rule` and `message`.
    static func finding(from row: any SQLRow) throws -> CarrierFinding {
        CarrierFinding(
            carrierID: try row.decode(column: "carrier_id", as: String.self), number: try row.decode(column: "number", as: String.self),
            rule: try row.decode(column: "rule", as: String.self), message: try row.decode(column: "message", as: String.self))
    }
}
