import Foundation
import Kernel
import SQLKit
import Storage

/// Imported working-day calendar years (R-SY-5).
enum CalendarStore {
    /// Stores (or replaces) a year.
    static func upsert(_ year: CalendarYear, source: String, at millis: Int64, on db: any SQLDatabase) async throws {
        let data = String(decoding: try JSONEncoder.canonical.encode(year), as: UTF8.self)
        try await db.raw("DELETE FROM calendar_years WHERE year = \(bind: year.year)").run()
        try await db.raw(
            """
            INSERT INTO calendar_years (year, data, source, imported_at)
            VALUES (\(bind: year.year), \(bind: data), \(bind: source), \(bind: millis))
            """
        ).run()
    }

    /// Every stored year.
    static func years(on db: any SQLDatabase) async throws -> [CalendarYear] {
        try await db.raw("SELECT data FROM calendar_years ORDER BY year").all().map {
            try CalendarYear.decode(json: Data(try $0.decode(column: "data", as: String.self).utf8))
        }
    }

    /// Where each stored year came from.
    static func sources(on db: any SQLDatabase) async throws -> [Int: String] {
        var result: [Int: String] = [:]
        for row in try await db.raw("SELECT year, source FROM calendar_years").all() {
            result[try row.decode(column: "year", as: Int.self)] = try row.decode(column: "source", as: String.self)
        }
        return result
    }
}
