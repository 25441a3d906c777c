import SQLKit
import Storage

/// Two indexes the 待办 and the unit's register count by.
///
/// - A unit's open findings of a rule, oldest first, in an index of the open ones alone: "resolved_on IS NULL" is a
///   condition PostgreSQL's planner does not take as fixing a column for an order, so the index that began with the unit
///   and the resolution day could not give the order by first sighting — it sorted every open finding of the rule to
///   show five. It replaces `carrier_findings_unit_rule`.
/// - A carrier's id with its level and unit: a total of the carriers of one unit a viewer may see joins their scope rows
///   to this index alone, without reading each carrier's row. It replaces `carriers_visible` (id and level).
struct M030CarrierCountIndexes: Migration {
    let id = 30
    let name = "carrier count indexes"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "CREATE INDEX carrier_findings_open_unit ON carrier_findings(unit_id, rule, first_seen, id) WHERE resolved_on IS NULL",
                "DROP INDEX carrier_findings_unit_rule",
                "CREATE INDEX carriers_visible_unit ON carriers(id, level_rank, unit_id)",
                "DROP INDEX carriers_visible",
            ], on: db)
    }
}
