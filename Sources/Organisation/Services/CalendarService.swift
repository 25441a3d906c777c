import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// The working-day calendar (R-SY-5): shipped years, imports, and the calendar in force.
public struct CalendarService: Sendable {
    let services: Services

    /// R-SY-5: imports a year from the JSON data file format (系统管理员 or the command line).
    @discardableResult
    public func importYear(_ actor: Actor, json: Data, source: String) async throws -> CalendarYear {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.manageConfiguration, roles: actor.roles) }
        let year = try CalendarYear.decode(json: json)
        try await s.database.transaction { db in
            let before = try await CalendarStore.years(on: db).first { $0.year == year.year }
            try await CalendarStore.upsert(year, source: source, at: s.nowMillis, on: db)
            try await AuditStore.append(
                s.record(actor, "calendar.import", target: "calendar", id: String(year.year), before: before, after: year, detail: source), on: db)
        }
        return year
    }

    /// Loads the shipped years that are not in the database yet (first run).
    public func installBundledYears() async throws {
        let stored = Set(try await services.database.read { db in try await CalendarStore.years(on: db) }.map(\.year))
        for year in CalendarYear.bundled where !stored.contains(year.year) {
            let data = try JSONEncoder.canonical.encode(year)
            try await importYear(.system, json: data, source: "随软件发布（国务院办公厅通知）")
        }
    }

    /// The calendar in force: every stored year.
    public func current() async throws -> WorkCalendar {
        WorkCalendar(years: try await services.database.read { db in try await CalendarStore.years(on: db) })
    }

    /// The stored years with their sources.
    public func years() async throws -> [(year: CalendarYear, source: String)] {
        try await services.database.read { db in
            let sources = try await CalendarStore.sources(on: db)
            return try await CalendarStore.years(on: db).map { ($0, sources[$0.year] ?? "") }
        }
    }
}
