import Foundation
import SQLKit
import Storage

/// Multi-row INSERTs: rows are rendered as SQL text and sent `rowsPerStatement` at a time inside the caller's
/// transaction (SQLite and PostgreSQL both take a long VALUES list; a statement stays well under a few MB).
struct TableWriter {
    let table: String
    let columns: String
    let rowsPerStatement: Int
    private var buffer = ""
    private var pending = 0
    /// Rows written so far.
    private(set) var written = 0

    init(_ table: String, _ columns: [String], rowsPerStatement: Int = 500) {
        self.table = table
        self.columns = columns.joined(separator: ", ")
        self.rowsPerStatement = rowsPerStatement
    }

    /// Adds one row: its values already rendered as SQL literals.
    mutating func add(_ values: [String], on db: any SQLDatabase) async throws {
        buffer += pending == 0 ? "(" : ",("
        buffer += values.joined(separator: ",")
        buffer += ")"
        pending += 1
        if pending >= rowsPerStatement { try await flush(on: db) }
    }

    /// Sends what is buffered.
    mutating func flush(on db: any SQLDatabase) async throws {
        guard pending > 0 else { return }
        let sql = "INSERT INTO \(table) (\(columns)) VALUES " + buffer
        try await db.raw("\(unsafeRaw: sql)").run()
        written += pending
        pending = 0
        buffer = ""
        buffer.reserveCapacity(256 * rowsPerStatement)
    }
}

/// Progress lines with rows per second, for the operator watching a long load.
final class SeedProgress: @unchecked Sendable {
    private let start = Date()
    private var phaseStart = Date()
    private let lock = NSLock()
    private let say: @Sendable (String) -> Void

    init(say: @escaping @Sendable (String) -> Void) { self.say = say }

    /// Starts a phase.
    func begin(_ name: String) {
        lock.withLock { phaseStart = Date() }
        say("… \(name)")
    }

    /// Reports `done` of `total` rows of the phase.
    func step(_ name: String, done: Int, total: Int, rows: Int) {
        let elapsed = lock.withLock { Date().timeIntervalSince(phaseStart) }
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        say("  \(name) \(done)/\(total)  " + String(format: "%.1f s  %.0f 行/s rows/s", elapsed, rate))
    }

    /// Ends a phase with its row count.
    func end(_ name: String, rows: Int) -> TimeInterval {
        let elapsed = lock.withLock { Date().timeIntervalSince(phaseStart) }
        say(
            String(
                format: "✓ %@：%d 行，%.1f s，%.0f 行/s（累计 %.1f s）", name, rows, elapsed, elapsed > 0 ? Double(rows) / elapsed : 0, Date().timeIntervalSince(start)))
        return elapsed
    }

    /// Seconds since the load began.
    var total: TimeInterval { Date().timeIntervalSince(start) }
}

/// Secondary indexes of the loaded tables are dropped before the load and built again after it: building an index once
/// over sorted data is far cheaper than keeping it up to date row by row. Primary keys and UNIQUE constraints stay.
enum IndexSwap {
    /// The secondary indexes (name, definition) of `tables`, as the migrations created them.
    static func secondary(of tables: [String], engine: Database.Engine, on db: any SQLDatabase) async throws -> [(name: String, sql: String)] {
        let list = tables.map { "'\($0)'" }.joined(separator: ", ")
        let query: String =
            switch engine {
            case .sqlite:
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list)) ORDER BY name"
            case .postgres:
                """
                SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (\(list))
                AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname
                """
            }
        return try await db.raw("\(unsafeRaw: query)").all().map {
            (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String.self))
        }
    }

    /// Drops the indexes.
    static func drop(_ indexes: [(name: String, sql: String)], on db: any SQLDatabase) async throws {
        for index in indexes { try await db.raw("\(unsafeRaw: "DROP INDEX \(index.name)")").run() }
    }

    /// Builds them again from their definitions.
    static func create(_ indexes: [(name: String, sql: String)], on db: any SQLDatabase) async throws {
        for index in indexes { try await db.raw("\(unsafeRaw: index.sql)").run() }
    }
}
