import Accounts
import Kernel
import SQLKit
import Storage

/// 涉密通知 — the sample protected record type.
enum NoticeStore {
    /// The `record_kind` of notices in `knowledge_scope` and the audit log.
    static let recordKind = "notice"
    /// The notices' order, newest first.
    static let register = ScopedRegister(recordKind: recordKind, table: "classified_notices", orderAt: { "\($0).created_at" }, orderText: { _ in "''" })

    static func notice(from row: any SQLRow) throws -> ClassifiedNotice {
        let code = try row.decode(column: "sensitivity", as: String.self)
        return ClassifiedNotice(
            id: try row.decode(column: "id", as: String.self),
            unitID: try row.decode(column: "unit_id", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            sensitivity: Sensitivity(code: code) ?? .stateSecret(.topSecret),
            marking: try row.decode(column: "marking", as: String.self),
            issuedOn: Day(iso: try row.decode(column: "issued_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
            authorPersonID: try row.decode(column: "author_person_id", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    /// Inserts a notice.
    static func insert(_ n: ClassifiedNotice, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO classified_notices (id, unit_id, title, body, sensitivity, level_rank, marking, issued_on, author_person_id, created_at)
            VALUES (\(bind: n.id), \(bind: n.unitID), \(bind: n.title), \(bind: n.body), \(bind: n.sensitivity.code),
                    \(bind: AccessFilter.rank(n.sensitivity)), \(bind: n.marking), \(bind: n.issuedOn.iso), \(bind: n.authorPersonID), \(bind: n.createdAt))
            """
        ).run()
    }

    /// A notice regardless of access — callers must pass it through `AccessPolicy` (see `NoticeService`).
    static func unchecked(id: String, on db: any SQLDatabase) async throws -> ClassifiedNotice? {
        try await db.raw("SELECT * FROM classified_notices WHERE id = \(bind: id)").first().map(notice(from:))
    }

    /// R-KS-4: the notices `viewer` may see, newest first, optionally matching `search` in the title.
    static func visible(to viewer: Viewer, search: String?, on db: any SQLDatabase) async throws -> [ClassifiedNotice] {
        let visibility = try await AccessFilter.visible(alias: "n", recordKind: recordKind, viewer: viewer, on: db)
        var query: SQLQueryString = "SELECT n.* FROM classified_notices n WHERE \(visibility)"
        if let search, !search.isEmpty {
            query = query + " AND " + (try await TextSearch.condition(search, table: "classified_notices", alias: "n", columns: ["title"], on: db))
        }
        query = query + " ORDER BY n.created_at DESC, n.id"
        return try await db.raw(query).all().map(notice(from:))
    }

    /// R-KS-4: how many notices `viewer` may see (counts obey the same rule as lists).
    static func visibleCount(to viewer: Viewer, on db: any SQLDatabase) async throws -> Int {
        let visibility = try await AccessFilter.visible(alias: "n", recordKind: recordKind, viewer: viewer, on: db)
        return try await db.raw(
            """
            SELECT COUNT(*) AS n FROM classified_notices n WHERE \(visibility)
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
