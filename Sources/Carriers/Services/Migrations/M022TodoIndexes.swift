import SQLKit
import Storage

/// Issue 11: the 待办 reads the first open findings of a rule oldest first, so the index walks them in that order and
/// stops after five the viewer may know of (it replaces `carrier_findings_unit`, whose columns it starts with).
struct M022TodoIndexes: Migration {
    let id = 22
    let name = "todo indexes"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "CREATE INDEX carrier_findings_unit_rule ON carrier_findings(unit_id, resolved_on, rule, first_seen, id)",
                "DROP INDEX carrier_findings_unit",
            ], on: db)
    }
}
