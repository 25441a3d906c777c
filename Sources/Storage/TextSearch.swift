import Foundation
import SQLKit

/// 检索 — substring search of a register's titles, names and numbers through an index, on both databases. They are
/// Chinese text, where word tokenizers do not apply, so both indexes are of trigrams (three characters in a row):
///
/// - SQLite: an external-content FTS5 table with the `trigram` tokenizer beside the register (`<table>_fts`, keyed by
///   the register's rowid), kept current by triggers in each write's own transaction; a text is matched as one quoted
///   phrase, which is substring matching.
/// - PostgreSQL: a `pg_trgm` GIN index on each column, which `LIKE '%…%'` uses. pg_trgm takes trigrams of letters only
///   under the database's `LC_CTYPE`, so the database must have a UTF-8 one (`C.UTF-8`): under `C` it finds the same
///   rows but without the index (`ctypeProblem`).
///
/// Either index needs three characters. A text of one or two is matched by `LIKE` in the viewer's scope's order (or the
/// order the viewer chose), which the page's `LIMIT` bounds; so is, on SQLite, a text so common that its matches are
/// cheaper found in that order (`selectiveMatches`). On PostgreSQL the planner chooses between the trigram index and
/// that order itself (`match`).
package enum TextSearch {
    /// The characters a trigram index needs.
    package static let indexedLength = 3

    /// On SQLite, the most rows a text may match for the page to be read from the index's rows; a text matching more
    /// is matched in the register's order instead. The index knows its matches but not the register's order, so its
    /// rows are all read and sorted: cheap for a rare text, dear for a common one — which the order finds at once,
    /// its matches being dense.
    package static let selectiveMatches = 2_000

    /// The condition that row `alias` of `table` holds `text` in one of `columns` (a register whose search index
    /// `createIndex` made). R-KS-4 is the caller's: the condition narrows what the register's visibility allows.
    /// On SQLite a text of three characters or more first asks the index how many rows it matches (up to
    /// `selectiveMatches` and one): few, and the page reads them through the index; more, and it is matched as a
    /// shorter text is. PostgreSQL's planner weighs the trigram index against the order by its own statistics.
    package static func condition(_ text: String, table: String, alias: String, columns: [String], on db: any SQLDatabase) async throws
        -> SQLQueryString
    {
        try await match(text, table: table, alias: alias, columns: columns, on: db).condition
    }

    /// `condition`, and whether the page should be read through the text's own rows rather than the viewer's scope: on
    /// SQLite the FTS index's rows of a rare text, or no row at all. On PostgreSQL a text is never read that way: in the
    /// scope's statement its planner weighs the trigram index (a rare text: its rows, each probed in the scope, then
    /// sorted) against the viewer's scope in order (a common one: each scope row's record tested) by pg_trgm's
    /// statistics — not against the register's own order, which reads every unit's rows: for a viewer who may know a
    /// small share of the register, many times the page for a common text. A text matched in order narrows nothing.
    package static func match(_ text: String, table: String, alias: String, columns: [String], on db: any SQLDatabase) async throws
        -> (condition: SQLQueryString, indexed: Bool)
    {
        let nul = text.unicodeScalars.contains("\0")
        // PostgreSQL's text holds no NUL character (nor takes one as a bind): nothing contains such a text.
        if nul, db.dialect.name != "sqlite" { return ("1 = 0", true) }
        // FTS5's query syntax ends a string at a NUL character: such a text is matched as a short one is.
        if db.dialect.name == "sqlite", text.unicodeScalars.count >= indexedLength, !nul {
            let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let matches: SQLQueryString = "SELECT rowid FROM \(unsafeRaw: table)_fts WHERE \(unsafeRaw: table)_fts MATCH \(bind: phrase)"
            let counted: SQLQueryString = "SELECT COUNT(*) AS n FROM (" + matches + " LIMIT \(unsafeRaw: String(selectiveMatches + 1))) m"
            let n = try await db.raw(counted).first()?.decode(column: "n", as: Int.self) ?? 0
            if n <= selectiveMatches { return ("\(unsafeRaw: alias).rowid IN (" + matches + ")", true) }
        }
        let like = text.likeContaining
        let each = columns.map { "\(unsafeRaw: alias).\(unsafeRaw: $0) LIKE \(bind: like) ESCAPE '\\'" as SQLQueryString }
        return ("(" + each.joined(separator: " OR ") + ")", false)
    }

    /// On PostgreSQL, why Chinese cannot be searched by index in this database (its `LC_CTYPE` is not UTF-8), in
    /// Chinese; nil when it can, and on SQLite.
    package static func ctypeProblem(on db: any SQLDatabase) async throws -> String? {
        guard db.dialect.name != "sqlite" else { return nil }
        let ctype =
            try await db.raw("SELECT datctype FROM pg_database WHERE datname = current_database()").first()?.decode(
                column: "datctype", as: String.self) ?? ""
        let lower = ctype.lowercased()
        guard !(lower.contains("utf-8") || lower.contains("utf8")) else { return nil }
        return "PostgreSQL 数据库的 LC_CTYPE 为“\(ctype)”：pg_trgm 不能为中文建立三元组索引，检索结果仍然正确但不走索引。"
            + "请以 UTF-8 的 LC_CTYPE 建库（如 createdb --lc-ctype=C.UTF-8 --template=template0）"
    }
}
