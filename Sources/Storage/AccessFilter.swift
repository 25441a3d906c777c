import Accounts
import Kernel
import SQLKit

/// The SQL side of the one access decision (R-KS-4, R-SY-2).
///
/// Lists, counts, searches and exports filter with `visible(...)`; single reads load the record and its
/// scope and call `AccessPolicy.canRead`. Both apply the same rule: clearance covers the level **and** the
/// person is in the record's knowledge scope. Tests check the two agree.
public enum AccessFilter {
    /// Above this many records of a kind in a person's knowledge scope, `visible` probes the scope row by row
    /// (walking the register's own index); at or below it, it reads the person's scope and looks each record up.
    /// A task-local so tests can run the hot paths on both sides (`QueryPlanTests`).
    @TaskLocal public static var probeAbove = 2_000

    /// How `visible` meets the knowledge scope: from the person's side or from the register's.
    public enum Side: Sendable, Equatable {
        /// `id IN (the person's scope)`: the database reads the person's few scope rows (`knowledge_scope_person_order`,
        /// covering) and looks each record up — cheap when the person knows few of many records.
        case person
        /// `EXISTS (scope row for this record and person)`: the database walks the register's index in the page's order
        /// (or a filter's index) and probes the scope's primary key per row — cheap when the person knows many records,
        /// where reading and sorting the whole scope for every page is what costs (issue 11, BENCHMARKS.md).
        case register
    }

    /// The side to use for `viewer` on records of `recordKind`: a count of the person's scope rows, capped just above
    /// `probeAbove` (a bounded read of a covering index).
    public static func side(recordKind: String, viewer: Viewer, on db: any SQLDatabase) async throws -> Side {
        guard let personID = viewer.personID else { return .person }
        let key = SideCache.Key(personID: personID, recordKind: recordKind, probeAbove: probeAbove)
        if let known = SideCache.shared.side(for: key) { return known }
        let n =
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM knowledge_scope
                WHERE person_id = \(bind: personID) AND record_kind = \(bind: recordKind) LIMIT \(unsafeRaw: String(probeAbove + 1))) AS capped
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let side: Side = n > probeAbove ? .register : .person
        SideCache.shared.remember(side, for: key)
        return side
    }

    /// R-KS-4: a predicate over a record table aliased `alias` with columns `id` and `level_rank`, meeting the scope
    /// from the side that suits the viewer (`side(recordKind:viewer:on:)`) — never a full scan (issue 11, `QueryPlanTests`).
    public static func visible(alias: String, recordKind: String, viewer: Viewer, on db: any SQLDatabase) async throws -> SQLQueryString {
        visible(alias: alias, recordKind: recordKind, viewer: viewer, side: try await side(recordKind: recordKind, viewer: viewer, on: db))
    }

    /// R-KS-4: the predicate written for `side`; both sides select the same rows (`LeakTests.bothSidesAgree`).
    /// Clearance covers the level **and** the person is in the record's knowledge scope.
    public static func visible(alias: String, recordKind: String, viewer: Viewer, side: Side) -> SQLQueryString {
        let ceiling = AccessPolicy.ceilingRank(viewer)
        let personID = viewer.personID ?? ""
        switch side {
        case .person:
            return """
                (\(ident: alias).level_rank <= \(bind: ceiling) AND \(ident: alias).id IN (
                    SELECT ks.record_id FROM knowledge_scope ks WHERE ks.person_id = \(bind: personID) AND ks.record_kind = \(bind: recordKind)))
                """
        case .register:
            // `OFFSET 0` keeps the probe a probe: PostgreSQL otherwise turns `EXISTS` into a join it may run by hashing
            // the person's whole scope (100,000 rows for a 保密员) when it misjudges how many rows will pass — the 待办's
            // count of a unit's open findings read 18,000 scope rows in 13 ms for 101 findings it probes in 2.5 ms.
            return """
                (\(ident: alias).level_rank <= \(bind: ceiling) AND EXISTS (
                    SELECT 1 FROM knowledge_scope ks WHERE ks.record_kind = \(bind: recordKind) AND ks.record_id = \(ident: alias).id
                    AND ks.person_id = \(bind: personID) LIMIT 1 OFFSET 0))
                """
        }
    }

    /// R-KS-4: `FROM` the person's scope rows joined to `table` (aliased `alias`) `WHERE` the clearance covers the level —
    /// the same rows as `visible`, read from the person's side in that order (`CROSS JOIN` keeps SQLite from turning
    /// it round; PostgreSQL plans it freely). For capped counts: at most the person's scope is read, and a count that
    /// stops at 1,000 reads about that many rows, where `id IN (…)` as a probe builds the whole scope into a
    /// temporary index first. Filters follow as ` AND …` on `alias`.
    public static func scopeDriven(table: String, alias: String, recordKind: String, viewer: Viewer) -> SQLQueryString {
        """
        FROM knowledge_scope ks CROSS JOIN \(ident: table) \(ident: alias)
        WHERE ks.person_id = \(bind: viewer.personID ?? "") AND ks.record_kind = \(bind: recordKind) AND \(ident: alias).id = ks.record_id
        AND \(ident: alias).level_rank <= \(bind: AccessPolicy.ceilingRank(viewer))
        """
    }

    /// R-KS-4: `FROM` the person's scope rows of `recordKind` alone — the rows `scopeDriven` selects when the viewer's
    /// clearance covers every level, so that the level filters nothing (records are never deleted, so every scope row
    /// has its record): a capped count of them reads the scope's index and no record. Nil for a clearance below the
    /// highest level, whose count must read each record's level.
    public static func scopeOnly(recordKind: String, viewer: Viewer) -> SQLQueryString? {
        guard AccessPolicy.ceilingRank(viewer) >= Level.topSecret.rawValue else { return nil }
        return "FROM knowledge_scope ks WHERE ks.person_id = \(bind: viewer.personID ?? "") AND ks.record_kind = \(bind: recordKind)"
    }

    /// The level rank stored in `level_rank` columns: 1–3 for the three levels, 0 for every other label.
    public static func rank(_ sensitivity: Sensitivity) -> Int {
        sensitivity.level?.rawValue ?? 0
    }
}
