import SQLKit
import Storage

/// 备案 filings (R-AU-3, R-AU-5, R-AU-6, R-RP-2), 定密授权申请 (DM 9), catalogue revisions (R-AU-6) and objection
/// appeals to the administration (R-CL-7).
struct M011Supervision: Migration {
    let id = 11
    let name = "supervision"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE filings (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    subject_id TEXT,
                    filed_with_unit_id TEXT NOT NULL REFERENCES units(id),
                    filed_on TEXT NOT NULL,
                    filed_by TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    content TEXT NOT NULL,
                    status TEXT NOT NULL,
                    reply TEXT,
                    replied_by TEXT,
                    replied_on TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX filings_with ON filings(filed_with_unit_id, status)",
                "CREATE INDEX filings_unit ON filings(unit_id)",
                """
                CREATE TABLE grant_applications (
                    id TEXT PRIMARY KEY,
                    applicant_unit_id TEXT NOT NULL REFERENCES units(id),
                    grantor_unit_id TEXT NOT NULL REFERENCES units(id),
                    cap TEXT NOT NULL,
                    matter_scope TEXT NOT NULL,
                    valid_from TEXT NOT NULL,
                    valid_until TEXT NOT NULL,
                    basis TEXT NOT NULL,
                    reasons TEXT NOT NULL,
                    applied_on TEXT NOT NULL,
                    applied_by TEXT NOT NULL,
                    status TEXT NOT NULL,
                    decision_note TEXT,
                    grant_id TEXT,
                    decided_on TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX grant_applications_grantor ON grant_applications(grantor_unit_id, status)",
                """
                CREATE TABLE catalogue_revisions (
                    id TEXT PRIMARY KEY,
                    item_id TEXT NOT NULL REFERENCES catalogue_items(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    revision INTEGER NOT NULL,
                    content TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    changed_by TEXT NOT NULL,
                    changed_on TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (item_id, revision)
                )
                """,
                "ALTER TABLE objections ADD COLUMN appeal_unit_id TEXT",
                "ALTER TABLE objections ADD COLUMN appealed_on TEXT",
            ], on: db)
    }
}
