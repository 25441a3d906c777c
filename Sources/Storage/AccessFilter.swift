import Accounts
import Kernel
import SQLKit

/// The SQL side of the one access decision (R-KS-4, R-SY-2).
///
/// Lists, counts, searches and exports filter with `visible(...)`; single reads load the record and its
/// scope and call `AccessPolicy.canRead`. Both apply the same rule: clearance covers the level **and** the
/// person is in the record's knowledge scope. Tests check the two agree.
public enum AccessFilter {
    /// R-KS-4: a predicate over a record table aliased `alias` with columns `id` and `level_rank`.
    ///
    /// Written as `id IN (the person's scope rows)` so either database may drive the query from the person's side
    /// (`knowledge_scope_person_record`, a covering index) when the person knows few of many records, or walk the
    /// register's order and probe the scope when they know most — never a full scan (issue 11, `QueryPlanTests`).
    public static func visible(alias: String, recordKind: String, viewer: Viewer) -> SQLQueryString {
        let ceiling = AccessPolicy.ceilingRank(viewer)
        let personID = viewer.personID ?? ""
        return """
            (\(ident: alias).level_rank <= \(bind: ceiling) AND \(ident: alias).id IN (
                SELECT ks.record_id FROM knowledge_scope ks WHERE ks.person_id = \(bind: personID) AND ks.record_kind = \(bind: recordKind)))
            """
    }

    /// The level rank stored in `level_rank` columns: 1–3 for the three levels, 0 for every other label.
    public static func rank(_ sensitivity: Sensitivity) -> Int {
        sensitivity.level?.rawValue ?? 0
    }
}

/// The knowledge scope (知悉范围) of records (R-KS-1).
public enum ScopeStore {
    /// Adds a person to a record's scope (no-op if present).
    public static func add(
        recordKind: String, recordID: String, personID: String, addedBy: String, reason: String,
        at millis: Int64, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO knowledge_scope (record_kind, record_id, person_id, added_by, reason, added_at)
            VALUES (\(bind: recordKind), \(bind: recordID), \(bind: personID), \(bind: addedBy), \(bind: reason), \(bind: millis))
            ON CONFLICT (record_kind, record_id, person_id) DO NOTHING
            """
        ).run()
    }

    /// The persons in a record's scope.
    public static func persons(recordKind: String, recordID: String, on db: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await db.raw(
                """
                SELECT person_id FROM knowledge_scope WHERE record_kind = \(bind: recordKind) AND record_id = \(bind: recordID)
                """
            ).all().map { try $0.decode(column: "person_id", as: String.self) })
    }
}
