import Foundation
import Logging
import PostgresNIO
import SQLKit
import TestSupport
import Testing

@testable import Storage

/// PostgreSQL runs the statements that read and write rows as named prepared statements (`StatementCatalogue`): each
/// distinct text, with its binds' types, is prepared once on a connection and run by name afterwards.
@Suite("PostgreSQL named prepared statements")
struct PreparedStatementTests {
    @Test("every slot's type spells its own number, so no two texts share a statement name")
    func slotTypes() {
        var names = Set<String>()
        for index in 0..<StatementCatalogue.capacity {
            let type = StatementCatalogue.slotType(index)
            #expect(type.index == index)
            names.insert(String(reflecting: type))
        }
        #expect(names.count == StatementCatalogue.capacity)
    }

    @Test("what is prepared: statements over rows, not transaction control or schema changes")
    func preparable() {
        for sql in ["SELECT 1", " (SELECT 1)", "INSERT INTO t VALUES ($1)", "update t set a = 1", "DELETE FROM t", "WITH x AS (SELECT 1) SELECT 1"] {
            #expect(PostgresSQL.preparable(sql), "\(sql)")
        }
        for sql in ["BEGIN", "COMMIT", "ROLLBACK", "CREATE TABLE t (a int)", "DROP INDEX i", "ALTER TABLE t ADD b int", "VACUUM"] {
            #expect(!PostgresSQL.preparable(sql), "\(sql)")
        }
    }

    @Test("on a real server a statement is prepared once under its name and run by it; other bind types get their own")
    func onServer() async throws {
        guard let url = TestDatabase.postgresURL,
            case .postgres(let host, let port, let user, let password, let database, _) = try DatabaseConfiguration.parse(url: url)
        else { return }
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: host, port: port, username: user, password: password, database: database, tls: .disable), id: 2,
            logger: Logger(label: "test"))
        do {
            try await exercise(PostgresSQL(connection, prepares: true))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    func exercise(_ db: PostgresSQL) async throws {
        let text = "SELECT $1::text AS a, $2::int8 AS b /* prepared-statement test */"
        func run(_ a: String?, _ b: Int64) async throws -> (String?, Int64) {
            let row = try #require(try await db.raw(SQLQueryString(text, binds: [a, b])).first())
            return (try row.decode(column: "a", as: String?.self), try row.decode(column: "b", as: Int64.self))
        }
        #expect(try await run("甲", 1) == ("甲", 1))
        #expect(try await run("乙", 2) == ("乙", 2))
        #expect(try await run(nil, 3) == (nil, 3))
        #expect(try await run("丙", 4) == ("丙", 4))
        let prepared = try await db.raw("SELECT name, statement FROM pg_prepared_statements").all().map {
            (try $0.decode(column: "name", as: String.self), try $0.decode(column: "statement", as: String.self))
        }
        let ours = prepared.filter { $0.1 == text }
        // One for a text bind, one for a NULL in its place; each under a catalogue name.
        #expect(ours.count == 2)
        #expect(ours.allSatisfy { $0.0.hasPrefix("baomi_") })
        // The listing itself ran prepared.
        #expect(prepared.contains { $0.1 == "SELECT name, statement FROM pg_prepared_statements" })
        // A statement of more binds than a catalogued one has (a batch) runs unnamed.
        let many = (1...(StatementCatalogue.maximumBinds + 1)).map { "$\($0)::int8" }.joined(separator: " + ")
        let sum = try #require(
            try await db.raw(SQLQueryString("SELECT " + many + " AS s", binds: Array(repeating: Int64(1), count: StatementCatalogue.maximumBinds + 1)))
                .first())
        #expect(try sum.decode(column: "s", as: Int64.self) == Int64(StatementCatalogue.maximumBinds + 1))
        let after = try await db.raw("SELECT statement FROM pg_prepared_statements").all().map { try $0.decode(column: "statement", as: String.self) }
        #expect(!after.contains { $0.hasPrefix("SELECT $1::int8 + ") })
    }
}
