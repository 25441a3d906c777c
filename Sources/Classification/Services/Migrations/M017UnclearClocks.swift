import SQLKit
import Storage

/// Issue 11: the R-CL-3 clocks of unclear matters as kept state. `clock_escalated` is 1 once the clock of the
/// matter's current status (reporting, then decision) has been escalated, and goes back to 0 when the status moves on;
/// the sweep reads only matters not yet escalated whose clock started on or before the last overdue day
/// (`secrets_unclear_report`, `secrets_unclear_decision`), instead of every unclear matter every night.
struct M017UnclearClocks: Migration {
    let id = 17
    let name = "unclear matter clocks"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "ALTER TABLE secrets ADD COLUMN clock_escalated INTEGER NOT NULL DEFAULT 0",
                """
                UPDATE secrets SET clock_escalated = 1 WHERE status IN ('unclearPendingReport', 'unclearReported')
                AND EXISTS (SELECT 1 FROM secret_events e WHERE e.secret_id = secrets.id
                    AND e.kind = (CASE WHEN secrets.status = 'unclearPendingReport' THEN 'overdue_report' ELSE 'overdue_decision' END))
                """,
                "CREATE INDEX secrets_unclear_report ON secrets(status, clock_escalated, drafted_on)",
                "CREATE INDEX secrets_unclear_decision ON secrets(status, clock_escalated, reported_on)",
            ], on: db)
    }
}
