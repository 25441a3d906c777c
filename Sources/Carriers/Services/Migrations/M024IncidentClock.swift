import SQLKit
import Storage

/// R-IC-1: the unit's incidents not yet reported, by deadline — read by the 待办 and the self-assessment's indicator by
/// index instead of the whole table.
struct M024IncidentClock: Migration {
    let id = 24
    let name = "carrier incident clock"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(["CREATE INDEX carrier_incidents_open ON carrier_incidents(unit_id, reported_at, report_due_at)"], on: db)
    }
}
