import Foundation
import SQLKit

/// 分页 — which page of a register to read (issue 11): at most `limit` rows after (or before) a cursor.
public struct PageRequest: Sendable, Hashable {
    /// Rows per page when the caller names none.
    public static let defaultLimit = 50
    /// The most rows one page may have.
    public static let maxLimit = 200

    /// Rows per page, within 1…`maxLimit`.
    public var limit: Int
    /// Where the page starts; nil for the first page.
    public var cursor: PageCursor?

    /// A request for `limit` rows (clamped to 1…200) from `cursor` (nil: the first page).
    public init(limit: Int = PageRequest.defaultLimit, cursor: PageCursor? = nil) {
        self.limit = min(Self.maxLimit, max(1, limit))
        self.cursor = cursor
    }
}

/// One value of a row's sort key, typed so both databases compare it as the column's type.
public enum KeyValue: Sendable, Hashable, Codable {
    /// A text column (days are `YYYY-MM-DD` text, ids are UUID text).
    case text(String)
    /// An integer column (instants in milliseconds).
    case int(Int64)

    /// Encodes as a bare JSON string or number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let s): try container.encode(s)
        case .int(let n): try container.encode(n)
        }
    }

    /// Decodes a bare JSON string or number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int64.self) { self = .int(n) } else { self = .text(try container.decode(String.self)) }
    }

    var bind: any SQLExpression {
        switch self {
        case .text(let s): SQLBind(s)
        case .int(let n): SQLBind(n)
        }
    }
}

/// 翻页位置 — where a page starts: the sort key of the row next to it, for one order, forwards or backwards.
/// Opaque to users: `token` is base64url of JSON; a token that does not decode, or was made for another order, is
/// refused (`PageCursor(token:order:)` answers nil and the page reads from the start).
public struct PageCursor: Sendable, Hashable, Codable {
    /// The order the cursor belongs to (`newest`, `number`, …).
    public var order: String
    /// True: the rows before `key`; false: the rows after it.
    public var backward: Bool
    /// The sort-key values of the boundary row; the last is its id.
    public var key: [KeyValue]
    /// The total counted on the first page, carried so a deep page does not count again.
    public var total: Int

    /// A cursor for `order` at `key`.
    public init(order: String, backward: Bool, key: [KeyValue], total: Int) {
        self.order = order
        self.backward = backward
        self.key = key
        self.total = total
    }

    /// The cursor a token encodes, if it was made for `order`; nil for anything else.
    public init?(token: String, order: String) {
        var base = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        guard token.count <= 2048, let data = Data(base64Encoded: base), let decoded = try? JSONDecoder().decode(PageCursor.self, from: data),
            decoded.order == order, !decoded.key.isEmpty, decoded.key.count <= 8, decoded.total >= 0
        else { return nil }
        self = decoded
    }

    /// The opaque token for URLs and the API's `next_cursor` / `prev_cursor`.
    public var token: String {
        let data = (try? JSONEncoder.canonical.encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// One page of a register: its rows, the total the viewer may see, and the cursors of the pages beside it.
public struct Page<Item: Sendable>: Sendable {
    /// The rows, in the order asked for.
    public var items: [Item]
    /// How many rows the viewer may see in the whole list (filters applied), counted up to `cap` and one more — beyond
    /// it, `totalIsCapped` is true and pages say "1000 件以上".
    public var total: Int
    /// The most rows the total counts: `Keyset.countCap`, or for a search the page's size (a search counts only its page).
    public var cap: Int
    /// True when more than `cap` rows match.
    public var totalIsCapped: Bool { total > cap }
    /// The page after this one; nil on the last page.
    public var next: PageCursor?
    /// The page before this one; nil on the first page.
    public var previous: PageCursor?

    /// A page of `items`, its total counted up to `cap`.
    public init(items: [Item], total: Int, cap: Int = Keyset.countCap, next: PageCursor?, previous: PageCursor?) {
        self.items = items
        self.total = total
        self.cap = cap
        self.next = next
        self.previous = previous
    }

    /// The same page with each row transformed.
    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), total: total, cap: cap, next: next, previous: previous)
    }
}

/// A stable order of a register: key expressions all in one direction, the last of them unique (the id), so
/// keyset paging neither loses nor repeats a row while rows are added.
public struct KeysetOrder: Sendable {
    /// The type of one key expression, to read it back from a row.
    public enum Kind: Sendable { case text, int }

    /// The order's name in URLs (`newest`, `number`, `due`, …).
    public var name: String
    /// The key: SQL expressions over the query's alias, and their types. Give every order an index on these.
    public var keys: [(expression: String, kind: Kind)]
    /// True: largest first.
    public var descending: Bool

    /// An order named `name` over `keys`.
    public init(name: String, keys: [(expression: String, kind: Kind)], descending: Bool) {
        self.name = name
        self.keys = keys
        self.descending = descending
    }

    /// True when `key` has this order's keys, each of its type.
    func fits(_ key: [KeyValue]) -> Bool {
        key.count == keys.count
            && zip(key, keys).allSatisfy { value, k in
                switch (value, k.kind) {
                case (.text, .text), (.int, .int): true
                default: false
                }
            }
    }
}

/// Keyset paging over any `SELECT … FROM … WHERE …`, the same SQL on SQLite and PostgreSQL (row-value comparison).
public enum Keyset {
    /// Lists count their total up to this many rows, so the first page of a huge register costs a bounded read.
    public static let countCap = 1_000

    /// How many rows `from` (`FROM … WHERE …`) selects, counted up to `cap` + 1: a bounded read whatever the table's size
    /// (a total above `cap` shows as "cap 以上").
    public static func count(_ from: SQLQueryString, cap: Int = countCap, on db: any SQLDatabase) async throws -> Int {
        try await db.raw(cappedCount(from, cap: cap)).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// `SELECT COUNT(*) AS n` of the rows `from` selects, up to `cap` + 1.
    static func cappedCount(_ from: SQLQueryString, cap: Int = countCap) -> SQLQueryString {
        "SELECT COUNT(*) AS n FROM (SELECT 1 AS one " + from + " LIMIT \(unsafeRaw: String(cap + 1))) AS capped"
    }

    /// Reads one page. `select` is the column list (`c.*`), `from` is `FROM … WHERE …` (it must end in a WHERE
    /// condition, filters included); the rows come back with `decode`. `countFrom`, when given, selects the same rows
    /// by another path for the first page's total (`AccessFilter.scopeDriven`: counted from the person's scope), up to
    /// `countCap` (and one more, to tell that there are more).
    /// One statement, the first page's total counted inside it, so a page with nothing else to read may run as
    /// `Database.readSingle`; only a backward page that reaches the start reads again (the first page, one statement).
    ///
    /// Without `counted` (a search) nothing is counted: the first page's total is the rows it found — "37 件", or
    /// "50 件以上" when there is a next page (`Page.cap` is then the page's size). Each match of a search is a record
    /// read (its title), so counting matches beyond the page would read as many records again as the page does.
    public static func page<Item: Sendable>(
        select: SQLQueryString, from: SQLQueryString, countFrom: SQLQueryString? = nil, countCap: Int = countCap, counted: Bool = true,
        order: KeysetOrder, request: PageRequest, on db: any SQLDatabase, decode: (any SQLRow) throws -> Item
    ) async throws -> Page<Item> {
        // A cursor of another order, or of the same name read another way (its keys of other types), reads from the start.
        let cursor = request.cursor.flatMap { $0.order == order.name && order.fits($0.key) ? $0 : nil }
        let backward = cursor?.backward ?? false
        // Forwards in a descending order (or backwards in an ascending one) reads smaller keys.
        let smaller = order.descending != backward
        let keyList = order.keys.map(\.expression).joined(separator: ", ")
        var q: SQLQueryString = "SELECT " + select
        for (i, key) in order.keys.enumerated() { q = q + ", \(unsafeRaw: key.expression) AS k\(unsafeRaw: String(i))" }
        // The first page's total rides on the page's own statement, counted once (an uncorrelated subquery): one
        // statement is one snapshot, so a page needs no BEGIN…COMMIT of its own (issue 12). Later pages carry it.
        if cursor == nil, counted { q = q + ", (" + cappedCount(countFrom ?? from, cap: countCap) + ") AS keyset_total" }
        q = q + " " + from
        if let cursor {
            q = q + " AND (\(unsafeRaw: keyList)) \(unsafeRaw: smaller ? "<" : ">") ("
            q = q + cursor.key.map { "\($0.bind)" as SQLQueryString }.joined(separator: ", ") + ")"
        }
        let direction = smaller ? " DESC" : " ASC"
        q = q + " ORDER BY \(unsafeRaw: order.keys.map { $0.expression + direction }.joined(separator: ", "))"
        q = q + " LIMIT \(unsafeRaw: String(request.limit + 1))"
        var rows = try await db.raw(q).all()
        let more = rows.count > request.limit
        // Uncounted, the first page's total is what it read: a full page and one more reads as "more than a page".
        let found = rows.count
        if more { rows.removeLast() }
        if backward {
            rows.reverse()
            // Back at the start: read the first page as it is now, so it is always full.
            if !more {
                return try await page(
                    select: select, from: from, countFrom: countFrom, countCap: countCap, counted: counted, order: order,
                    request: PageRequest(limit: request.limit), on: db, decode: decode)
            }
        }
        func key(_ row: any SQLRow) throws -> [KeyValue] {
            try order.keys.enumerated().map { i, k in
                switch k.kind {
                case .text: .text(try row.decode(column: "k\(i)", as: String.self))
                case .int: .int(try row.decode(column: "k\(i)", as: Int64.self))
                }
            }
        }
        let items = try rows.map(decode)
        let total = try cursor?.total ?? (counted ? rows.first?.decode(column: "keyset_total", as: Int.self) ?? 0 : found)
        var next: PageCursor?
        var previous: PageCursor?
        if let last = rows.last, backward || more { next = PageCursor(order: order.name, backward: false, key: try key(last), total: total) }
        if let first = rows.first, cursor != nil, !backward || more {
            previous = PageCursor(order: order.name, backward: true, key: try key(first), total: total)
        }
        return Page(items: items, total: total, cap: counted ? countCap : request.limit, next: next, previous: previous)
    }
}
