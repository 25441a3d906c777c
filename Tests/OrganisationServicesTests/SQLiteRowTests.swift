import Foundation
import NIOCore
import SQLiteKit
import SQLiteNIO
import Testing

@testable import Storage

/// `SQLiteSQLRow` reads the common types without SQLiteKit's decoder (issue 12); it must give what that decoder gives.
@Suite("SQLite rows read directly — the same values as SQLiteKit's decoder")
struct SQLiteRowTests {
    static let data: [SQLiteData] = [
        .text("甲"), .text(""), .text("12"), .integer(0), .integer(1), .integer(2), .integer(-7), .integer(Int.max), .float(1.5),
        .float(2), .float(-0.0), .null, .blob(ByteBuffer(bytes: [1, 2])),
    ]

    /// Every value `direct` answers equals the decoder's; every case it leaves is one the decoder answers otherwise or
    /// refuses (nil is "ask the decoder", which then decides).
    func same<D: Decodable & Equatable>(_: D.Type) {
        for value in Self.data {
            let decoded = try? SQLiteDataDecoder().decode(D.self, from: value)
            if let direct = SQLiteSQLRow.direct(value, as: D.self) {
                #expect(decoded == direct, "\(D.self) from \(value): direct \(direct), decoder \(String(describing: decoded))")
            }
        }
    }

    @Test("each common type, from each storage class")
    func matrix() {
        same(String.self)
        same(String?.self)
        same(Int.self)
        same(Int?.self)
        same(Int64.self)
        same(Int64?.self)
        same(Bool.self)
        same(Bool?.self)
        same(Double.self)
        same(Double?.self)
    }

    @Test("the direct path answers the cases a register reads, so it is the one taken")
    func taken() {
        #expect(SQLiteSQLRow.direct(.text("甲"), as: String.self) == "甲")
        #expect(SQLiteSQLRow.direct(.null, as: String?.self) == .some(nil))
        #expect(SQLiteSQLRow.direct(.integer(3), as: Int64.self) == 3)
        #expect(SQLiteSQLRow.direct(.integer(1), as: Bool.self) == true)
        #expect(SQLiteSQLRow.direct(.integer(2), as: Bool.self) == nil)
        #expect(SQLiteSQLRow.direct(.integer(3), as: String.self) == nil)
    }

    @Test("a row through a real connection decodes as SQLiteKit's row does, errors included")
    func throughConnection() async throws {
        let connection = try await SQLiteConnection.open(storage: .memory)
        do {
            try await compare(SQLiteSQL(connection), connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    func compare(_ db: SQLiteSQL, _ connection: SQLiteConnection) async throws {
        let row = try #require(try await db.raw("SELECT '甲' AS t, NULL AS n, 5 AS i, 2.5 AS f, 1 AS b").first())
        let kit = try #require(try await connection.sql().raw("SELECT '甲' AS t, NULL AS n, 5 AS i, 2.5 AS f, 1 AS b").first())
        #expect(try row.decode(column: "t", as: String.self) == kit.decode(column: "t", as: String.self))
        #expect(try row.decode(column: "n", as: String?.self) == kit.decode(column: "n", as: String?.self))
        #expect(try row.decode(column: "i", as: Int.self) == kit.decode(column: "i", as: Int.self))
        #expect(try row.decode(column: "i", as: String.self) == kit.decode(column: "i", as: String.self))
        #expect(try row.decode(column: "f", as: Double.self) == kit.decode(column: "f", as: Double.self))
        #expect(try row.decode(column: "b", as: Bool.self) == kit.decode(column: "b", as: Bool.self))
        #expect(throws: (any Error).self) { try row.decode(column: "t", as: Int.self) }
        #expect(throws: (any Error).self) { try row.decode(column: "missing", as: String.self) }
        #expect(try row.decodeNil(column: "n"))
        #expect(row.allColumns == ["t", "n", "i", "f", "b"])
    }
}
