import SQLKit
import Storage

/// R-CA-15: the 移交清单 lists its carriers one row each (`carrier_handover_items`, by register number), so the list
/// prints a page at a time and is filtered by what its reader may know; and the hand-overs a person received are found
/// by an index as those they gave are. The lists written before keep their carriers: the joined ids move into rows.
struct M034HandoverLists: Migration {
    let id = 34
    let name = "hand-over lists by carrier"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE carrier_handover_items (
                    handover_id TEXT NOT NULL REFERENCES carrier_handovers(id),
                    number TEXT NOT NULL,
                    carrier_id TEXT NOT NULL REFERENCES carriers(id),
                    PRIMARY KEY (handover_id, number, carrier_id)
                )
                """,
                "CREATE INDEX carrier_handovers_to ON carrier_handovers(to_person_id, created_at)",
            ], on: db)
        let lists = try await db.raw("SELECT id, carrier_ids FROM carrier_handovers").all()
        for list in lists {
            let id = try list.decode(column: "id", as: String.self)
            for chunk in CarrierStore.split(try list.decode(column: "carrier_ids", as: String.self)).chunks() {
                try await db.raw(
                    """
                    INSERT INTO carrier_handover_items (handover_id, number, carrier_id)
                    SELECT \(bind: id), c.number, c.id FROM carriers c WHERE c.id IN (\(binds: chunk))
                    """
                ).run()
            }
        }
        try await run(["ALTER TABLE carrier_handovers DROP COLUMN carrier_ids"], on: db)
    }
}
