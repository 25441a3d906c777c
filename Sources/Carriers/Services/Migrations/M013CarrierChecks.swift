import SQLKit
import Storage

/// 清点、清退 and cross-checks (R-CA-10 and the carrier findings): the persons present at a step (two-person checks for
/// 绝密), the counts the 保密员 records, and the findings the nightly sweep keeps with the day first seen and resolved.
struct M013CarrierChecks: Migration {
    let id = 13
    let name = "carrier checks"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "ALTER TABLE carrier_events ADD COLUMN persons TEXT",
                """
                CREATE TABLE carrier_counts (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    check_kind TEXT NOT NULL,
                    period TEXT NOT NULL,
                    on_day TEXT NOT NULL,
                    expected_ids TEXT NOT NULL,
                    missing_ids TEXT NOT NULL,
                    unexpected TEXT NOT NULL,
                    note TEXT NOT NULL,
                    handled_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX carrier_counts_unit ON carrier_counts(unit_id, check_kind, period)",
                """
                CREATE TABLE carrier_findings (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    carrier_id TEXT NOT NULL REFERENCES carriers(id),
                    rule TEXT NOT NULL,
                    message TEXT NOT NULL,
                    first_seen TEXT NOT NULL,
                    resolved_on TEXT
                )
                """,
                "CREATE INDEX carrier_findings_open ON carrier_findings(carrier_id, rule, resolved_on)",
            ], on: db)
    }
}
