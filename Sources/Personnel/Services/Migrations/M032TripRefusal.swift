import SQLKit
import Storage

/// R-PE-5: an application to go abroad can be refused (不予批准), by whoever may approve it, with the reason; a trip
/// keeps the traveller's exit documents (出境证件); the 待办 finds those still abroad after their return date by a
/// partial index of the trips abroad.
struct M032TripRefusal: Migration {
    let id = 32
    let name = "trip refusal, exit documents, overdue returns"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "ALTER TABLE trips ADD COLUMN refused_by TEXT",
                "ALTER TABLE trips ADD COLUMN refused_on TEXT",
                "ALTER TABLE trips ADD COLUMN refusal_reason TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE trips ADD COLUMN exit_documents TEXT NOT NULL DEFAULT ''",
                "CREATE INDEX trips_abroad_return ON trips(unit_id, return_on) WHERE status = 'abroad'",
            ], on: db)
    }
}
