import Foundation
import PostgresNIO
import SQLiteNIO

/// The Swift types a row's columns are most often read as, told apart by their metadata's identity.
///
/// A row's `decode<D>` is generic and reached through `any SQLRow`, so it is never specialised: asking
/// `D.self == String?.self` there instantiates `Optional<String>`'s metadata through the runtime's locked cache for every
/// cell (7% of verifying a million audit entries). The identities here are taken once; a cell compares a pointer.
enum CommonType {
    case string, optionalString, int64, optionalInt64, int, optionalInt, bool, optionalBool, double, optionalDouble

    private static let byType: [ObjectIdentifier: CommonType] = [
        ObjectIdentifier(String.self): .string, ObjectIdentifier(String?.self): .optionalString,
        ObjectIdentifier(Int64.self): .int64, ObjectIdentifier(Int64?.self): .optionalInt64,
        ObjectIdentifier(Int.self): .int, ObjectIdentifier(Int?.self): .optionalInt,
        ObjectIdentifier(Bool.self): .bool, ObjectIdentifier(Bool?.self): .optionalBool,
        ObjectIdentifier(Double.self): .double, ObjectIdentifier(Double?.self): .optionalDouble,
    ]

    /// The common type `type` is, or nil for any other.
    static func of<D>(_ type: D.Type) -> CommonType? { of(dynamic: type) }

    /// The common type a value's dynamic type is (`type(of:)` of an existential), or nil for any other.
    static func of(dynamic type: any Any.Type) -> CommonType? { byType[ObjectIdentifier(type)] }
}

/// One cell of a row read by position: NULL, an integer or a text — what a reader of every column of millions of rows
/// takes (`AuditStore.verify`), without a lookup by name or a generic decode per cell.
package enum Cell: Sendable, Hashable {
    /// NULL.
    case null
    /// An integer column's value.
    case integer(Int64)
    /// A text column's value.
    case text(String)
    /// Any other kind of value (a blob, a float, a type without a text or integer form).
    case other
}

/// A row that gives its cells in the order its statement selected them (both engines' rows do).
package protocol CellsInOrder {
    /// The row's cells, first column first.
    func cellsInOrder() throws -> [Cell]
}

extension SQLiteSQLRow: CellsInOrder {
    package func cellsInOrder() -> [Cell] {
        row.columns.map { column in
            switch column.data {
            case .null: .null
            case .integer(let n): .integer(Int64(n))
            case .text(let text): .text(text)
            case .float, .blob: .other
            }
        }
    }
}

extension PostgresSQLRow: CellsInOrder {
    package func cellsInOrder() throws -> [Cell] {
        try row.map { cell in
            if cell.bytes == nil { return .null }
            if Self.integerTypes.contains(cell.dataType) { return .integer(try cell.decode(Int64.self)) }
            if Self.textTypes.contains(cell.dataType) { return .text(try cell.decode(String.self)) }
            return .other
        }
    }
}
