import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// An SQLite connection seen through SQLKit, as SQLiteKit's own `sql()` sees it, but whose rows read the common
/// column types directly (issue 12).
///
/// SQLiteKit's row sends every column through its `Codable` decoder: a `String?` is an `Optional` decoded from a nested
/// single-value decoder, which casts `String` to `SQLiteDataConvertible` before it takes the text. On a register of 50
/// rows that was an eighth of the request. Here a `String`, `Int`, `Int64`, `Double`, `Bool` and their optionals are
/// taken from the column's value when it has exactly the storage class SQLiteKit would accept without converting; every
/// other case (another type, another storage class, a missing column) goes to SQLiteKit's decoder, so a value decodes
/// to the same result, or fails with the same error, as before. The statements, their binds and their logging are
/// SQLiteKit's.
struct SQLiteSQL: SQLDatabase {
    let connection: SQLiteConnection
    private let encoder = SQLiteDataEncoder()

    init(_ connection: SQLiteConnection) { self.connection = connection }

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { connection.sql().version }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .debug }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            let (sql, binds) = try statement(query)
            return connection.query(sql, binds, logger: logger) { onRow(SQLiteSQLRow(row: $0)) }
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = try statement(query)
        try await connection.query(sql, binds) { onRow(SQLiteSQLRow(row: $0)) }
    }

    /// The statement's text and its binds as SQLite values, logged as SQLiteKit logs them.
    private func statement(_ query: any SQLExpression) throws -> (String, [SQLiteData]) {
        let (sql, rawBinds) = serialize(query)
        logger.debug("Executing query", metadata: ["sql": .string(sql), "binds": .array(rawBinds.map { .string("\($0)") })])
        return (sql, try rawBinds.map { try encoder.encode($0) })
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}

/// A row of `SQLiteSQL`: the common types read directly, everything else through SQLiteKit's row.
struct SQLiteSQLRow: SQLRow {
    let row: SQLiteRow

    /// SQLiteKit's decoder, for every case not read directly.
    private static let decoder = SQLiteDataDecoder()

    var allColumns: [String] { row.columns.map(\.name) }
    func contains(column: String) -> Bool { row.column(column) != nil }
    func decodeNil(column: String) throws -> Bool { (row.column(column) ?? .null) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        if let data = row.column(column), let value = Self.direct(data, as: D.self) { return value }
        return try row.sql(decoder: Self.decoder).decode(column: column, as: D.self)
    }

    /// The value when `D` is one of the common types and `data` holds it as SQLiteKit's decoder would take it
    /// unconverted; nil otherwise (the caller then asks that decoder).
    static func direct<D>(_ data: SQLiteData, as _: D.Type) -> D? {
        guard let wanted = CommonType.of(D.self) else { return nil }
        switch (data, wanted) {
        case (.text(let text), .string): return (text as! D)
        case (.text(let text), .optionalString): return (Optional(text) as! D)
        case (.integer(let n), .int64): return (Int64(n) as! D)
        case (.integer(let n), .int): return (Int(n) as! D)
        case (.integer(let n), .optionalInt64): return (Optional(Int64(n)) as! D)
        case (.integer(let n), .optionalInt): return (Optional(Int(n)) as! D)
        case (.integer(let n), .bool) where n == 0 || n == 1: return ((n == 1) as! D)
        case (.integer(let n), .optionalBool) where n == 0 || n == 1: return (Optional(n == 1) as! D)
        case (.integer(let n), .double): return (Double(n) as! D)
        case (.integer(let n), .optionalDouble): return (Optional(Double(n)) as! D)
        case (.float(let x), .double): return (x as! D)
        case (.float(let x), .optionalDouble): return (Optional(x) as! D)
        case (.null, .optionalString): return (String?.none as! D)
        case (.null, .optionalInt64): return (Int64?.none as! D)
        case (.null, .optionalInt): return (Int?.none as! D)
        case (.null, .optionalBool): return (Bool?.none as! D)
        case (.null, .optionalDouble): return (Double?.none as! D)
        default: break
        }
        return nil
    }
}
