import SQLKit

/// R-SY-3: the audit head carries its seal (an HMAC with a key kept outside the database), so a head rewritten to hide
/// a cut-off tail no longer verifies. Heads written before this migration are sealed by `Bootstrap` on the next start.
struct M014AuditSeal: Migration {
    let id = 14
    let name = "audit head seal"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(["ALTER TABLE audit_head ADD COLUMN mac TEXT NOT NULL DEFAULT ''"], on: db)
    }
}
