import Accounts
import Carriers
import Foundation
import Kernel
import SQLKit
import Storage

/// What the cross-checks read about a batch of carriers, the recorded counts (清点, R-CA-10) and the loss incidents
/// (R-CA-14).
extension CarrierStore {
    // MARK: the cross-checks' context

    /// The safes among `ids`. `ids` is one chunk (`chunks()`): one statement.
    static func safes(ids: [String], on db: any SQLDatabase) async throws -> [Safe] {
        try await db.select().column("*").from("safes").where("id", .in, ids).all().map(safe(from:))
    }

    /// R-CA-7: of the copies among `carrierIDs`, those whose 复印登记 line names an approver (`carrier_registers_carrier`).
    /// `carrierIDs` is one chunk: one statement.
    static func approvedCopies(among carrierIDs: [String], on db: any SQLDatabase) async throws -> [String] {
        let copy = RegisterEntry.Book.copy.rawValue
        return try await db.raw(
            "SELECT carrier_id FROM carrier_registers WHERE carrier_id IN (\(binds: carrierIDs)) AND register = \(bind: copy) AND approver <> ''"
        ).all().map { try $0.decode(column: "carrier_id", as: String.self) }
    }

    /// R-CA-3 / R-CA-9 / R-CA-11: the 传递, 携带外出 and 销毁 steps of the carriers among `carrierIDs`, each with the persons
    /// named for it, by carrier and in order — 绝密 needs two. `carrierIDs` is one chunk: one statement.
    static func twoPersonSteps(
        ofCarriers carrierIDs: [String], on db: any SQLDatabase
    ) async throws -> [(carrierID: String, kind: String, persons: [String])] {
        try await db.raw(
            """
            SELECT e.carrier_id, e.kind, e.persons FROM carrier_events e
            WHERE e.carrier_id IN (\(binds: carrierIDs)) AND e.kind IN (\(binds: twoPersonStepKinds)) ORDER BY e.carrier_id, e.seq
            """
        ).all().map {
            (
                try $0.decode(column: "carrier_id", as: String.self), try $0.decode(column: "kind", as: String.self),
                split(try $0.decode(column: "persons", as: String?.self))
            )
        }
    }

    // MARK: R-CA-10 清点

    /// R-CA-10: records a count of the unit: the carriers expected and missing (ids) and what was found outside the
    /// register.
    static func insertCount(
        id: String, unitID: String, check: CarrierRules.Check, period: String, on day: Day, expectedIDs: [String], missingIDs: [String],
        unexpected: [String], note: String, handledBy: String, at millis: Int64, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO carrier_counts (id, unit_id, check_kind, period, on_day, expected_ids, missing_ids, unexpected, note, handled_by, created_at)
            VALUES (\(bind: id), \(bind: unitID), \(bind: check.rawValue), \(bind: period), \(bind: day.iso),
                \(bind: join(expectedIDs)), \(bind: join(missingIDs)), \(bind: join(unexpected)),
                \(bind: note), \(bind: handledBy), \(bind: millis))
            """
        ).run()
    }

    /// R-CA-10 / R-KS-4: the unit's counts, newest first, of `check` and `period` when given; the carriers expected and
    /// missing are only those `viewer` may know of (their register numbers). A stored day that is no day reads as
    /// `fallback`.
    static func counts(
        unitID: String, check: CarrierRules.Check?, period: String?, viewer: Viewer, fallback: Day, on db: any SQLDatabase
    ) async throws -> [CarrierCount] {
        var q: SQLQueryString = "SELECT * FROM carrier_counts WHERE unit_id = \(bind: unitID)"
        if let check { q = q + " AND check_kind = \(bind: check.rawValue)" }
        if let period { q = q + " AND period = \(bind: period)" }
        var out: [CarrierCount] = []
        for row in try await db.raw(q + " ORDER BY created_at DESC, id DESC").all() {
            let expected = split(try row.decode(column: "expected_ids", as: String.self))
            let missing = split(try row.decode(column: "missing_ids", as: String.self))
            let visible = try await visibleNumbers(ids: expected, viewer: viewer, on: db)
            out.append(
                CarrierCount(
                    id: try row.decode(column: "id", as: String.self),
                    check: CarrierRules.Check(rawValue: try row.decode(column: "check_kind", as: String.self)) ?? .monthlyCount,
                    period: try row.decode(column: "period", as: String.self),
                    onDay: Day(iso: try row.decode(column: "on_day", as: String.self)) ?? fallback, expected: visible.count,
                    missing: missing.compactMap { visible[$0] }.sorted(),
                    unexpected: split(try row.decode(column: "unexpected", as: String.self)),
                    handledBy: try row.decode(column: "handled_by", as: String.self), note: try row.decode(column: "note", as: String.self)))
        }
        return out
    }

    // MARK: R-CA-14 incidents

    /// R-CA-14: opens a loss, theft or leak incident on a carrier with its 24-hour report deadline (`reportDueAt`).
    static func insertIncident(
        id: String, carrierID: String, unitID: String, kind: String, summary: String, discoveredAt millis: Int64, reportDueAt due: Int64,
        on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO carrier_incidents (id, carrier_id, unit_id, kind, summary, discovered_at, report_due_at, created_at)
            VALUES (\(bind: id), \(bind: carrierID), \(bind: unitID), \(bind: kind), \(bind: summary), \(bind: millis), \(bind: due), \(bind: millis))
            """
        ).run()
    }

    /// R-IC-1 / R-IN-4: the unit's incidents whose 24-hour report is past due at `now` and not made, whatever anyone may
    /// know, up to the 待办's cap — by the index on the unit, report and deadline.
    static func incidentReportsOverdue(unitID: String, now: Int64, on db: any SQLDatabase) async throws -> Int {
        try await Keyset.count(
            "FROM carrier_incidents WHERE unit_id = \(bind: unitID) AND reported_at IS NULL AND report_due_at < \(bind: now)", cap: TodoCount.cap, on: db)
    }

    /// R-CA-14 / R-KS-4: the unit's incidents not yet reported, on carriers `viewer` may know of, the nearest deadline
    /// first.
    static func openIncidents(unitID: String, viewer: Viewer, on db: any SQLDatabase) async throws -> [(carrier: Carrier, kind: String, reportDueAt: Int64)] {
        var q: SQLQueryString = """
            SELECT c.*, i.kind AS incident_kind, i.report_due_at FROM carrier_incidents i JOIN carriers c ON c.id = i.carrier_id
            WHERE i.reported_at IS NULL AND i.unit_id = \(bind: unitID) AND
            """
        q = try await q + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db) + " ORDER BY i.report_due_at"
        return try await db.raw(q).all().map {
            (try carrier(from: $0), try $0.decode(column: "incident_kind", as: String.self), try $0.decode(column: "report_due_at", as: Int64.self))
        }
    }
}
