import Foundation
import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// A PostgreSQL connection seen through SQLKit, as PostgresKit's own `sql()` sees it, but whose rows read the common
/// column types straight from their cells (as `SQLiteSQL` does for SQLite).
///
/// PostgresKit's row names each cell for an error that has not happened (a string built per cell) and asks at run time
/// which decoding path the type takes — for every cell of every row. Here a `String`, `Int`, `Int64`
/// and their optionals, from a cell of a built-in text or integer type, are decoded by the cell itself, which is what
/// PostgresKit's fast path ends in; every other case goes to PostgresKit's row, so a value decodes to the same result, or
/// fails with the same error, as before. The binds are encoded as PostgresKit encodes them (a nil as NULL, the
/// PostgresNIO types by their own encoding); a statement with any other kind of bind runs through PostgresKit whole.
struct PostgresSQL: SQLDatabase {
    let connection: PostgresConnection
    /// PostgresKit's view of the same connection: the dialect, and the statements this one does not run itself.
    private let kit: any SQLDatabase
    /// Whether statements run as named prepared statements (`StatementCatalogue`).
    private let prepares: Bool

    init(_ connection: PostgresConnection, prepares: Bool = false) {
        self.connection = connection
        self.kit = connection.sql()
        self.prepares = prepares
    }

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { kit.version }
    var dialect: any SQLDialect { kit.dialect }
    var queryLogLevel: Logger.Level? { .debug }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        guard let statement = statement(query) else { return kit.execute(sql: query, onRow) }
        if let slot = statement.slot {
            return eventLoop.makeFutureWithTask {
                try await connection.execute(slot: slot, bindings: statement.query.binds, logger: logger) { onRow(PostgresSQLRow($0)) }
            }
        }
        return connection.query(statement.query, logger: logger) { onRow(PostgresSQLRow($0)) }.map { _ in }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard let statement = statement(query) else { return try await kit.execute(sql: query, onRow) }
        if let slot = statement.slot {
            return try await connection.execute(slot: slot, bindings: statement.query.binds, logger: logger) { onRow(PostgresSQLRow($0)) }
        }
        _ = try await connection.query(statement.query, logger: logger) { onRow(PostgresSQLRow($0)) }.get()
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// The statement with its binds encoded, logged as PostgresKit logs it, and its catalogue slot when it runs
    /// prepared; nil when a bind is of a type only PostgresKit's `Encodable` machinery knows.
    private func statement(_ query: any SQLExpression) -> (query: PostgresQuery, slot: (any SlotIndex.Type)?)? {
        let (sql, binds) = serialize(query)
        guard let (bindings, types) = Self.encode(binds) else { return nil }
        logger.debug("Executing query", metadata: ["sql": .string(sql), "binds": .array(binds.map { .string("\($0)") })])
        let slot =
            prepares && types.count <= StatementCatalogue.maximumBinds && Self.preparable(sql)
            ? StatementCatalogue.shared.slot(sql: sql, types: types) : nil
        return (PostgresQuery(unsafeSQL: sql, binds: bindings), slot)
    }

    /// The binds encoded as PostgresKit encodes them — a nil as NULL, the PostgresNIO types by their own encoding — with
    /// each one's type; nil when a bind is of another kind. `common` takes the common types (`CommonType`) by their
    /// type's identity: asking at run time whether a value conforms to a protocol is a lookup in the runtime's
    /// conformance cache per bind, and an import's statements carry eleven thousand binds each.
    static func encode(_ binds: [any Encodable & Sendable], common: Bool = true) -> (PostgresBindings, [PostgresDataType])? {
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(binds.count)
        func append<V: PostgresNonThrowingEncodable>(_ value: V?) {
            if let value {
                bindings.append(value)
                types.append(V.psqlType)
            } else {
                bindings.appendNull()
                types.append(.null)
            }
        }
        for bind in binds {
            switch common ? CommonType.of(dynamic: type(of: bind)) : nil {
            case .string: append(bind as? String)
            case .optionalString: append(bind as? String? ?? nil)
            case .int64: append(bind as? Int64)
            case .optionalInt64: append(bind as? Int64? ?? nil)
            case .int: append(bind as? Int)
            case .optionalInt: append(bind as? Int? ?? nil)
            case .bool: append(bind as? Bool)
            case .optionalBool: append(bind as? Bool? ?? nil)
            case .double: append(bind as? Double)
            case .optionalDouble: append(bind as? Double? ?? nil)
            case nil:
                if let optional = bind as? any NilBind, optional.isNil {
                    bindings.appendNull()
                    types.append(.null)
                } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable {
                    guard (try? bindings.append(value, context: .default)) != nil else { return nil }
                    types.append(value.psqlType)
                } else {
                    return nil
                }
            }
        }
        return (bindings, types)
    }

    /// Whether `sql` reads or writes rows — a statement worth keeping prepared. Transaction control and schema changes
    /// run unnamed: they are cheap to parse, and a statement prepared before a schema change could not run after it.
    static func preparable(_ sql: String) -> Bool {
        let head = sql.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" }.prefix(6).uppercased()
        return head.hasPrefix("SELECT") || head.hasPrefix("INSERT") || head.hasPrefix("UPDATE") || head.hasPrefix("DELETE")
            || head.hasPrefix("WITH")
    }
}

/// An optional bind, to send a nil as NULL.
private protocol NilBind { var isNil: Bool { get } }
extension Optional: NilBind {
    fileprivate var isNil: Bool { self == nil }
}

/// A row of `PostgresSQL`: the common types read from their cells, everything else through PostgresKit's row.
struct PostgresSQLRow: SQLRow {
    let row: PostgresRow
    private let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        self.cells = PostgresRandomAccessRow(row)
    }

    var allColumns: [String] { cells.map(\.columnName) }
    func contains(column: String) -> Bool { cells.contains(column) }
    func decodeNil(column: String) throws -> Bool { !cells.contains(column) || cells[column].bytes == nil }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        if cells.contains(column), let value = try Self.direct(cells[column], as: D.self) { return value }
        return try row.sql().decode(column: column, as: D.self)
    }

    /// Built-in types whose cells decode to `String` as PostgresKit's fast path decodes them.
    static let textTypes: Set<PostgresDataType> = [.text, .varchar, .name, .bpchar]
    /// Built-in integer types.
    static let integerTypes: Set<PostgresDataType> = [.int2, .int4, .int8]

    /// The value when `D` is one of the common types and the cell is of a type PostgresKit decodes by the cell itself;
    /// nil otherwise (the caller then asks PostgresKit's row).
    static func direct<D>(_ cell: PostgresCell, as _: D.Type) throws -> D? {
        guard let wanted = CommonType.of(D.self) else { return nil }
        if textTypes.contains(cell.dataType) {
            switch wanted {
            case .string where cell.bytes != nil: return try (cell.decode(String.self) as! D)
            case .optionalString: return try (cell.decode(String?.self) as! D)
            default: break
            }
        } else if integerTypes.contains(cell.dataType) {
            switch wanted {
            case .int where cell.bytes != nil: return try (cell.decode(Int.self) as! D)
            case .int64 where cell.bytes != nil: return try (cell.decode(Int64.self) as! D)
            case .optionalInt: return try (cell.decode(Int?.self) as! D)
            case .optionalInt64: return try (cell.decode(Int64?.self) as! D)
            default: break
            }
        }
        return nil
    }
}
