import Accounts
import SQLKit

/// A register whose records have knowledge scopes (知悉范围, R-KS-1): its record kind, its table, and where a record stands
/// in the register's default order (newest first), as SQL over the record's row (named by the alias it is given).
///
/// Each scope row keeps its record's place in that order (`order_at`, then `order_text`, then the record's id), so a
/// viewer's page in the default order reads their own scope rows in it by the index `knowledge_scope_person_order` and
/// stops at the page's end (`keyset(name:)`) — instead of walking the whole register's order for the few rows they may
/// see. What the place is made of is fixed when the record is registered, so the scope rows never need it again.
public struct ScopedRegister: Sendable {
    /// The `record_kind` of the register's scope rows (`secret`, `carrier`, `notice`).
    public let recordKind: String
    /// The register's table.
    public let table: String
    /// A `BIGINT` expression over the row aliased as given: the order's first key, largest first.
    public let orderAt: @Sendable (_ alias: String) -> String
    /// A `TEXT` expression over the row aliased as given: the key between equal `orderAt`s (`''` when the order has none).
    public let orderText: @Sendable (_ alias: String) -> String

    /// A register of `recordKind` records kept in `table`, newest first by `orderAt`, then `orderText`, then id.
    public init(
        recordKind: String, table: String, orderAt: @escaping @Sendable (String) -> String, orderText: @escaping @Sendable (String) -> String
    ) {
        self.recordKind = recordKind
        self.table = table
        self.orderAt = orderAt
        self.orderText = orderText
    }

    /// The register's default order read from the viewer's scope rows (`AccessFilter.scopeDriven` is the `FROM`): its
    /// cursors carry the three keys of a scope row, so one made by the register's own order is not taken for it.
    public func keyset(name: String) -> KeysetOrder {
        KeysetOrder(name: name, keys: [("ks.order_at", .int), ("ks.order_text", .text), ("ks.record_id", .text)], descending: true)
    }
}

/// The knowledge scope (知悉范围) of records (R-KS-1).
public enum ScopeStore {
    /// Adds a person to the scope of a record of `register`, the record's place in the register's order with it (no-op
    /// if present). The record is written first.
    public static func add(
        _ register: ScopedRegister, recordID: String, personID: String, addedBy: String, reason: String, at millis: Int64, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO knowledge_scope (record_kind, record_id, person_id, added_by, reason, added_at, order_at, order_text)
            SELECT \(bind: register.recordKind), r.id, \(bind: personID), \(bind: addedBy), \(bind: reason), \(bind: millis),
                \(unsafeRaw: register.orderAt("r")), \(unsafeRaw: register.orderText("r"))
            FROM \(ident: register.table) r WHERE r.id = \(bind: recordID)
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

/// A register's filter as SQL — ` AND …` terms over the register's alias — and whether a term has an index of its own
/// that narrows the rows (a person, a unit, a range of days, a search text the trigram index serves). Such a page is
/// read by that index; a page in the default order without one is read from the viewer's scope (`ScopedRegister`).
package struct Filtering {
    /// The terms, each starting ` AND `.
    package private(set) var sql: SQLQueryString = ""
    /// True when a term has an index of its own.
    package private(set) var narrowed = false
    /// True when there is no term.
    package private(set) var isEmpty = true
    /// True when a term is a search text (`TextSearch`): its pages are not counted beyond themselves (`Keyset.page`).
    package private(set) var searched = false

    /// No terms.
    package init() {}

    /// Adds `term`; `narrows` when an index of its own finds its rows.
    package mutating func and(_ term: SQLQueryString, narrows: Bool = false) {
        sql = sql + " AND " + term
        narrowed = narrowed || narrows
        isEmpty = false
    }

    /// Adds a search text's condition (`TextSearch.match`).
    package mutating func and(search match: (condition: SQLQueryString, indexed: Bool)) {
        and(match.condition, narrows: match.indexed)
        searched = true
    }
}

extension ScopedRegister {
    /// R-KS-4: one page of the register's records `viewer` may see, matching `matching` (terms over `alias`), in `order`.
    /// In the default order (`newest`), unless a filter has an index of its own, the page reads the viewer's scope rows
    /// in that order: about a page of rows, however small a share of the register the viewer may see; unfiltered, a viewer
    /// cleared for every level has their scope rows counted alone. Otherwise the register's own index for `order` is
    /// walked, and the total is counted from the person's scope in its order, stopping at `Keyset.countCap`. A search
    /// is not counted beyond its page.
    package func page<Item: Sendable>(
        alias: String, viewer: Viewer, matching: Filtering, newest: Bool, order: KeysetOrder, request: PageRequest, on db: any SQLDatabase,
        decode: (any SQLRow) throws -> Item
    ) async throws -> Page<Item> {
        let select: SQLQueryString = "\(unsafeRaw: alias).*"
        let scope = AccessFilter.scopeDriven(table: table, alias: alias, recordKind: recordKind, viewer: viewer) + matching.sql
        // The total counts the viewer's scope rows in the scope's order, so that the count stops at its cap having read
        // about as many rows (PostgreSQL would otherwise read all of a large scope into a bitmap or a hash first).
        let scopeRows = (matching.isEmpty ? AccessFilter.scopeOnly(recordKind: recordKind, viewer: viewer) : nil) ?? scope
        let counted = scopeRows + " ORDER BY ks.order_at DESC, ks.order_text DESC, ks.record_id DESC"
        if newest, !matching.narrowed {
            return try await Keyset.page(
                select: select, from: scope, countFrom: counted, counted: !matching.searched, order: keyset(name: order.name), request: request,
                on: db, decode: decode)
        }
        let visibility = try await AccessFilter.visible(alias: alias, recordKind: recordKind, viewer: viewer, on: db)
        let from: SQLQueryString = "FROM \(unsafeRaw: table) \(unsafeRaw: alias) WHERE \(visibility)" + matching.sql
        return try await Keyset.page(
            select: select, from: from, countFrom: counted, counted: !matching.searched, order: order, request: request, on: db, decode: decode)
    }
}
