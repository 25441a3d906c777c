import Foundation
import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit
import TestSupport
import Testing

@testable import Storage

/// `PostgresSQLRow` reads the common types from their cells, and `PostgresSQL` encodes the common binds, without
/// PostgresKit's per-cell machinery; on a real server each must give what PostgresKit gives. Runs when the suite runs
/// against PostgreSQL (`BAOMI_TEST_DATABASE_URL`).
@Suite("PostgreSQL rows read directly — the same values as PostgresKit's row")
struct PostgresRowTests {
    static let select =
        """
        SELECT '甲'::text AS t, ''::varchar AS v, NULL::text AS n, 5::int4 AS i4, 9000000000::int8 AS i8, 3::int2 AS i2, NULL::int8 AS ni,
            true AS b, 2.5::float8 AS f, 1.25::numeric AS d, 'x'::name AS nm, $1::text AS bound, $2::int8 AS bound_int, $3::text AS bound_nil
        """

    @Test("the common binds, taken by their type, are encoded exactly as the protocol casts encode them")
    func commonBindsEncodeAlike() throws {
        let binds: [any Encodable & Sendable] = [
            "甲", "", String?.none, String?.some("乙"), Int64(9_000_000_000), Int64?.none, Int64?.some(-1), 7, Int?.none, Int?.some(0),
            true, Bool?.none, Bool?.some(false), 2.5, Double?.none, Double?.some(-0.5), Int32(3), Int32?.none,
        ]
        let common = try #require(PostgresSQL.encode(binds))
        let cast = try #require(PostgresSQL.encode(binds, common: false))
        #expect(common.0 == cast.0)
        #expect(common.1 == cast.1)
        #expect(common.1.prefix(4) == [.text, .text, .null, .text])
        struct Other: Encodable, Sendable { let x = 1 }
        #expect(PostgresSQL.encode(binds + [Other()]) == nil, "a kind of bind PostgresNIO has no encoding for runs through PostgresKit")
    }

    @Test("a row through a real connection decodes as PostgresKit's row does, errors and binds included")
    func throughConnection() async throws {
        guard let url = TestDatabase.postgresURL,
            case .postgres(let host, let port, let user, let password, let database, _) =
                try DatabaseConfiguration.parse(url: url)
        else { return }
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: host, port: port, username: user, password: password, database: database, tls: .disable), id: 1,
            logger: Logger(label: "test"))
        do {
            try await compare(PostgresSQL(connection), on: connection)
            // The same statement run prepared (`StatementCatalogue`): twice, the second time bound to a prepared name.
            try await compare(PostgresSQL(connection, prepares: true), on: connection)
            try await compare(PostgresSQL(connection, prepares: true), on: connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    func compare(_ ours: PostgresSQL, on connection: PostgresConnection) async throws {
        let binds: [any Encodable & Sendable] = ["绑定", Int64(42), String?.none]
        let row = try #require(try await ours.raw(SQLQueryString(Self.select, binds: binds)).first())
        let kit = try #require(try await connection.sql().raw(SQLQueryString(Self.select, binds: binds)).first())
        func same<D: Decodable & Equatable>(_ column: String, _: D.Type) {
            let a = Result { try row.decode(column: column, as: D.self) }
            let b = Result { try kit.decode(column: column, as: D.self) }
            switch (a, b) {
            case (.success(let x), .success(let y)): #expect(x == y, "\(column) as \(D.self)")
            case (.failure, .failure): break
            default: Issue.record("\(column) as \(D.self): ours \(a), PostgresKit's \(b)")
            }
        }
        for column in ["t", "v", "n", "i4", "i8", "i2", "ni", "b", "f", "d", "nm", "bound", "bound_int", "bound_nil", "missing"] {
            same(column, String.self)
            same(column, String?.self)
            same(column, Int.self)
            same(column, Int?.self)
            same(column, Int64.self)
            same(column, Int64?.self)
            same(column, Bool.self)
            same(column, Double.self)
        }
        #expect(try row.decode(column: "t", as: String.self) == "甲")
        #expect(try row.decode(column: "bound", as: String.self) == "绑定")
        #expect(try row.decode(column: "bound_int", as: Int64.self) == 42)
        #expect(try row.decode(column: "bound_nil", as: String?.self) == nil)
        #expect(try row.decodeNil(column: "n"))
        #expect(row.allColumns == kit.allColumns)
        // The direct path is the one a register's columns take.
        let cells = PostgresRandomAccessRow(
            try #require(try await connection.query("SELECT 'a'::text AS t, 7::int8 AS i", logger: Logger(label: "test")).get().rows.first))
        #expect(try PostgresSQLRow.direct(cells["t"], as: String.self) == "a")
        #expect(try PostgresSQLRow.direct(cells["i"], as: Int64.self) == 7)
        #expect(try PostgresSQLRow.direct(cells["i"], as: String.self) == nil)
    }
}

extension SQLQueryString {
    /// `sql` with `$1…` bound to `binds`, in order.
    init(_ sql: String, binds: [any Encodable & Sendable]) {
        var parts = sql.components(separatedBy: "$")
        var out: SQLQueryString = "\(unsafeRaw: parts.removeFirst())"
        for part in parts {
            let digits = part.prefix { $0.isNumber }
            let index = (Int(digits) ?? 1) - 1
            out = out + "\(SQLBind(binds[index]))" + "\(unsafeRaw: String(part.dropFirst(digits.count)))"
        }
        self = out
    }
}
