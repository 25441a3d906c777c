import Foundation
import SQLKit

extension TextSearch {
    /// Gives `table` its search index over `columns`: on SQLite the FTS5 table, filled from the register, and its three
    /// triggers; on PostgreSQL a trigram GIN index per column.
    package static func createIndex(table: String, columns: [String], on db: any SQLDatabase) async throws {
        guard db.dialect.name == "sqlite" else {
            let opclass = try await trigramOperatorClass(on: db)
            for column in columns {
                try await db.raw(SQLQueryString("CREATE INDEX \(table)_\(column)_trgm ON \(table) USING gin (\(column) \(opclass))")).run()
            }
            return
        }
        let list = columns.joined(separator: ", ")
        let fts = "\(table)_fts"
        let new = columns.map { "new.\($0)" }.joined(separator: ", ")
        let old = columns.map { "old.\($0)" }.joined(separator: ", ")
        let insert = "INSERT INTO \(fts)(rowid, \(list)) VALUES (new.rowid, \(new));"
        let delete = "INSERT INTO \(fts)(\(fts), rowid, \(list)) VALUES ('delete', old.rowid, \(old));"
        for statement in [
            "CREATE VIRTUAL TABLE \(fts) USING fts5(\(list), content='\(table)', content_rowid='rowid', tokenize='trigram')",
            "CREATE TRIGGER \(fts)_insert AFTER INSERT ON \(table) BEGIN \(insert) END",
            "CREATE TRIGGER \(fts)_delete AFTER DELETE ON \(table) BEGIN \(delete) END",
            "CREATE TRIGGER \(fts)_update AFTER UPDATE OF \(list) ON \(table) BEGIN \(delete) \(insert) END",
            "INSERT INTO \(fts)(\(fts)) VALUES ('rebuild')",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }

    /// PostgreSQL: `pg_trgm`'s GIN operator class, qualified by the schema the extension lives in. The extension is one
    /// per database: it is created in `public`, which no deployment's private schema (`?schema=`) or test run drops,
    /// under a lock so that schemas migrating at once do not race; one a DBA installed elsewhere is used where it is.
    private static func trigramOperatorClass(on db: any SQLDatabase) async throws -> String {
        try await db.raw("SELECT pg_advisory_xact_lock(hashtext('baomi.pg_trgm'))").run()
        try await db.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").run()
        let schema =
            try await db.raw(
                "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
            ).first()?.decode(column: "schema", as: String.self) ?? "public"
        return "\"\(schema.replacingOccurrences(of: "\"", with: "\"\""))\".gin_trgm_ops"
    }
}
